import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {loadConfig} from '../../source/core/config/load-config.js';
import {UsageError} from '../../source/core/errors.js';
import {destroyDatabase} from '../../source/core/providers/destroy-database.js';
import {createEmbeddedProvider} from '../../source/core/providers/embedded.js';
import {repoRoot} from '../helpers/database.js';
import {tempFolder} from '../helpers/temp-folder.js';

test('destroyDatabase refuses a production target unless allowed, and keeps the data', async (t) => {
	const stateDir = tempFolder(t, 'cc-dev-destroy-');
	const marker = path.join(stateDir, 'embedded', 'marker');
	mkdirSync(path.dirname(marker), {recursive: true});
	writeFileSync(marker, 'data');
	const env: NodeJS.ProcessEnv = {...process.env, CC_DEV_STATE_DIR: stateDir};
	delete env['DATABASE_URL'];
	const config = loadConfig({cwd: repoRoot, provider: 'embedded'}, env);
	const provider = createEmbeddedProvider(config);

	const error = await t.throwsAsync(destroyDatabase(provider, config.target, {allowProduction: false, railwayEnvironment: ' Production'}), {instanceOf: UsageError});
	t.regex(error!.message, /Refusing to run db destroy against a production database/);
	t.true(existsSync(marker));

	await destroyDatabase(provider, config.target, {allowProduction: true, railwayEnvironment: 'production'});
	t.false(existsSync(marker));
});

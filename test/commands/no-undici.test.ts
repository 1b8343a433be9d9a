import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {execa} from 'execa';
import {ensureBuilt} from '../helpers/built.js';
import {repoRoot} from '../helpers/database.js';
import {cliBin} from '../helpers/run-cli.js';
import {sharedTempFolder} from '../helpers/temp-folder.js';

/**
 * Node's fetch (undici) costs about 100 ms of CPU to load, and nothing in cc-dev uses it; it gets
 * loaded all the same by an ESM import of node:http (building the module's namespace reads its lazy
 * exports) and by yoga-layout reading its WebAssembly with fetch. A preloaded script reports, as
 * the process exits, whether Node loaded it.
 */
const folder = sharedTempFolder(test, 'cc-dev-undici-');
const reporter = path.join(folder, 'report-undici.mjs');
writeFileSync(reporter, "process.on('exit', () => process.stderr.write(`[undici loaded: ${process.moduleLoadList.some((name) => name.includes('undici'))}]\\n`));\n");

async function undiciLoaded(args: readonly string[]): Promise<boolean> {
	const result = await execa(process.execPath, ['--import', reporter, ...args], {
		cwd: repoRoot,
		env: {DATABASE_URL: undefined, CC_DEV_PROVIDER: undefined, CC_DEV_STATE_DIR: path.join(folder, 'state'), NO_COLOR: '1', NODE_OPTIONS: undefined},
		reject: false,
		stdin: 'ignore',
	});
	const line = /\[undici loaded: (true|false)\]/.exec(result.stderr);
	if (!line) throw new Error(`no report from the preloaded script:\n${result.stderr}`);
	return line[1] === 'true';
}

test.before(async () => {
	await ensureBuilt();
});

test('cc-dev db status (which loads the Docker engine client) never loads Node\'s fetch', async (t) => {
	t.false(await undiciLoaded([cliBin, 'db', 'status']));
});

test('the control: an ESM import of node:http loads it', async (t) => {
	t.true(await undiciLoaded(['--input-type=module', '-e', "await import('node:http');"]), 'Node no longer loads undici for node:http: the workaround in engine-client.ts may go');
});

/**
 * What the linter reads from disk around a plain SQL file: folders with their subfolders, and a
 * diesel migration's metadata.toml, which says whether diesel runs it in a transaction.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {lintMigrations} from '../../../source/core/lint/index.js';
import {filesOf, readLintSources} from '../../../source/core/lint/load-sources.js';
import {findingsOf} from './helpers/migration.js';
import {tempFolder} from '../../helpers/temp-folder.js';

const readOptions = {assumption: 'transaction' as const, readStdin: async () => ''};
/** CONCURRENTLY with a second statement: in a transaction, an error. */
const indexMigration = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_crates_name ON crates (name);\nANALYZE crates;\n';

test('a diesel migration whose metadata.toml says run_in_transaction = false is linted without a transaction', async (t) => {
	const root = tempFolder(t, 'cc-dev-diesel-');
	const outside = path.join(root, 'migrations', '2024-05-01-000000_add_index');
	const inside = path.join(root, 'migrations', '2024-06-01-000000_add_other_index');
	for (const folder of [outside, inside]) {
		mkdirSync(folder, {recursive: true});
		writeFileSync(path.join(folder, 'up.sql'), indexMigration);
		writeFileSync(path.join(folder, 'down.sql'), 'DROP INDEX CONCURRENTLY IF EXISTS ix_crates_name;\nSELECT 1;\n');
	}
	writeFileSync(path.join(outside, 'metadata.toml'), 'run_in_transaction = false\n');
	writeFileSync(path.join(inside, 'metadata.toml'), '# run_in_transaction = false\nrun_in_transaction = true\n');

	const files = await filesOf(['migrations'], root);
	t.deepEqual(files.map((file) => path.relative(root, file)), [
		'migrations/2024-05-01-000000_add_index/down.sql',
		'migrations/2024-05-01-000000_add_index/up.sql',
		'migrations/2024-06-01-000000_add_other_index/down.sql',
		'migrations/2024-06-01-000000_add_other_index/up.sql',
	]);
	const findings = findingsOf(await lintMigrations(await readLintSources(files, readOptions)), 'concurrently-in-transaction');
	// Only the migration diesel wraps: its up file, and its down file (a rollback, checked for what fails).
	t.deepEqual(findings.map((finding) => path.relative(root, finding.path)).sort(), ['migrations/2024-06-01-000000_add_other_index/down.sql', 'migrations/2024-06-01-000000_add_other_index/up.sql']);
});

test('the same files without metadata.toml run in a transaction, as diesel runs them by default', async (t) => {
	const root = tempFolder(t, 'cc-dev-diesel-');
	const folder = path.join(root, '2024-05-01-000000_add_index');
	mkdirSync(folder);
	writeFileSync(path.join(folder, 'up.sql'), indexMigration);
	const findings = await lintMigrations(await readLintSources([path.join(folder, 'up.sql')], readOptions));
	t.is(findingsOf(findings, 'concurrently-in-transaction').length, 1);
});

import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {normaliseDump} from '../../source/core/schema/dump-schema.js';
import {freshDatabase, repoRoot} from '../helpers/database.js';
import {runCli} from './suite-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

function tempDir(t: ExecutionContext): string {
	const directory = tempFolder(t, 'cc-dev-dump-cli-');
	return directory;
}

test('dump --from-migrations writes the committed railway_schema.sql exactly; --check agrees', async (t) => {
	const target = await freshDatabase(t);
	const out = path.join(tempDir(t), 'railway_schema.sql');
	const written = await runCli(['dump', '--from-migrations', '--out', out], target);
	t.is(written.exitCode, 0, written.stderr);
	t.regex(written.stdout, /✔ wrote .*railway_schema\.sql: \d+ lines, schema of the migrations at 28a8c0e6e895 \(pg_dump 15/);
	const text = readFileSync(out, 'utf8');
	t.is(normaliseDump(text), normaliseDump(readFileSync(path.join(repoRoot, 'railway_schema.sql'), 'utf8')));
	const again = await runCli(['dump', '--from-migrations', '--out', out, '--check'], target);
	t.is(again.exitCode, 0, again.stderr);
	t.regex(again.stdout, /matches the dump of the migrations/);
	const committed = await runCli(['dump', '--from-migrations', '--check'], target);
	t.is(committed.exitCode, 0, `the committed railway_schema.sql is stale: ${committed.stdout}`);
});

test('dump of the configured database is deterministic and names its revision; --out - prints it', async (t) => {
	const target = await freshDatabase(t);
	t.is((await runCli(['migrate', 'up'], target)).exitCode, 0);
	const first = await runCli(['dump', '--out', '-'], target);
	const second = await runCli(['dump', '--out', '-'], target);
	t.is(first.exitCode, 0, first.stderr);
	t.is(first.stdout, second.stdout);
	t.regex(first.stdout, /^-- cc-dev revision: 28a8c0e6e895$/m);
	t.regex(first.stdout, /^\\restrict ccdev$/m);
	t.regex(first.stdout, /CREATE TABLE public\.cc_dev_migrations/);
});

test('--check exits 1 with the diff when the file differs, and when it is missing', async (t) => {
	const target = await freshDatabase(t);
	const out = path.join(tempDir(t), 'schema.sql');
	writeFileSync(out, readFileSync(path.join(repoRoot, 'railway_schema.sql'), 'utf8').replace('color character varying(7) NOT NULL', 'color character varying(9) NOT NULL'));
	const differs = await runCli(['dump', '--from-migrations', '--check', '--out', out], target);
	t.is(differs.exitCode, 1);
	t.regex(differs.stdout, /^-    color character varying\(9\) NOT NULL,$/m);
	t.regex(differs.stdout, /^\+    color character varying\(7\) NOT NULL,$/m);
	t.regex(differs.stderr, /schema\.sql differs from the dump of the migrations at 28a8c0e6e895; regenerate it with cc-dev dump --from-migrations/);
	const missing = await runCli(['dump', '--from-migrations', '--check', '--out', `${out}.missing`], target);
	t.is(missing.exitCode, 1);
	t.regex(missing.stderr, /does not exist/);
});

test('a missing pg_dump is exit 3 with how to get one', async (t) => {
	const target = await freshDatabase(t);
	const result = await runCli(['dump', '--out', '-'], target, {env: {CC_DEV_PG_DUMP: '/nonexistent/pg_dump'}});
	t.is(result.exitCode, 3);
	t.regex(result.stderr, /CC_DEV_PG_DUMP=\/nonexistent\/pg_dump is not a pg_dump of PostgreSQL 15 or newer/);
	t.regex(result.stderr, /hint +Install the PostgreSQL 15 client/);
	t.is(result.stdout, '');
});

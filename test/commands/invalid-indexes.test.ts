import test from 'ava';
import {freshDatabase, query} from '../helpers/database.js';
import {migrationsDir} from '../helpers/migrations-dir.js';
import {runCli} from '../helpers/run-cli.js';

test('an interrupted CREATE INDEX CONCURRENTLY: status names the INVALID index, the re-run says how to drop it', async (t) => {
	const target = await freshDatabase(t);
	const env = {DATABASE_URL: target.url};
	const directory = migrationsDir(t, [
		{revision: '000000000001', up: 'CREATE TABLE t (v int);\nINSERT INTO t VALUES (1), (1);', down: 'DROP TABLE t;'},
		{revision: '000000000002', parents: ['000000000001'], transaction: 'none', up: 'CREATE UNIQUE INDEX CONCURRENTLY t_v ON t (v);', down: 'DROP INDEX CONCURRENTLY t_v;'},
	]);
	// The duplicate makes the build fail after the index exists: the state a SIGKILL mid-build leaves too.
	const first = await runCli(['migrate', 'up', '--migrations', directory], {env});
	t.is(first.exitCode, 1, first.stderr);
	t.regex(first.stderr, /An INVALID index is left by an interrupted CREATE INDEX CONCURRENTLY: public\.t_v\. Drop it \(DROP INDEX CONCURRENTLY IF EXISTS public\.t_v;\)/);
	t.deepEqual(await query(target, "select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid where not i.indisvalid"), [{relname: 't_v'}]);

	const status = await runCli(['migrate', 'status', '--migrations', directory], {env});
	t.is(status.exitCode, 1);
	t.regex(status.stdout, /INVALID index .*public\.t_v.*DROP INDEX CONCURRENTLY IF EXISTS public\.t_v;/);
	t.regex(status.stdout, /1 pending migration/);
	const json = JSON.parse((await runCli(['migrate', 'status', '--migrations', directory, '--json'], {env})).stdout) as {invalidIndexes: string[]};
	t.deepEqual(json.invalidIndexes, ['public.t_v']);

	await query(target, 'DELETE FROM t');
	const rerun = await runCli(['migrate', 'up', '--migrations', directory], {env});
	t.is(rerun.exitCode, 1);
	t.regex(rerun.stderr, /relation "t_v" already exists/);
	t.notRegex(rerun.stderr, /Nothing of this migration ran/);
	t.regex(rerun.stderr, /DROP INDEX CONCURRENTLY IF EXISTS public\.t_v;/);

	await query(target, 'DROP INDEX CONCURRENTLY public.t_v');
	const fixed = await runCli(['migrate', 'up', '--migrations', directory], {env});
	t.is(fixed.exitCode, 0, fixed.stderr);
	const clean = await runCli(['migrate', 'status', '--migrations', directory], {env});
	t.is(clean.exitCode, 0, clean.stdout);
	t.notRegex(clean.stdout, /INVALID/);
});

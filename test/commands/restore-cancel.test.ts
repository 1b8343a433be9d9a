import path from 'node:path';
import test from 'ava';
import pg from 'pg';
import type {ConnectionTarget} from '../../source/core/database/target.js';
import {freshDatabase, query, repoRoot} from '../helpers/database.js';
import {until} from '../helpers/until.js';
import {spawnCli} from './suite-cli.js';

const schemaFile = path.join(repoRoot, 'railway_schema.sql');

const restoreBackends = async (target: ConnectionTarget, extra = '') =>
	(await query<{n: number}>(target, `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'cc-dev restore' ${extra}`))[0]!.n;

test('SIGTERM during a restore cancels the running statement: the backend is gone, the lock released, nothing restored', async (t) => {
	const target = await freshDatabase(t);
	// Another session creating the same extension in an open transaction: the dump's CREATE EXTENSION waits for it.
	const holder = new pg.Client({connectionString: target.url, application_name: 'holder'});
	await holder.connect();
	holder.on('error', () => {});
	t.teardown(() => holder.end().catch(() => {}));
	await holder.query('BEGIN');
	await holder.query('CREATE EXTENSION "uuid-ossp"');

	const restore = spawnCli(['restore', schemaFile, '--yes'], target);
	await until(async () => (await restoreBackends(target, "and wait_event_type = 'Lock' and query ilike 'CREATE EXTENSION%'")) === 1, 'the restore to wait on the extension');
	restore.kill('SIGTERM');
	const result = await restore;
	t.is(result.exitCode, 1, String(result.stderr));
	t.regex(String(result.stderr), /Cancelled during the restore/);
	await until(async () => (await restoreBackends(target)) === 0, 'the restore backend to end');
	// pg_locks covers the whole cluster, and other test files hold their own migration locks in their databases.
	t.deepEqual(await query(target, "select 1 from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())"), []);
	await holder.query('ROLLBACK');
	t.deepEqual(await query(target, "select tablename from pg_tables where schemaname = 'public'"), []);
});

import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {EnvironmentError, FailureError, InputError, UsageError} from '../../../source/core/errors.js';
import type {CoreEvent} from '../../../source/core/events.js';
import {MigrationSqlError} from '../../../source/core/migrations/sql-error.js';
import type {Direction} from '../../../source/core/events.js';
import type {ProductionGuard} from '../../../source/core/guards/production.js';
import type {SessionOptions} from '../../../source/core/migrations/migration-session.js';
import {runMigrations, type RunOptions} from '../../../source/core/migrations/run-migrations.js';
import {stampRevision} from '../../../source/core/migrations/stamp.js';
import {readMigrationStatus} from '../../../source/core/migrations/status.js';
import type {ConnectionTarget} from '../../../source/core/database/target.js';
import {freshDatabase, query, serverWaitMs} from '../../helpers/database.js';
import {chain, fileNameOf, migrationText, migrationsDir} from '../../helpers/migrations-dir.js';
import {tempFolder} from '../../helpers/temp-folder.js';

// The test server is on this machine: the production guard lets every operation through.
const options = (target: ConnectionTarget, directory: string, extra: Partial<SessionOptions & {direction: Direction; to: string; steps: number; lockRetries: number}> = {}) =>
	({
		target,
		migrationsDir: directory,
		waitMs: serverWaitMs,
		lockWaitMs: 10_000,
		lockTimeout: '2s',
		statementTimeout: '1min',
		direction: 'up',
		allowProduction: false,
		railwayEnvironment: undefined,
		...extra,
	}) as RunOptions & ProductionGuard;

const tables = async (target: ConnectionTarget): Promise<string[]> =>
	(await query<{tablename: string}>(target, "select tablename from pg_tables where schemaname = 'public' order by 1")).map((row) => row.tablename);

const versions = async (target: ConnectionTarget): Promise<string[]> =>
	(await query<{revision: string}>(target, 'select revision from cc_dev_migrations order by revision')).map((row) => row.revision);

test('applies pending migrations in order, records them with their times, and reverts them', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(3));
	const events: CoreEvent[] = [];
	const result = await runMigrations(options(target, directory, {onEvent: (event) => events.push(event)}));
	t.deepEqual(result.steps.map((step) => step.revision), ['000000000001', '000000000002', '000000000003']);
	t.deepEqual(result.after, ['000000000003']);
	t.deepEqual(await tables(target), ['cc_dev_migrations', 't1', 't2', 't3']);
	t.is(events.filter((event) => event.type === 'migration-done').length, 3);
	const rows = await query<{execution_ms: number; how: string; checksum: string}>(target, 'select execution_ms, how, checksum from cc_dev_migrations');
	t.true(rows.every((row) => row.how === 'applied' && row.execution_ms >= 0 && row.checksum.length === 64));

	const again = await runMigrations(options(target, directory));
	t.is(again.steps.length, 0);

	const down = await runMigrations(options(target, directory, {direction: 'down'}));
	t.deepEqual(down.steps.map((step) => step.revision), ['000000000003']);
	t.deepEqual(await tables(target), ['cc_dev_migrations', 't1', 't2']);
	await runMigrations(options(target, directory, {direction: 'down', to: 'base'}));
	t.deepEqual(await tables(target), ['cc_dev_migrations']);
	t.deepEqual(await versions(target), []);
});

test('up --to stops at the revision', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(3));
	const result = await runMigrations(options(target, directory, {to: '000000000002'}));
	t.deepEqual(result.after, ['000000000002']);
	await t.throwsAsync(runMigrations(options(target, directory, {to: 'ffffffffffff'})), {instanceOf: UsageError, message: /Unknown revision "ffffffffffff"/});
});

test('SQL failing halfway leaves the database exactly as before that migration, and says file:line:column', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], up: 'CREATE TABLE good (id int);\nINSERT INTO good VALUES (1);\nINSERT INTO missing_table VALUES (1);', down: 'DROP TABLE good;'},
	]);
	const error = await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: MigrationSqlError});
	t.is(error!.exitCode, 1);
	t.is(error!.file, '000000000002_change.sql');
	t.is(error!.line, 10);
	t.is(error!.column, 13);
	t.regex(error!.message, /000000000002_change\.sql:10:13: relation "missing_table" does not exist/);
	t.regex(error!.hint!, /rolled back/);
	t.deepEqual(await tables(target), ['cc_dev_migrations', 't1']);
	t.deepEqual(await versions(target), ['000000000001']);
});

test('SQL the server cannot parse, though cc-dev\'s newer parser can, fails the migration and is never recorded as applied', async (t) => {
	const target = await freshDatabase(t);
	// VIRTUAL generated columns are PostgreSQL 18 syntax: libpg-query 18 accepts them, PostgreSQL 15 does not.
	const directory = migrationsDir(t, [...chain(1), {revision: '000000000002', parents: ['000000000001'], up: 'CREATE TABLE later (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL);', down: 'DROP TABLE later;'}]);
	const error = await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: MigrationSqlError});
	t.is(error!.file, '000000000002_change.sql');
	t.is(error!.line, 8);
	t.deepEqual(await versions(target), ['000000000001']);
	const again = await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: MigrationSqlError});
	t.is(again!.file, '000000000002_change.sql');
	t.deepEqual(await versions(target), ['000000000001']);
});

test('an edited applied migration stops the run', async (t) => {
	const target = await freshDatabase(t);
	const specs = chain(2);
	const directory = migrationsDir(t, specs);
	await runMigrations(options(target, directory, {to: '000000000001'}));
	writeFileSync(path.join(directory, fileNameOf(specs[0]!)), migrationText({...specs[0]!, up: 'CREATE TABLE t1 (id bigint PRIMARY KEY);'}));
	const error = await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: InputError});
	t.regex(error!.message, /changed since applied: 000000000001_change\.sql/);
	t.deepEqual(await versions(target), ['000000000001']);
	const status = await readMigrationStatus({target, migrationsDir: directory, waitMs: serverWaitMs});
	t.true(status.problems.some((problem) => problem.includes('edited')));
});

test('statements that cannot run in a transaction are caught before anything runs', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], up: 'CREATE INDEX CONCURRENTLY t1_idx ON t1 (id);', down: 'DROP INDEX t1_idx;'},
	]);
	const error = await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: InputError});
	t.regex(error!.message, /000000000002_change\.sql:8:1: CREATE INDEX CONCURRENTLY cannot run inside a transaction/);
	t.regex(error!.hint!, /Transaction: none/);
	t.deepEqual(await tables(target), []);
});

test('ALTER TYPE ... ADD VALUE runs inside a wrapped migration (PostgreSQL 12+), which commits the value with the migration', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		{revision: '000000000001', up: "CREATE TYPE public.mood AS ENUM ('calm');", down: 'DROP TYPE public.mood;'},
		{revision: '000000000002', parents: ['000000000001'], up: "ALTER TYPE public.mood ADD VALUE 'busy';\nCREATE TABLE public.moods (id int);", down: 'DROP TABLE public.moods;'},
	]);
	await runMigrations(options(target, directory));
	t.deepEqual(await query(target, "select enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = 'mood' order by enumsortorder"), [{enumlabel: 'calm'}, {enumlabel: 'busy'}]);
	t.deepEqual(await versions(target), ['000000000001', '000000000002']);
});

test('Transaction: none runs statements outside a transaction', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], transaction: 'none', up: 'CREATE INDEX CONCURRENTLY t1_idx ON t1 (id);', down: 'DROP INDEX CONCURRENTLY t1_idx;'},
	]);
	await runMigrations(options(target, directory));
	t.is((await query(target, "select 1 from pg_indexes where indexname = 't1_idx'")).length, 1);
	await runMigrations(options(target, directory, {direction: 'down'}));
	t.is((await query(target, "select 1 from pg_indexes where indexname = 't1_idx'")).length, 0);
});

test('BEGIN inside a wrapped migration is refused', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [{revision: '000000000001', up: 'BEGIN;\nCREATE TABLE x (id int);\nCOMMIT;'}]);
	await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: InputError, message: /:8:1: a transaction command \(BEGIN\)/});
});

test('a syntax error is reported at its position before anything runs', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [{revision: '000000000001', up: 'CREATE TABLE a (id int);\nCREATE TABLEE b (id int);'}]);
	await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: InputError, message: /000000000001_change\.sql:9:8: syntax error at or near "TABLEE"/});
	t.deepEqual(await tables(target), []);
});

test('down without a down section is refused before anything runs', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [{revision: '000000000001', up: 'CREATE TABLE a (id int);'}]);
	await runMigrations(options(target, directory));
	await t.throwsAsync(runMigrations(options(target, directory, {direction: 'down'})), {instanceOf: UsageError, message: /no down section/});
	await runMigrations(options(target, directory, {direction: 'down'})).catch(() => {});
	t.deepEqual(await tables(target), ['a', 'cc_dev_migrations']);
});

test('down past base is a usage error', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(2));
	await runMigrations(options(target, directory));
	await t.throwsAsync(runMigrations(options(target, directory, {direction: 'down', steps: 3})), {instanceOf: UsageError, message: /only 2 migrations are applied/});
	t.deepEqual(await versions(target), ['000000000001', '000000000002']);
});

test('two runs at once: one waits for the lock, each migration is applied exactly once', async (t) => {
	const target = await freshDatabase(t);
	const pg = (await import('pg')).default;
	// The first migration waits for a gate the test holds: the first run keeps the migration lock until the second waits for it.
	const gate = new pg.Client({connectionString: target.url});
	await gate.connect();
	t.teardown(() => gate.end());
	await gate.query('select pg_advisory_lock(4242)');
	const directory = migrationsDir(t, [
		{revision: '000000000001', up: 'CREATE TABLE counter (n int);\nSELECT pg_advisory_lock(4242);\nSELECT pg_advisory_unlock(4242);', down: 'DROP TABLE counter;'},
		...chain(5, 2).map((spec, index) => ({...spec, parents: [index === 0 ? '000000000001' : spec.parents![0]!], up: `${spec.up}\nINSERT INTO counter VALUES (${index});`})),
	]);
	const bounds = {lockWaitMs: 120_000, lockTimeout: '2min'};
	let secondWaits!: () => void;
	const waiting = new Promise<void>((resolve) => (secondWaits = resolve));
	const secondEvents: CoreEvent[] = [];
	let second: ReturnType<typeof runMigrations> | undefined;
	const first = runMigrations(options(target, directory, {
		...bounds,
		onEvent: (event) => {
			if (event.type !== 'lock-acquired' || second) return;
			second = runMigrations(options(target, directory, {
				...bounds,
				onEvent: (event) => {
					secondEvents.push(event);
					if (event.type === 'lock-waiting') secondWaits();
				},
			}));
			second.catch(() => secondWaits());
		},
	}));
	first.catch(() => secondWaits());
	await waiting;
	await gate.query('select pg_advisory_unlock(4242)');
	const results = await Promise.all([first, second!]);
	// The first run applies everything; the second waited, then found nothing pending.
	t.deepEqual(results.map((result) => result.steps.length), [6, 0]);
	t.true(secondEvents.some((event) => event.type === 'lock-waiting'));
	t.is((await query(target, 'select * from counter')).length, 5);
	t.is((await versions(target)).length, 6);
});

test('a run gives up on the lock after the bounded wait and names the holder', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(1));
	const pg = (await import('pg')).default;
	const holder = new pg.Client({connectionString: target.url, application_name: 'stuck deploy'});
	await holder.connect();
	t.teardown(() => holder.end());
	await holder.query('select pg_advisory_lock($1::bigint)', [0x63_63_64_65_76]);
	const error = await t.throwsAsync(runMigrations(options(target, directory, {lockWaitMs: 500})), {instanceOf: EnvironmentError});
	t.regex(error!.message, /holds the migration lock: backend \d+ \(stuck deploy/);
	t.regex(error!.hint!, /cc-dev migrate unlock/);
});

test('adopts a Flask-Migrate database at a known revision without running it', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(2));
	await query(target, "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY); INSERT INTO alembic_version VALUES ('000000000001'); CREATE TABLE t1 (id integer PRIMARY KEY);");
	const status = await readMigrationStatus({target, migrationsDir: directory, waitMs: serverWaitMs});
	t.is(status.adoptsAlembicRevision, '000000000001');
	t.deepEqual(status.pending.map((entry) => entry.revision), ['000000000002']);
	const events: CoreEvent[] = [];
	const result = await runMigrations(options(target, directory, {onEvent: (event) => events.push(event)}));
	t.deepEqual(result.steps.map((step) => step.revision), ['000000000002']);
	t.true(events.some((event) => event.type === 'adopted' && event.revision === '000000000001'));
	const rows = await query<{revision: string; how: string}>(target, 'select revision, how from cc_dev_migrations order by revision');
	t.deepEqual(rows, [{revision: '000000000001', how: 'adopted'}, {revision: '000000000002', how: 'applied'}]);
});

test('refuses to adopt an unknown alembic revision', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(1));
	await query(target, "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL); INSERT INTO alembic_version VALUES ('deadbeef0000');");
	await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: InputError, message: /Flask-Migrate at revision deadbeef0000/});
});

test('stamp records and forgets revisions without running SQL', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(3));
	const stamped = await stampRevision({...options(target, directory), revision: '000000000002'});
	t.deepEqual(stamped.current, ['000000000002']);
	t.deepEqual(await tables(target), ['cc_dev_migrations']);
	t.deepEqual(await versions(target), ['000000000001', '000000000002']);
	await stampRevision({...options(target, directory), revision: 'base'});
	t.deepEqual(await versions(target), []);
});

test('an unreachable database fails within the wait bound and never prints the password', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const target = {url: 'postgresql://someone:s3cret-pass@127.0.0.1:1/nowhere', host: '127.0.0.1', port: 1, user: 'someone', database: 'nowhere', source: 'DATABASE_URL'};
	const started = Date.now();
	const error = await t.throwsAsync(runMigrations(options(target, directory, {waitMs: 800})), {instanceOf: EnvironmentError});
	t.true(Date.now() - started < 30_000, 'bounded (generously: other test processes share the CPU)');
	t.regex(error!.message, /Cannot reach the database at 127\.0\.0\.1:1/);
	t.false(`${error!.message}${error!.hint}`.includes('s3cret-pass'));
});

test('a wrong password fails at once with a clear message', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(1));
	const wrong = {...target, url: target.url.replace(/:[^:@/]+@/, ':wrong-password@')};
	const error = await t.throwsAsync(runMigrations(options(wrong, directory)), {instanceOf: EnvironmentError});
	t.regex(error!.message, /Password authentication failed for user "cognition_user"/);
	t.false(error!.message.includes('wrong-password'));
});

test('a migration blocked by another transaction fails at the lock timeout, names the blocker, and retries when asked', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [...chain(1), {revision: '000000000002', parents: ['000000000001'], up: 'ALTER TABLE t1 ADD COLUMN note text;', down: 'ALTER TABLE t1 DROP COLUMN note;'}]);
	await runMigrations(options(target, directory, {to: '000000000001'}));
	const pg = (await import('pg')).default;
	const blocker = new pg.Client({connectionString: target.url, application_name: 'long report'});
	await blocker.connect();
	t.teardown(() => blocker.end());
	await blocker.query('BEGIN; SELECT * FROM t1;');
	const events: CoreEvent[] = [];
	const error = await t.throwsAsync(runMigrations(options(target, directory, {lockTimeout: '200ms', lockRetries: 1, onEvent: (event) => events.push(event)})), {instanceOf: FailureError});
	t.regex(error!.message, /lock timeout/);
	t.regex(error!.hint!, /Blocked by backend \d+ \(long report, idle in transaction/);
	t.true(events.some((event) => event.type === 'migration-retry'));
	await blocker.query('ROLLBACK');
	const result = await runMigrations(options(target, directory, {lockTimeout: '200ms'}));
	t.is(result.steps.length, 1);
});

test('the migrations are analysed before the migration lock is taken: analysis never waits on, nor holds, the lock', async (t) => {
	const {existsSync} = await import('node:fs');
	const pg = (await import('pg')).default;
	const {migrationLockKey} = await import('../../../source/core/migrations/lock.js');
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(2));
	const stateDir = tempFolder(t, 'cc-dev-analysis-');
	const holder = new pg.Client({connectionString: target.url});
	await holder.connect();
	t.teardown(() => holder.end().catch(() => {}));
	await holder.query('select pg_advisory_lock($1::bigint)', [migrationLockKey]);

	let cacheWrittenWhileWaiting: boolean | undefined;
	const run = runMigrations(options(target, directory, {
		stateDir,
		lockWaitMs: 120_000,
		onEvent(event) {
			if (event.type !== 'lock-waiting' || cacheWrittenWhileWaiting !== undefined) return;
			cacheWrittenWhileWaiting = existsSync(path.join(stateDir, 'cache', 'analysis'));
			void holder.query('select pg_advisory_unlock($1::bigint)', [migrationLockKey]);
		},
	}));
	const result = await run;
	t.true(cacheWrittenWhileWaiting, 'the analysis was saved before the run waited for the lock');
	t.deepEqual(result.steps.map((step) => step.revision), ['000000000001', '000000000002']);
});

import test, {type ExecutionContext} from 'ava';
import {withClient, type PgClient} from '../../../source/core/database/connect.js';
import type {ConnectionTarget} from '../../../source/core/database/target.js';
import {CancelledError} from '../../../source/core/errors.js';
import type {CoreEvent} from '../../../source/core/events.js';
import {executeBatch, takeBatch} from '../../../source/core/migrations/execute-batch.js';
import {buildGraph} from '../../../source/core/migrations/graph.js';
import {loadMigrations} from '../../../source/core/migrations/load-migrations.js';
import {runMigrations, type RunOptions} from '../../../source/core/migrations/run-migrations.js';
import {MigrationSqlError} from '../../../source/core/migrations/sql-error.js';
import {analyseMigration, type AnalysedMigration} from '../../../source/core/migrations/statements.js';
import {freshDatabase, query, serverWaitMs} from '../../helpers/database.js';
import {migrationsDir, type MigrationSpec} from '../../helpers/migrations-dir.js';

const revision = (index: number): string => index.toString(16).padStart(12, '0');

/** A chain whose first migration makes the probe table; the others are given by their up SQL. */
function specs(ups: readonly string[]): MigrationSpec[] {
	const all = ['CREATE TABLE probe (id serial PRIMARY KEY, note text NOT NULL, at timestamptz NOT NULL DEFAULT statement_timestamp());', ...ups];
	return all.map((up, index) => ({revision: revision(index + 1), parents: index === 0 ? [] : [revision(index)], up, down: 'SELECT 1;'}));
}

const runOptions = (target: ConnectionTarget, directory: string, extra: Partial<RunOptions> = {}): RunOptions =>
	({target, migrationsDir: directory, waitMs: serverWaitMs, lockWaitMs: 10_000, lockTimeout: '2s', statementTimeout: '1min', direction: 'up', ...extra}) as RunOptions;

/** Applies the first migration (which also makes the version table) and returns the others, analysed, for a batch. */
async function prepare(t: ExecutionContext, ups: readonly string[]): Promise<{target: ConnectionTarget; directory: string; steps: AnalysedMigration[]}> {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, specs(ups));
	await runMigrations(runOptions(target, directory, {to: revision(1)}));
	const ordered = buildGraph(loadMigrations(directory)).ordered.slice(1);
	const steps = await Promise.all(ordered.map((migration) => analyseMigration(migration, 'up')));
	return {target, directory, steps};
}

const recorded = async (target: ConnectionTarget): Promise<string[]> =>
	(await query<{revision: string}>(target, 'select revision from cc_dev_migrations order by revision')).map((row) => row.revision);

const onClient = <T>(target: ConnectionTarget, work: (client: PgClient) => Promise<T>): Promise<T> => withClient(target, {waitMs: serverWaitMs}, work);

test('a batch commits each migration with its own row and time, all sent in one message', async (t) => {
	const {target, steps} = await prepare(t, ["INSERT INTO probe (note) VALUES ('a');", "SELECT pg_sleep(0.3);\nINSERT INTO probe (note) VALUES ('b');", "INSERT INTO probe (note) VALUES ('c');"]);
	const outcome = await onClient(target, (client) => executeBatch(client, steps));
	t.deepEqual(outcome.applied.map(({step}) => step.migration.revision), [revision(2), revision(3), revision(4)]);
	t.deepEqual(outcome.rest, []);
	// Each migration is timed from its own start, not from the batch's.
	const [first, slow, after] = outcome.applied.map(({durationMs}) => durationMs);
	t.true(first! < 300 && slow! >= 300 && after! < 300, `durations ${first}, ${slow}, ${after}`);
	const rows = await query<{revision: string; execution_ms: number}>(target, 'select revision, execution_ms from cc_dev_migrations order by applied_at, revision');
	t.deepEqual(rows.map((row) => row.revision), [revision(1), revision(2), revision(3), revision(4)]);
	t.deepEqual(rows.slice(1).map((row) => row.execution_ms), [first, slow, after]);
	const starts = await query<{distinct: string}>(target, 'select count(distinct applied_at) as distinct from cc_dev_migrations');
	t.is(Number(starts[0]!.distinct), 4);
	// statement_timestamp() is the time the server received the message: one message, one time.
	const times = await query<{count: string}>(target, 'select count(distinct at) as count from probe');
	t.is(Number(times[0]!.count), 1);
	// Each still committed on its own: three transactions, one per migration.
	const transactions = await query<{count: string}>(target, 'select count(distinct xmin::text) as count from probe');
	t.is(Number(transactions[0]!.count), 3);
});

test('version rows of a batch record each message exactly, quotes, backslashes and all', async (t) => {
	const target = await freshDatabase(t);
	const messages = ["it's a \\ \"test\" 🙂", "E'\\'; DROP TABLE probe; --", 'ünïcode $$ dollar $q$ quotes'];
	const directory = migrationsDir(t, [
		...specs([]),
		...messages.map((message, index) => ({revision: revision(index + 2), parents: [revision(index + 1)], message, up: `INSERT INTO probe (note) VALUES ('${index}');`, down: 'SELECT 1;'})),
	]);
	await runMigrations(runOptions(target, directory, {to: revision(1)}));
	const steps = await Promise.all(buildGraph(loadMigrations(directory)).ordered.slice(1).map((migration) => analyseMigration(migration, 'up')));
	const outcome = await onClient(target, (client) => executeBatch(client, steps));
	t.is(outcome.applied.length, 3);
	const rows = await query<{message: string; checksum: string}>(target, 'select message, checksum from cc_dev_migrations where revision <> $1 order by revision', [revision(1)]);
	t.deepEqual(rows.map((row) => row.message), messages);
	t.deepEqual(rows.map((row) => row.checksum), steps.map((step) => step.migration.checksum));
	t.is((await query(target, 'select 1 from probe')).length, 3);
});

test('a failure in a batch keeps the migrations before it, rolls its own back, and names its file:line:column after wide characters', async (t) => {
	const {target, steps} = await prepare(t, [
		"-- 🙂 ünïcode before the failure, in an earlier migration of the batch\nINSERT INTO probe (note) VALUES ('🙂 two');",
		"INSERT INTO probe (note) VALUES ('three');",
		"CREATE TABLE never_kept (id int);\nINSERT INTO probe (note) VALUES ('four');\nINSERT INTO missing_table VALUES (1);",
		"INSERT INTO probe (note) VALUES ('five');",
	]);
	const outcome = await onClient(target, (client) => executeBatch(client, steps));
	t.deepEqual(outcome.applied.map(({step}) => step.migration.revision), [revision(2), revision(3)]);
	t.deepEqual(outcome.rest.map((step) => step.migration.revision), [revision(4), revision(5)]);
	t.true(outcome.error instanceof MigrationSqlError);
	const error = outcome.error as MigrationSqlError;
	t.is(error.file, `${revision(4)}_change.sql`);
	t.is(error.line, 10);
	t.is(error.column, 13);
	t.regex(error.hint ?? '', /rolled back/);
	t.deepEqual(await recorded(target), [revision(1), revision(2), revision(3)]);
	t.deepEqual((await query<{note: string}>(target, 'select note from probe order by id')).map((row) => row.note), ['🙂 two', 'three']);
	t.deepEqual(await query(target, "select 1 from pg_tables where tablename = 'never_kept'"), []);
});

test('an error that names no position is placed by replaying the failing migration alone', async (t) => {
	const {target, steps} = await prepare(t, ["INSERT INTO probe (note) VALUES ('two');", "INSERT INTO probe (note) VALUES ('three');\nINSERT INTO probe (note) VALUES (NULL);"]);
	const outcome = await onClient(target, (client) => executeBatch(client, steps));
	t.is(outcome.applied.length, 1);
	t.true(outcome.error instanceof MigrationSqlError);
	t.is((outcome.error as MigrationSqlError).line, 9);
	t.is((outcome.error as MigrationSqlError).sqlState, '23502');
	t.deepEqual(await recorded(target), [revision(1), revision(2)]);
});

test('SQL that PostgreSQL 15 cannot parse runs nothing of the batch, and the run reports it at its place after applying those before', async (t) => {
	// VIRTUAL generated columns are PostgreSQL 18 syntax: cc-dev's parser (libpg-query 18) accepts them, the server does not.
	const virtual = 'CREATE TABLE later (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL);';
	const {target, directory, steps} = await prepare(t, ["INSERT INTO probe (note) VALUES ('two');", "INSERT INTO probe (note) VALUES ('three');", virtual]);
	const outcome = await onClient(target, (client) => executeBatch(client, steps));
	t.deepEqual(outcome.applied, []);
	t.is(outcome.rest.length, 3);
	t.is(outcome.error, undefined);
	t.deepEqual(await recorded(target), [revision(1)]);

	const error = await t.throwsAsync(runMigrations(runOptions(target, directory)), {instanceOf: MigrationSqlError});
	t.is(error!.file, `${revision(4)}_change.sql`);
	t.is(error!.line, 8);
	t.deepEqual(await recorded(target), [revision(1), revision(2), revision(3)]);
});

test('a lock timeout in a batch is left to the single-step runner, which retries it', async (t) => {
	const {target, steps} = await prepare(t, ["INSERT INTO probe (note) VALUES ('two');", 'ALTER TABLE probe ADD COLUMN extra text;']);
	const pg = (await import('pg')).default;
	const blocker = new pg.Client({connectionString: target.url});
	await blocker.connect();
	t.teardown(() => blocker.end().catch(() => {}));
	await blocker.query('BEGIN; SELECT * FROM probe;');
	const outcome = await onClient(target, async (client) => {
		await client.query("SET lock_timeout = '200ms'");
		return executeBatch(client, steps);
	});
	t.deepEqual(outcome.applied.map(({step}) => step.migration.revision), [revision(2)]);
	t.deepEqual(outcome.rest.map((step) => step.migration.revision), [revision(3)]);
	t.is(outcome.error, undefined);
	await blocker.query('ROLLBACK');
});

test('only transactional up-migrations are batched, and a batch stops before the first that is not', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		...specs(["INSERT INTO probe (note) VALUES ('two');"]),
		{revision: revision(3), parents: [revision(2)], transaction: 'none', up: 'CREATE INDEX CONCURRENTLY probe_note ON probe (note);', down: 'DROP INDEX probe_note;'},
		{revision: revision(4), parents: [revision(3)], up: "INSERT INTO probe (note) VALUES ('four');", down: 'SELECT 1;'},
	]);
	await runMigrations(runOptions(target, directory, {to: revision(1)}));
	const ordered = buildGraph(loadMigrations(directory)).ordered;
	const up = await Promise.all(ordered.map((migration) => analyseMigration(migration, 'up')));
	t.deepEqual(takeBatch(up, 1, 8).map((step) => step.migration.revision), [revision(2)]);
	t.deepEqual(takeBatch(up, 2, 8), []);
	const down = await Promise.all(ordered.map((migration) => analyseMigration(migration, 'down')));
	t.deepEqual(takeBatch(down, 0, 8), []);
});

test('a long run applies every migration once, reporting each with one start and one done, in order', async (t) => {
	const target = await freshDatabase(t);
	const ups = Array.from({length: 40}, (_, index) => `INSERT INTO probe (note) VALUES ('${index + 2}');`);
	const directory = migrationsDir(t, specs(ups));
	const events: CoreEvent[] = [];
	const result = await runMigrations(runOptions(target, directory, {onEvent: (event) => events.push(event)}));
	t.is(result.steps.length, 41);
	const progress = events.filter((event) => event.type === 'migration-start' || event.type === 'migration-done');
	const expected = result.steps.flatMap((step) => [`migration-start ${step.revision}`, `migration-done ${step.revision}`]);
	t.deepEqual(progress.map((event) => `${event.type} ${(event as {revision: string}).revision}`), expected);
	t.deepEqual(await recorded(target), Array.from({length: 41}, (_, index) => revision(index + 1)));
	t.is((await query(target, 'select 1 from probe')).length, 40);
});

test('cancelling during a long run stops in the running migration, keeps those before it, and rolls it back', async (t) => {
	const target = await freshDatabase(t);
	// A handshake with the run, without polling: migration 9 takes a session lock and announces its
	// commit; migration 10 lets the lock go just before it sleeps, which is when the watcher gets it.
	const handshakeLock = 424_242;
	const ups = Array.from({length: 12}, (_, index) => {
		if (index === 7) return `SELECT pg_advisory_lock(${handshakeLock});\nNOTIFY cc_dev_batch_test;`;
		if (index === 8) return `INSERT INTO probe (note) VALUES ('slow');\nSELECT pg_advisory_unlock(${handshakeLock});\nSELECT pg_sleep(300);`;
		return `INSERT INTO probe (note) VALUES ('${index + 2}');`;
	});
	const directory = migrationsDir(t, specs(ups));
	const controller = new AbortController();
	const pg = (await import('pg')).default;
	const watcher = new pg.Client({connectionString: target.url});
	await watcher.connect();
	t.teardown(() => watcher.end().catch(() => {}));
	await watcher.query('LISTEN cc_dev_batch_test');
	const nineCommitted = new Promise<void>((resolve, reject) => {
		watcher.once('notification', () => resolve());
		setTimeout(() => reject(new Error('migration 9 never committed')), 120_000).unref();
	});
	const run = runMigrations(runOptions(target, directory, {signal: controller.signal}));
	await Promise.race([nineCommitted, run.then(() => Promise.reject(new Error('the run ended before it could be cancelled')))]);
	// Blocks until migration 10, running, lets the lock go: its sleep is the next statement of the same query.
	await watcher.query('SELECT pg_advisory_lock($1)', [handshakeLock]);
	controller.abort();
	const error = await t.throwsAsync(run, {instanceOf: CancelledError});
	t.regex(error!.message, new RegExp(`Cancelled during ${revision(10)}_change\\.sql`));
	t.deepEqual(await recorded(target), Array.from({length: 9}, (_, index) => revision(index + 1)));
	t.deepEqual((await query<{note: string}>(target, "select note from probe where note = 'slow'")), []);
});

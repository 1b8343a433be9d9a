import test from 'ava';
import pg from 'pg';
import type {ConnectionTarget} from '../../../source/core/database/target.js';
import type {DeployEvent} from '../../../source/core/deploy/deploy-events.js';
import {deploy, type DeployOptions} from '../../../source/core/deploy/deploy.js';
import {EnvironmentError, FailureError, InputError} from '../../../source/core/errors.js';
import {migrationLockKey} from '../../../source/core/migrations/lock.js';
import {adminQuery, freshDatabase, query, serverWaitMs} from '../../helpers/database.js';
import {chain, migrationsDir, type MigrationSpec} from '../../helpers/migrations-dir.js';

const options = (target: ConnectionTarget, directory: string, extra: Partial<DeployOptions> = {}): DeployOptions => ({
	target,
	migrationsDir: directory,
	waitMs: serverWaitMs,
	lockWaitMs: 10_000,
	lockTimeout: '2s',
	statementTimeout: '1min',
	railwayEnvironment: 'production',
	...extra,
});

const recorder = (): {events: DeployEvent[]; onEvent: (event: DeployEvent) => void} => {
	const events: DeployEvent[] = [];
	return {events, onEvent: (event) => events.push(event)};
};

const tables = async (target: ConnectionTarget): Promise<string[]> =>
	(await query<{tablename: string}>(target, "select tablename from pg_tables where schemaname = 'public' order by 1")).map((row) => row.tablename);

const extensions = async (target: ConnectionTarget): Promise<string[]> =>
	(await query<{extname: string}>(target, "select extname from pg_extension where extname <> 'plpgsql' order by 1")).map((row) => row.extname);

const versionRows = async (target: ConnectionTarget): Promise<Array<{revision: string; how: string}>> =>
	query(target, 'select revision, how from cc_dev_migrations order by revision');

const uuidTable: MigrationSpec = {revision: '000000000004', parents: ['000000000003'], up: 'CREATE TABLE notes (id uuid PRIMARY KEY DEFAULT uuid_generate_v4());', down: 'DROP TABLE notes;'};

test('creates the extension, applies what is pending, verifies head and checksums, and reports each step', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [...chain(3), uuidTable]);
	const {events, onEvent} = recorder();
	const result = await deploy(options(target, directory, {onEvent}));
	t.deepEqual(result.extensions, [{name: 'uuid-ossp', status: 'created'}]);
	t.deepEqual(result.applied.map((step) => step.revision), ['000000000001', '000000000002', '000000000003', '000000000004']);
	t.deepEqual(result.after, ['000000000004']);
	t.is(result.head, '000000000004');
	t.is(result.checksumsVerified, 4);
	t.false(result.dryRun);
	t.deepEqual(await extensions(target), ['uuid-ossp']);
	t.deepEqual(await tables(target), ['cc_dev_migrations', 'notes', 't1', 't2', 't3']);
	const order = events.map((event) => event.type).filter((type) => type !== 'migration-start' && type !== 'migration-done');
	t.deepEqual(order, ['deploy-start', 'lock-acquired', 'deploy-connected', 'extension', 'deploy-plan', 'deploy-verified', 'deploy-done']);
	t.is(events.filter((event) => event.type === 'migration-done').length, 4);

	const again = await deploy(options(target, directory));
	t.deepEqual(again.extensions, [{name: 'uuid-ossp', status: 'present'}]);
	t.is(again.applied.length, 0);
	t.is(again.pending.length, 0);
	t.is(again.checksumsVerified, 4);
});

test('adopts a database still managed by Flask-Migrate and applies only what follows its revision', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(3));
	await query(target, "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY); INSERT INTO alembic_version VALUES ('000000000002'); CREATE TABLE t1 (id int); CREATE TABLE t2 (id int);");
	const result = await deploy(options(target, directory));
	t.is(result.adopted, '000000000002');
	t.deepEqual(result.applied.map((step) => step.revision), ['000000000003']);
	t.deepEqual(await versionRows(target), [
		{revision: '000000000001', how: 'adopted'},
		{revision: '000000000002', how: 'adopted'},
		{revision: '000000000003', how: 'applied'},
	]);
	t.is(result.checksumsVerified, 3);
});

test('a dry run waits and locks, lists the SQL and lint findings, changes nothing and releases the lock', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'CREATE TABLE alembic_version (version_num varchar(32) NOT NULL); INSERT INTO alembic_version VALUES (\'000000000001\'); CREATE TABLE t1 (id integer PRIMARY KEY);');
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], up: 'CREATE INDEX t1_id_idx ON t1 (id);', down: 'DROP INDEX t1_id_idx;'},
	]);
	const {events, onEvent} = recorder();
	const result = await deploy(options(target, directory, {dryRun: true, onEvent}));
	t.true(result.dryRun);
	t.is(result.adopted, '000000000001');
	t.deepEqual(result.extensions, [{name: 'uuid-ossp', status: 'missing'}]);
	t.deepEqual(result.pending.map((step) => step.revision), ['000000000002']);
	const statements = result.pending[0]!.statements!;
	t.is(statements[0], 'BEGIN');
	t.true(statements.some((statement) => statement.startsWith('CREATE INDEX t1_id_idx')));
	t.is(statements.at(-1), 'COMMIT');
	t.true(result.findings!.some((finding) => finding.rule === 'index-not-concurrent' && finding.file === '000000000002_change.sql'));
	const plan = events.find((event) => event.type === 'deploy-plan');
	t.like(plan, {dryRun: true, adopts: '000000000001', createsVersionTable: true});

	t.deepEqual(await tables(target), ['alembic_version', 't1']);
	t.deepEqual(await extensions(target), []);
	const locks = await query(target, "select 1 from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database()) and ((classid::bigint << 32) | objid::bigint) = $1", [migrationLockKey]);
	t.is(locks.length, 0);
});

test('a role without the privilege to create the extension gets a clear message naming the statement to run', async (t) => {
	const role = `cc_deploy_${Math.random().toString(36).slice(2, 8)}`;
	const target = await freshDatabase(t);
	await query(target, `CREATE ROLE ${role} LOGIN PASSWORD 'limited-secret'`);
	t.teardown(async () => {
		await query(target, `DROP OWNED BY ${role}`).catch(() => {});
		await adminQuery(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
	});
	const limited: ConnectionTarget = {...target, user: role, url: target.url.replace(/\/\/[^@]+@/, `//${role}:limited-secret@`)};
	const directory = migrationsDir(t, chain(1));
	const error = await t.throwsAsync(deploy(options(limited, directory)), {instanceOf: EnvironmentError});
	t.regex(error!.message, new RegExp(`The role "${role}" may not create the extension uuid-ossp in the database "${target.database}"`));
	t.regex(error!.hint!, /CREATE EXTENSION IF NOT EXISTS "uuid-ossp"/);
	t.is(error!.exitCode, 3);
	t.deepEqual(await tables(target), []);

	await query(target, 'CREATE EXTENSION "uuid-ossp"');
	await query(target, `GRANT CREATE ON SCHEMA public TO ${role}`);
	const result = await deploy(options(limited, directory));
	t.deepEqual(result.extensions, [{name: 'uuid-ossp', status: 'present'}]);
	t.is(result.applied.length, 1);
});

test('an applied migration edited since stops the deploy before anything runs', async (t) => {
	const target = await freshDatabase(t);
	const specs = chain(2);
	await deploy(options(target, migrationsDir(t, specs.slice(0, 1))));
	const edited = migrationsDir(t, [{...specs[0]!, up: 'CREATE TABLE t1 (id bigint PRIMARY KEY);'}, specs[1]!]);
	await t.throwsAsync(deploy(options(target, edited)), {instanceOf: InputError, message: /changed since applied: 000000000001_change\.sql/});
	t.deepEqual(await tables(target), ['cc_dev_migrations', 't1']);
});

test('two heads stop the deploy with the fix', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [...chain(1), {revision: '00000000000a', parents: ['000000000001'], up: 'SELECT 1;'}, {revision: '00000000000b', parents: ['000000000001'], up: 'SELECT 2;'}]);
	await t.throwsAsync(deploy(options(target, directory)), {instanceOf: InputError, message: /2 heads/});
});

test('a migration blocked by a long transaction is retried, then fails naming the blocking backend', async (t) => {
	const target = await freshDatabase(t);
	const specs: MigrationSpec[] = [...chain(1), {revision: '000000000002', parents: ['000000000001'], up: 'ALTER TABLE t1 ADD COLUMN note text;', down: 'ALTER TABLE t1 DROP COLUMN note;'}];
	await deploy(options(target, migrationsDir(t, specs.slice(0, 1))));
	const blocker = new pg.Client({connectionString: target.url, application_name: 'nightly report'});
	await blocker.connect();
	t.teardown(() => blocker.end());
	await blocker.query('BEGIN; SELECT * FROM t1;');
	const pid = (await blocker.query<{pid: number}>('select pg_backend_pid() as pid')).rows[0]!.pid;
	const {events, onEvent} = recorder();
	const started = Date.now();
	const error = await t.throwsAsync(deploy(options(target, migrationsDir(t, specs), {lockTimeout: '100ms', lockRetries: 2, onEvent})), {instanceOf: FailureError});
	t.true(Date.now() - started < 60_000, 'bounded (generously: other test processes share the CPU)');
	t.regex(error!.message, /lock timeout/);
	t.regex(error!.hint!, new RegExp(`Blocked by backend ${pid} \\(nightly report, idle in transaction`));
	t.deepEqual(events.filter((event) => event.type === 'migration-retry').map((event) => (event as {attempt: number}).attempt), [1, 2]);
	t.false(events.some((event) => event.type === 'deploy-done'));
	await blocker.query('ROLLBACK');
	const columns = await query(target, "select 1 from information_schema.columns where table_name = 't1' and column_name = 'note'");
	t.is(columns.length, 0);
});

test('RAILWAY_ENVIRONMENT other than production draws a warning, as railway_init.sh did', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(1));
	const staging = recorder();
	await deploy(options(target, directory, {railwayEnvironment: 'staging', onEvent: staging.onEvent}));
	t.true(staging.events.some((event) => event.type === 'warning' && /RAILWAY_ENVIRONMENT is "staging", not production/.test(event.message)));
	const unset = recorder();
	await deploy(options(target, directory, {railwayEnvironment: undefined, onEvent: unset.onEvent}));
	t.true(unset.events.some((event) => event.type === 'warning' && /RAILWAY_ENVIRONMENT is not set/.test(event.message)));
	const production = recorder();
	await deploy(options(target, directory, {onEvent: production.onEvent}));
	t.false(production.events.some((event) => event.type === 'warning'));
});

test('an unreachable database fails at the wait bound with exit 3, naming the host and never the password', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const target: ConnectionTarget = {url: 'postgresql://deployer:very-secret-pw@127.0.0.1:1/app', host: '127.0.0.1', port: 1, user: 'deployer', database: 'app', source: 'DATABASE_URL'};
	const {events, onEvent} = recorder();
	const started = Date.now();
	const error = await t.throwsAsync(deploy(options(target, directory, {waitMs: 1200, onEvent})), {instanceOf: EnvironmentError});
	t.true(Date.now() - started < 30_000, 'bounded (generously: other test processes share the CPU)');
	t.is(error!.exitCode, 3);
	t.regex(error!.message, /Cannot reach the database at 127\.0\.0\.1:1 \(ECONNREFUSED\) after \d+ attempts/);
	const attempts = events.filter((event) => event.type === 'connect-attempt');
	t.true(attempts.length >= 3);
	t.true(attempts.every((event) => event.type === 'connect-attempt' && event.target === 'deployer@127.0.0.1:1/app'));
	t.false(JSON.stringify(events).includes('very-secret-pw'));
});

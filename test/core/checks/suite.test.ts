import path from 'node:path';
import test from 'ava';
import type {Check, SuiteEvent} from '../../../source/core/checks/check.js';
import {runSuite, selectChecks, suiteChecks} from '../../../source/core/checks/suite.js';
import {parseDatabaseUrl, withDatabase} from '../../../source/core/database/target.js';
import {CancelledError, UsageError} from '../../../source/core/errors.js';
import {adminQuery, freshDatabase, testServer} from '../../helpers/database.js';
import {chain, migrationsDir} from '../../helpers/migrations-dir.js';
import {editedCopy, emptyFolder, projectSchema, existingDatabases, suiteSettings} from './suite-helpers.js';

const statuses = (report: Awaited<ReturnType<typeof runSuite>>) => Object.fromEntries(report.checks.map((check) => [check.id, check.status]));

test('the whole suite passes on the project, names the figures, and drops its scratch databases', async (t) => {
	const target = await freshDatabase(t);
	const events: SuiteEvent[] = [];
	const report = await runSuite(suiteSettings(target), {onEvent: (event) => events.push(event)});
	t.deepEqual(report.checks.filter((check) => check.status !== 'passed').map((check) => `${check.id}: ${check.detail}`), []);
	t.is(report.exitCode, 0);
	t.deepEqual(report.checks.map((check) => check.id), ['connection', 'migrations', 'commands', 'schema', 'creation', 'dump', 'lint']);
	const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
	t.is(byId['schema']!.figure, '9 tables');
	t.regex(byId['dump']!.figure!, /^\d{3} lines$/);
	t.regex(byId['connection']!.figure!, /^PostgreSQL 15\./);
	t.is(events.filter((event) => event.type === 'check-done').length, 7);
	t.true(report.scratchDatabases.length > 0);
	t.deepEqual(await existingDatabases(report.scratchDatabases), []);
});

test('--only takes ids and numbers; an unknown one is a usage error listing them', (t) => {
	t.deepEqual(selectChecks(suiteChecks, ['schema,1']).map((check) => check.id), ['connection', 'schema']);
	t.deepEqual(selectChecks(suiteChecks, ['7', 'dump']).map((check) => check.id), ['dump', 'lint']);
	const error = t.throws(() => selectChecks(suiteChecks, ['nope']), {instanceOf: UsageError, message: /Unknown check "nope"/});
	t.regex(error!.hint!, /1 connection, 2 migrations, 3 commands/);
});

test('a down section that does not undo its up section is caught', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], up: 'ALTER TABLE t1 ADD COLUMN c integer DEFAULT 1;', down: 'ALTER TABLE t1 ALTER COLUMN c DROP DEFAULT;'},
	]);
	const report = await runSuite(suiteSettings(target, {migrationsDir: directory}), {only: ['commands']});
	const [commands] = report.checks;
	t.is(commands!.status, 'failed');
	t.regex(commands!.detail, /000000000002_change\.sql: down does not undo up/);
	t.deepEqual(commands!.lines, ['extra column t1.c (integer)']);
	t.is(report.exitCode, 1);
});

test('a down section that leaves objects behind fails the downgrade to base', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], up: 'CREATE TABLE t2 (id int); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;', down: 'DROP TABLE t2;'},
	]);
	const report = await runSuite(suiteSettings(target, {migrationsDir: directory}), {only: ['commands']});
	t.is(report.checks[0]!.status, 'failed');
	t.regex(report.checks[0]!.detail, /down to base leaves 1 object: function f\(\)/);
});

test('a stale railway_schema.sql fails the schema and dump checks with the differences and the command to regenerate it', async (t) => {
	const target = await freshDatabase(t);
	const stale = editedCopy(t, projectSchema, (text) => text.replace('    hint text,\n', '').replace(/CREATE INDEX ix_flashcards_status .*\n/, ''));
	const report = await runSuite(suiteSettings(target, {schemaFile: stale}), {only: ['schema', 'dump']});
	const [schema, dump] = report.checks;
	t.is(schema!.status, 'failed');
	t.deepEqual([...schema!.lines!].sort(), ['extra column flashcards.hint (text)', 'extra index flashcards.ix_flashcards_status (btree (status))']);
	t.regex(schema!.hint!, /cc-dev dump --from-migrations/);
	t.is(dump!.status, 'failed');
	t.regex(dump!.detail, /railway_schema\.sql differs from the dump of the migrated schema \(2 changed lines\)/);
	t.true(dump!.lines!.includes('+    hint text,'));
	t.regex(dump!.hint!, /npx cc-dev dump --from-migrations/);
	t.is(report.exitCode, 1);
	t.true(report.scratchDatabases.length > 0);
	t.deepEqual(await existingDatabases(report.scratchDatabases), []);
});

test('a missing railway_schema.sql fails both checks with how to generate it', async (t) => {
	const target = await freshDatabase(t);
	const report = await runSuite(suiteSettings(target, {schemaFile: path.join(emptyFolder(t), 'railway_schema.sql')}), {only: ['schema', 'dump']});
	t.deepEqual(statuses(report), {schema: 'failed', dump: 'failed'});
	t.regex(report.checks[0]!.detail, /railway_schema\.sql is missing/);
	t.regex(report.checks[1]!.detail, /the dump works \(\d+ lines, pg_dump 15/);
});

test('without templates the creation check is skipped with the reason', async (t) => {
	const target = await freshDatabase(t);
	const report = await runSuite(suiteSettings(target, {templatesDir: emptyFolder(t)}), {only: ['creation']});
	t.like(report.checks[0], {status: 'skipped'});
	t.regex(report.checks[0]!.detail, /no templates in .*\/ to scaffold from/);
	t.is(report.exitCode, 0);
});

test('a role without CREATEDB is an environment problem that says how to grant it', async (t) => {
	const database = await freshDatabase(t);
	const role = `cc_nocreate_${Math.random().toString(36).slice(2, 8)}`;
	await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD 'pw-nocreate'`);
	t.teardown(async () => {
		await adminQuery(`DROP ROLE IF EXISTS ${role}`);
	});
	const server = await testServer();
	const target = parseDatabaseUrl(`postgresql://${role}:pw-nocreate@127.0.0.1:${server.port}/${database.database}`, 'DATABASE_URL');
	const report = await runSuite(suiteSettings(target));
	t.is(report.exitCode, 3);
	const [connection, ...rest] = report.checks;
	t.is(connection!.status, 'failed');
	t.regex(connection!.detail, new RegExp(`"${role}" may not create databases, and the suite needs to`));
	t.regex(connection!.hint!, new RegExp(`The suite needs CREATEDB: ALTER ROLE "${role}" CREATEDB`));
	t.true(rest.every((check) => check.status === 'skipped' && /database connection/.test(check.detail)));

	// Asked for a scratch database directly, the refusal is the same.
	const only = await runSuite(suiteSettings(target), {only: ['commands']});
	t.is(only.exitCode, 3);
	t.regex(only.checks[0]!.hint!, /ALTER ROLE/);
});

test('an unreachable server fails the connection check (exit 3) and skips the rest', async (t) => {
	const server = await testServer();
	const target = withDatabase({...server, port: 1, url: server.url.replace(`:${server.port}/`, ':1/')}, 'nowhere');
	const report = await runSuite(suiteSettings(target, {waitMs: 0}));
	t.is(report.exitCode, 3);
	t.is(report.checks[0]!.status, 'failed');
	t.regex(report.checks[0]!.detail, /Cannot reach the database at 127\.0\.0\.1:1/);
	t.is(report.checks.filter((check) => check.status === 'skipped').length, 6);
});

test('invalid migrations are reported once; the checks that need them say so', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [...chain(1), {name: '000000000002_broken.sql', text: '-- Revision: 000000000002\n-- Revises: 000000000001\nno markers here\n'}]);
	const report = await runSuite(suiteSettings(target, {migrationsDir: directory, templatesDir: emptyFolder(t)}), {only: ['connection', 'migrations', 'commands', 'lint']});
	t.deepEqual(statuses(report), {connection: 'passed', migrations: 'failed', commands: 'skipped', lint: 'skipped'});
	t.regex(report.checks[1]!.detail, /000000000002_broken\.sql: no "-- migrate:up" marker/);
	t.regex(report.checks[2]!.detail, /same problem as the migration system check/);
	t.is(report.exitCode, 1);
});

test('an unsafe pending migration fails the lint check', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [...chain(1), {revision: '000000000002', parents: ['000000000001'], up: 'CREATE INDEX t1_id ON t1 (id);', down: 'DROP INDEX t1_id;'}]);
	const report = await runSuite(suiteSettings(target, {migrationsDir: directory}), {only: ['lint']});
	t.is(report.checks[0]!.status, 'failed');
	t.regex(report.checks[0]!.detail, /1 unsafe operation in 2 migrations pending/);
	t.regex(report.checks[0]!.lines![0]!, /000000000002_change\.sql:\d+:\d+ error index-not-concurrent/);
});

test('--bail stops at the first failure and reports the rest as skipped', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [...chain(1), {revision: '000000000002', parents: ['000000000001'], up: 'CREATE TABLE t2 (id int);', down: 'SELECT 1;'}]);
	const report = await runSuite(suiteSettings(target, {migrationsDir: directory, templatesDir: emptyFolder(t)}), {only: ['connection', 'commands', 'creation', 'lint'], bail: true});
	t.deepEqual(statuses(report), {connection: 'passed', commands: 'failed', creation: 'skipped', lint: 'skipped'});
	t.regex(report.checks[2]!.detail, /--bail/);
});

test('Ctrl-C during the suite skips the rest and still drops every scratch database', async (t) => {
	const target = await freshDatabase(t);
	const controller = new AbortController();
	let running!: () => void;
	const isRunning = new Promise<void>((resolve) => (running = resolve));
	// The real checks, with a third one that holds a scratch database and runs until it is cancelled:
	// the Ctrl-C comes while it runs, whatever the machine's speed.
	const blocking: Check = {
		id: 'blocking',
		title: 'Runs until cancelled',
		passedTitle: 'Ran until cancelled',
		async run(context) {
			await context.ownScratch('blocking');
			running();
			return new Promise((_resolve, reject) => {
				const cancel = () => reject(new CancelledError());
				if (context.signal?.aborted) cancel();
				context.signal?.addEventListener('abort', cancel);
			});
		},
	};
	const checks = [...suiteChecks.slice(0, 2), blocking, ...suiteChecks.slice(2)];
	const run = runSuite(suiteSettings(target, {signal: controller.signal}), {checks});
	const ended = await Promise.race([isRunning.then(() => undefined), run]);
	t.is(ended, undefined, `the suite ended before the blocking check ran: ${JSON.stringify(ended?.checks)}`);
	controller.abort();
	const report = await run;
	t.true(report.cancelled);
	t.is(report.exitCode, 1);
	t.deepEqual(statuses(report).blocking, 'skipped');
	t.true(report.checks.slice(2).every((check) => check.status === 'skipped' && check.detail === 'cancelled'), JSON.stringify(report.checks));
	t.true(report.scratchDatabases.length > 0);
	t.deepEqual(await existingDatabases(report.scratchDatabases), []);
});

test('a template whose example does not apply fails the creation check, naming it; the project is not touched', async (t) => {
	const {cpSync, readdirSync, readFileSync, writeFileSync} = await import('node:fs');
	const {repoRoot} = await import('../../helpers/database.js');
	const target = await freshDatabase(t);
	const templates = emptyFolder(t);
	cpSync(path.join(repoRoot, 'templates', 'add-column.sql'), path.join(templates, 'add-column.sql'));
	cpSync(path.join(repoRoot, 'templates', 'add-column.sql'), path.join(templates, 'add-column-broken.sql'));
	const broken = path.join(templates, 'add-column-broken.sql');
	writeFileSync(broken, readFileSync(broken, 'utf8').replace('--   table: decks', '--   table: no_such_table'));
	const before = readdirSync(path.join(repoRoot, 'migrations'));
	const report = await runSuite(suiteSettings(target, {templatesDir: templates}), {only: ['creation']});
	const [creation] = report.checks;
	t.is(creation!.status, 'failed');
	t.regex(creation!.detail, /^1 template of 2 did not scaffold, apply and revert: add-column-broken: /);
	t.regex(creation!.lines![0]!, /relation "public\.no_such_table" does not exist/);
	t.deepEqual(readdirSync(path.join(repoRoot, 'migrations')), before);
});

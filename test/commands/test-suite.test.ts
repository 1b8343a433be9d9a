import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {adminQuery, freshDatabase, testServer} from '../helpers/database.js';
import {withDatabase} from '../../source/core/database/target.js';
import {projectCopy} from '../core/checks/suite-helpers.js';
import {eventually} from '../helpers/until.js';
import {runCli, spawnCli} from './suite-cli.js';

type JsonReport = {ok: boolean; exitCode: number; checks: Array<{id: string; title: string; status: string; durationMs: number; detail: string; lines?: string[]}>};

test('cc-dev test: the live list on stderr, the summary in the shape of the original on stdout, exit 0', async (t) => {
	const target = await freshDatabase(t);
	const result = await runCli(['test'], target);
	t.is(result.exitCode, 0, result.stderr + result.stdout);
	// A duration: milliseconds, or seconds once a busy machine makes it a second or more.
	t.regex(result.stderr, /\[1\/7\] ✔ Database connection (\d+ ms|\d+\.\d+ s)/);
	t.regex(result.stderr, /\[7\/7\] ✔ Lint/);
	const summary = result.stdout.trim().split('\n');
	t.is(summary[0], `✔ Database connection working (PostgreSQL ${summary[0]!.match(/PostgreSQL ([\d.]+)/)?.[1]})`);
	t.is(summary[1], '✔ Migration system initialised (1 migration)');
	t.regex(summary[2]!, /^✔ Migration commands functional/);
	t.is(summary[3], '✔ Database schema created correctly (9 tables)');
	t.regex(summary[4]!, /^✔ Migration creation working \(\d+ templates\)$/);
	t.regex(summary[5]!, /^✔ Schema dump working \(\d{3} lines\)$/);
	t.regex(summary.at(-1)!, /^7 passed in [\d.]+ s$/);
	t.notRegex(result.stdout + result.stderr, /cognition_pass/);
});

test('--reporter json: one object with a checks array', async (t) => {
	const target = await freshDatabase(t);
	const result = await runCli(['test', '--reporter', 'json', '--only', 'connection,schema'], target);
	t.is(result.exitCode, 0, result.stderr);
	const report = JSON.parse(result.stdout) as JsonReport;
	t.true(report.ok);
	t.deepEqual(report.checks.map((check) => [check.id, check.status]), [['connection', 'passed'], ['schema', 'passed']]);
	for (const check of report.checks) {
		t.deepEqual(Object.keys(check).slice(0, 5), ['id', 'title', 'status', 'durationMs', 'detail']);
		t.true(Number.isInteger(check.durationMs));
	}
	const quiet = await runCli(['test', '--json', '--only', 'lint'], target);
	t.is(quiet.stderr, '');
	t.is((JSON.parse(quiet.stdout) as JsonReport).checks[0]!.id, 'lint');
});

test('--reporter junit and tap', async (t) => {
	const target = await freshDatabase(t);
	const junit = await runCli(['test', '--reporter', 'junit', '--only', 'connection', '--only', 'creation'], target, {cwd: path.dirname(projectCopy(t) + '/x')});
	t.is(junit.exitCode, 0, junit.stderr);
	t.regex(junit.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="cc-dev test" tests="2" failures="0" errors="0" skipped="0"/);
	t.regex(junit.stdout, /<testcase classname="cc-dev\.test" name="connection: Database connection" time="[\d.]+">/);
	const tap = await runCli(['test', '--reporter', 'tap', '--only', '1,2'], target);
	t.is(tap.exitCode, 0, tap.stderr);
	const lines = tap.stdout.split('\n');
	t.deepEqual(lines.slice(0, 2), ['TAP version 14', '1..2']);
	t.regex(tap.stdout, /^ok 1 - Database connection working \(PostgreSQL [\d.]+\)\n {2}---\n {2}id: connection\n {2}detail: ".*"\n {2}duration_ms: \d+\n {2}\.\.\.$/m);
	t.regex(tap.stdout, /^ok 2 - Migration system initialised \(1 migration\)$/m);
});

test('a failed check: exit 1, the cross, the diff and the command that regenerates the file', async (t) => {
	const target = await freshDatabase(t);
	const project = projectCopy(t);
	const schema = path.join(project, 'railway_schema.sql');
	writeFileSync(schema, readFileSync(schema, 'utf8').replace('    hint text,\n', ''));
	const result = await runCli(['test', '--only', 'schema,dump'], target, {cwd: project});
	t.is(result.exitCode, 1, result.stderr);
	t.regex(result.stdout, /^✖ Database schema: 1 difference between the migrated schema and railway_schema\.sql: extra column flashcards\.hint \(text\)$/m);
	t.regex(result.stdout, /^✖ Schema dump: railway_schema\.sql differs from the dump of the migrated schema \(1 changed line\)$/m);
	t.regex(result.stdout, /^ {4}\+ {4}hint text,$/m);
	t.regex(result.stdout, /hint npx cc-dev dump --from-migrations|hint When the migrations are right, regenerate it: npx cc-dev dump --from-migrations/);
	t.regex(result.stdout, /0 passed, 2 failed in/);
});

test('environment problems exit 3; bad flags exit 2', async (t) => {
	const server = await testServer();
	const unreachable = withDatabase({...server, url: server.url.replace(`:${server.port}/`, ':1/'), port: 1}, 'nowhere');
	const down = await runCli(['test', '--wait', '0'], unreachable);
	t.is(down.exitCode, 3);
	t.regex(down.stdout, /✖ Database connection: Cannot reach the database at 127\.0\.0\.1:1/);
	t.regex(down.stdout, /- Migration system \(skipped: needs the database connection, which failed\)/);
	const badReporter = await runCli(['test', '--reporter', 'xml'], server);
	t.is(badReporter.exitCode, 2);
	t.regex(badReporter.stderr, /Unknown reporter "xml"/);
	const badOnly = await runCli(['test', '--only', 'everything'], server);
	t.is(badOnly.exitCode, 2);
	t.regex(badOnly.stderr, /Unknown check "everything"/);
});

test('Ctrl-C during the suite: exit 1, and every scratch database is dropped', async (t) => {
	const target = await freshDatabase(t);
	const child = spawnCli(['test'], target);
	const ours = async () => (await adminQuery("select datname from pg_database where shobj_description(oid, 'pg_database') like $1", [`%pid ${child.pid} %`])).rows;
	let exited = false;
	void child.then(() => (exited = true));
	// Interrupt once the suite has scratch databases (it creates them right after the connection check).
	let created: unknown[] = [];
	await eventually(async () => (created = await ours()).length > 0 || exited, 120_000);
	child.kill('SIGINT');
	const result = await child;
	t.true(created.length > 0, 'the suite had created scratch databases when it was interrupted');
	t.is(result.exitCode, 1, String(result.stdout));
	t.regex(String(result.stderr), /cancelling/);
	t.regex(String(result.stdout), /\(cancelled; scratch databases dropped\)/);
	t.deepEqual(await ours(), []);
});

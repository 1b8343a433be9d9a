import test from 'ava';
import {execa} from 'execa';
import {freshDatabase, query} from '../helpers/database.js';
import {chain, migrationText, migrationsDir} from '../helpers/migrations-dir.js';
import {cliBin, runCli, stackLine} from '../helpers/run-cli.js';

const env = (url: string) => ({DATABASE_URL: url});

test('migrate up, status, current, history, down: the everyday loop through the binary', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(2));
	const pending = await runCli(['migrate', 'status', '--migrations', directory], {env: env(target.url)});
	t.is(pending.exitCode, 1, pending.stderr);
	t.regex(pending.stdout, /pending \(2\)/);

	const up = await runCli(['migrate', 'up', '--migrations', directory], {env: env(target.url)});
	t.is(up.exitCode, 0, up.stderr);
	t.regex(up.stderr, /applied +000000000001 migration 000000000001 \((\d+ ms|\d+\.\d+ s)\)/);
	t.regex(up.stdout, /Applied 2 migrations in .*is at 000000000002/);

	const status = await runCli(['migrate', 'status', '--migrations', directory, '--json'], {env: env(target.url)});
	t.is(status.exitCode, 0);
	const parsed = JSON.parse(status.stdout) as {current: string[]; pending: unknown[]; ok: boolean};
	t.deepEqual(parsed.current, ['000000000002']);
	t.deepEqual(parsed.pending, []);

	const current = await runCli(['migrate', 'current', '--migrations', directory], {env: env(target.url)});
	t.regex(current.stdout, /^000000000002 \(head\)/);
	const history = await runCli(['migrate', 'history', '--migrations', directory], {env: env(target.url)});
	t.regex(history.stdout, /000000000001 -> 000000000002 \(head\)/);

	const down = await runCli(['migrate', 'down', '--migrations', directory], {env: env(target.url)});
	t.is(down.exitCode, 0, down.stderr);
	t.regex(down.stdout, /Reverted 1 migration/);
	t.deepEqual(await query(target, 'select revision from cc_dev_migrations'), [{revision: '000000000001'}]);
});

test('a failing statement: exit 1, file:line:column, PostgreSQL detail, no stack trace', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [{revision: '000000000001', up: 'CREATE TABLE a (id int PRIMARY KEY);\nINSERT INTO a VALUES (1), (1);', down: 'DROP TABLE a;'}]);
	const result = await runCli(['migrate', 'up', '--migrations', directory], {env: env(target.url)});
	t.is(result.exitCode, 1);
	t.regex(result.stderr, /000000000001_change\.sql:9:1: duplicate key value violates unique constraint "a_pkey"/);
	t.regex(result.stderr, /DETAIL: Key \(id\)=\(1\) already exists/);
	t.regex(result.stderr, /rolled back/);
	t.notRegex(result.stderr, stackLine);
	t.deepEqual(await query(target, "select 1 from pg_tables where tablename = 'a'"), []);
	const verbose = await runCli(['migrate', 'up', '--migrations', directory, '--verbose'], {env: env(target.url)});
	t.regex(verbose.stderr, stackLine);
});

const badInput = test.macro(async (t, files: Array<{name: string; text: string}>, args: string[], exitCode: number, message: RegExp) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, files);
	const result = await runCli([...args, '--migrations', directory], {env: env(target.url)});
	t.is(result.exitCode, exitCode, result.stderr);
	t.regex(result.stderr, message);
	t.regex(result.stderr, /hint/);
	t.notRegex(result.stderr, stackLine);
});

const file = (revision: string, parents: string[] = [], up = 'select 1;') => ({name: `${revision}_change.sql`, text: migrationText({revision, parents, up, down: 'select 1;'})});

test('a file without the up marker', badInput, [{name: '000000000001_change.sql', text: '-- Revision: 000000000001\nselect 1;\n'}], ['migrate', 'up'], 2, /000000000001_change\.sql: no "-- migrate:up" marker/);
test('an unknown header key', badInput, [{name: '000000000001_change.sql', text: '-- Revision: 000000000001\n-- Owner: me\n-- migrate:up\nselect 1;\n'}], ['migrate', 'up'], 2, /000000000001_change\.sql:2: unknown header "Owner"/);
test('a malformed revision id', badInput, [{name: '000000000001_change.sql', text: '-- Revision: 00000000001Z\n-- migrate:up\nselect 1;\n'}], ['migrate', 'up'], 2, /malformed revision id "00000000001Z"/);
test('two files with the same revision', badInput, [file('000000000001'), {...file('000000000001'), name: '000000000001_again.sql'}], ['migrate', 'up'], 2, /both declare revision 000000000001/);
test('a Revises naming a missing revision', badInput, [file('000000000001'), file('000000000002', ['000000000009'])], ['migrate', 'up'], 2, /revises 000000000009, which no file/);
test('a cycle', badInput, [file('000000000001'), file('000000000002', ['000000000001', '000000000003']), file('000000000003', ['000000000002'])], ['migrate', 'up'], 2, /cycle/);
test('two heads', badInput, [file('000000000001'), file('000000000002', ['000000000001']), file('000000000003', ['000000000001'])], ['migrate', 'up'], 2, /2 heads[\s\S]*merge/);
test('--to an unknown revision', badInput, [file('000000000001')], ['migrate', 'up', '--to', 'abcdef123456'], 2, /Unknown revision "abcdef123456"/);
test('down past base', badInput, [file('000000000001')], ['migrate', 'down'], 2, /Nothing to revert: the database is at base/);

test('an unreachable database: exit 3 within the wait bound, where it tried, never the password', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const result = await runCli(['migrate', 'up', '--migrations', directory, '--wait', '1'], {env: env('postgresql://cognition_user:hunter2-secret@127.0.0.1:9/cognition')});
	t.is(result.exitCode, 3);
	t.regex(result.stderr, /Cannot reach the database at 127\.0\.0\.1:9/);
	t.true(result.durationMs < 30_000, 'bounded (generously: other test processes share the CPU)');
	t.false(`${result.stdout}${result.stderr}`.includes('hunter2-secret'));
	t.notRegex(result.stderr, stackLine);
});

test('a wrong password: exit 3, the user named, the password not', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(1));
	const result = await runCli(['migrate', 'status', '--migrations', directory], {env: env(target.url.replace(/:[^:@/]+@/, ':not-the-password@'))});
	t.is(result.exitCode, 3);
	t.regex(result.stderr, /Password authentication failed for user "cognition_user"/);
	t.false(`${result.stdout}${result.stderr}`.includes('not-the-password'));
});

test('an unparsable DATABASE_URL is a clear input error', async (t) => {
	const result = await runCli(['migrate', 'status'], {env: env('postgres://user:pw@:::nonsense')});
	t.is(result.exitCode, 2);
	t.regex(result.stderr, /DATABASE_URL is not a valid connection URL/);
	t.false(result.stderr.includes(':pw@'));
});

test('preview shows the exact SQL from the database state; --offline needs no database', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(2));
	await runCli(['migrate', 'up', '--to', '000000000001', '--migrations', directory], {env: env(target.url)});
	const online = await runCli(['migrate', 'preview', '--migrations', directory], {env: env(target.url)});
	t.is(online.exitCode, 0, online.stderr);
	t.regex(online.stdout, /-- apply 000000000002 .*one transaction\)\nBEGIN;\nCREATE TABLE t2 \(id integer PRIMARY KEY\);\nINSERT INTO public\.cc_dev_migrations/);
	t.notRegex(online.stdout, /CREATE TABLE t1/);

	const offline = await runCli(['migrate', 'preview', '--offline', '--migrations', directory], {env: env('postgresql://x:y@127.0.0.1:9/none')});
	t.is(offline.exitCode, 0, offline.stderr);
	t.regex(offline.stdout, /CREATE TABLE IF NOT EXISTS public\.cc_dev_migrations/);
	const fresh = await freshDatabase(t);
	await query(fresh, offline.stdout);
	t.deepEqual((await query(fresh, 'select revision from cc_dev_migrations order by 1')).map((row) => row['revision']), ['000000000001', '000000000002']);
});

test('help, version, unknown commands, and no command without a terminal', async (t) => {
	const help = await runCli(['--help']);
	t.is(help.exitCode, 0);
	t.regex(help.stdout, /migrate up/);
	t.regex((await runCli(['--version'])).stdout, /^\d+\.\d+\.\d+/);
	const none = await runCli([]);
	t.is(none.exitCode, 2);
	t.regex(none.stdout, /Usage: cc-dev/);
	const unknown = await runCli(['migrate', 'sideways']);
	t.is(unknown.exitCode, 2);
	const badFlag = await runCli(['migrate', 'up', '--sideways']);
	t.is(badFlag.exitCode, 2);
	t.regex(badFlag.stderr, /Unknown option '--sideways'/);
});

test('a malformed file and an unreachable database: the file is named, and the connection tried meanwhile does not keep the process waiting', async (t) => {
	const directory = migrationsDir(t, [{name: '000000000001_change.sql', text: '-- Revision: 000000000001\nselect 1;\n'}]);
	for (const command of [['migrate', 'status'], ['migrate', 'up']]) {
		const result = await runCli([...command, '--migrations', directory, '--wait', '600'], {env: env('postgresql://cognition_user:hunter2-secret@127.0.0.1:9/cognition')});
		t.is(result.exitCode, 2, result.stderr);
		t.regex(result.stderr, /000000000001_change\.sql: no "-- migrate:up" marker/);
		t.notRegex(result.stderr, /Cannot reach/);
		t.true(result.durationMs < 300_000, 'not the 10-minute connection wait');
	}
});

test('Ctrl-C while status waits for an unreachable database: cancelled at once, exit 1', async (t) => {
	const child = execa(process.execPath, [cliBin, 'migrate', 'status', '--migrations', migrationsDir(t, chain(1)), '--wait', '600'], {
		env: {DATABASE_URL: 'postgresql://cognition_user:hunter2-secret@127.0.0.1:9/cognition', NO_COLOR: '1'},
		reject: false,
		stdin: 'ignore',
	});
	// Interrupt once it reports its first failed attempt: it is then waiting to try again.
	await new Promise<void>((resolve) => {
		child.stderr!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('waiting for')) resolve();
		});
	});
	child.kill('SIGINT');
	const result = await child;
	t.is(result.exitCode, 1, String(result.stderr));
	t.regex(String(result.stderr), /Cancelled while connecting to the database/);
	t.false(String(result.stderr).includes('hunter2-secret'));
});

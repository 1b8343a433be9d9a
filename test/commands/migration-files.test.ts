import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {freshDatabase, query} from '../helpers/database.js';
import {migrationText, migrationsDir} from '../helpers/migrations-dir.js';
import {runCli, stackLine} from '../helpers/run-cli.js';

const first = {revision: '000000000001', up: 'CREATE TABLE a (id int PRIMARY KEY);', down: 'DROP TABLE a;'};

const refused = test.macro(async (t, args: string[], prepare: (directory: string) => void, message: RegExp) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [first]);
	prepare(directory);
	const result = await runCli([...args, '--migrations', directory], {env: {DATABASE_URL: target.url}});
	t.is(result.exitCode, 2, result.stderr);
	t.regex(result.stderr, message);
	t.regex(result.stderr, /Save the file as UTF-8|Rename or move the folder|Remove the link/, 'the hint says what to do');
	t.notRegex(result.stderr, /unexpected|EISDIR|ENOENT/);
	t.notRegex(result.stderr, stackLine);
	t.deepEqual(await query(target, "select 1 from pg_tables where tablename = 'a'"), [], 'nothing ran');
});

const latin1 = (directory: string) => {
	const text = migrationText({revision: '000000000002', parents: ['000000000001'], up: "INSERT INTO a VALUES (1);\nCOMMENT ON TABLE a IS 'caf\u00E9';", down: 'select 1;'});
	writeFileSync(path.join(directory, '000000000002_latin1.sql'), Buffer.from(text, 'latin1'));
};

test('migrate up: a migration with bytes that are not UTF-8 is refused with file:line', refused, ['migrate', 'up'], latin1, /000000000002_latin1\.sql:9: not valid UTF-8/);
test('lint: the same file:line for bytes that are not UTF-8', refused, ['lint'], latin1, /000000000002_latin1\.sql:9: not valid UTF-8/);
test('migrate up: a folder named *.sql is a clear input error', refused, ['migrate', 'up'], (directory) => {
	mkdirSync(path.join(directory, '000000000002_folder.sql'));
}, /000000000002_folder\.sql: a folder, not a migration file/);
test('migrate status: a dangling symbolic link named *.sql is a clear input error', refused, ['migrate', 'status'], (directory) => {
	symlinkSync(path.join(directory, 'gone.sql.orig'), path.join(directory, '000000000002_link.sql'));
}, /000000000002_link\.sql: a symbolic link to .*gone\.sql\.orig, which does not exist/);
test('lint: a folder named *.sql is a clear input error', refused, ['lint'], (directory) => {
	mkdirSync(path.join(directory, '000000000002_folder.sql'));
}, /000000000002_folder\.sql: a folder, not a migration file/);

const badTimeout = test.macro(async (t, args: string[], environment: Record<string, string>, message: RegExp) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [first]);
	const result = await runCli(['migrate', 'up', '--migrations', directory, ...args], {env: {DATABASE_URL: target.url, ...environment}});
	t.is(result.exitCode, 2, result.stderr);
	t.regex(result.stderr, message);
	t.regex(result.stderr, /a number with a unit \(us, ms, s, min, h or d\)/);
	t.notRegex(result.stderr, /unexpected/);
	t.deepEqual(await query(target, "select 1 from pg_tables where tablename = 'a'"), [], 'nothing ran');
});

test('an invalid --lock-timeout is a usage error naming the flag', badTimeout, ['--lock-timeout', 'soon'], {}, /--lock-timeout "soon" is not a duration/);
test('an invalid --statement-timeout is a usage error naming the flag', badTimeout, ['--statement-timeout', '5 parsecs'], {}, /--statement-timeout "5 parsecs" is not a duration/);
test('a --statement-timeout PostgreSQL cannot hold is a usage error', badTimeout, ['--statement-timeout', '30d'], {}, /--statement-timeout "30d" is not a duration/);
test('an invalid CC_DEV_LOCK_TIMEOUT is a usage error naming the variable', badTimeout, [], {CC_DEV_LOCK_TIMEOUT: '5 s;drop'}, /CC_DEV_LOCK_TIMEOUT "5 s;drop" is not a duration/);

test('valid timeouts in every accepted form reach the server', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [first]);
	const result = await runCli(['migrate', 'up', '--migrations', directory, '--lock-timeout', '1500ms', '--statement-timeout', '2min'], {env: {DATABASE_URL: target.url}});
	t.is(result.exitCode, 0, result.stderr);
});

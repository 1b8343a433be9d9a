import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {buildDatabaseUrl} from '../../source/core/database/target.js';
import {adminQuery, freshDatabase, query} from '../helpers/database.js';
import {chain, migrationsDir} from '../helpers/migrations-dir.js';
import {runCli, stackLine} from '../helpers/run-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

const timeoutMs = 170_000;

function scratchFolder(t: ExecutionContext): string {
	const folder = tempFolder(t, 'cc-dev-generate-cli-');
	return folder;
}

async function databaseExists(name: string): Promise<boolean> {
	return (await adminQuery('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
}

/** A shell command that records the DATABASE_URL it was given, then does `then`. */
function recordingCommand(folder: string, then: string): string {
	return `printf %s "$DATABASE_URL" > ${path.join(folder, 'url')}; ${then}`;
}

const recordedDatabase = (folder: string): string => new URL(readFileSync(path.join(folder, 'url'), 'utf8')).pathname.slice(1);

test.serial('--from-sql with a syntax error: file:line:column, exit 2, nothing written, no stack trace', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const folder = scratchFolder(t);
	const file = path.join(folder, 'desired.sql');
	writeFileSync(file, 'CREATE TABLE t1 (id integer PRIMARY KEY);\nCREATE TABLE oops (id integer,,);\n');
	const target = await freshDatabase(t);
	const result = await runCli(['migrate', 'new', 'x', '--from-sql', file, '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(result.exitCode, 2, result.stderr);
	t.regex(result.stderr, /desired\.sql:2:\d+: syntax error at or near ","/);
	t.notRegex(result.stderr, stackLine);
	t.is(readdirSync(directory).length, 1);
});

test.serial('--from-command that exits non-zero: its stderr shown, exit 1, its scratch database dropped', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const folder = scratchFolder(t);
	const target = await freshDatabase(t);
	const result = await runCli(['migrate', 'new', 'x', '--from-command', recordingCommand(folder, 'echo "models are broken" >&2; exit 3'), '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(result.exitCode, 1, result.stderr);
	t.regex(result.stderr, /The schema command failed \(exit code 3\)/);
	t.regex(result.stderr, /models are broken/);
	t.false(await databaseExists(recordedDatabase(folder)));
	t.is(readdirSync(directory).length, 1);
});

test.serial('--from-command that times out: exit 1, its scratch database dropped', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const folder = scratchFolder(t);
	const target = await freshDatabase(t);
	const result = await runCli(['migrate', 'new', 'x', '--from-command', recordingCommand(folder, 'exec sleep 60'), '--command-timeout', '2', '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(result.exitCode, 1, result.stderr);
	t.regex(result.stderr, /timed out after 2 s/);
	t.false(await databaseExists(recordedDatabase(folder)));
});

test.serial('--from-command creates the change: the migration is written, verified and printed; the bare flag uses package.json', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const project = scratchFolder(t);
	writeFileSync(path.join(project, 'package.json'), JSON.stringify({name: 'p', 'cc-dev': {fromCommand: 'psql "$DATABASE_URL" -q -c "CREATE TABLE t1 (id integer PRIMARY KEY, note text)"'}}));
	const target = await freshDatabase(t);
	const result = await runCli(['migrate', 'new', 'add note', '--from-command', '--migrations', directory], {env: {DATABASE_URL: target.url, CC_DEV_PROJECT: project}, timeoutMs});
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /✔ Wrote .*_add_note\.sql/);
	t.regex(result.stdout, /alter table "public"\."t1" add column "note" text;/);
	t.regex(result.stdout, /✔ Verified in a scratch database/);
	t.is(readdirSync(directory).length, 2);
});

test.serial('nothing to change: "The schema already matches the migrations", exit 0, no file', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const folder = scratchFolder(t);
	writeFileSync(path.join(folder, 'desired.sql'), 'CREATE TABLE t1 (id integer PRIMARY KEY);');
	const target = await freshDatabase(t);
	const result = await runCli(['migrate', 'new', 'x', '--from-sql', path.join(folder, 'desired.sql'), '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /The schema already matches the migrations/);
	t.is(readdirSync(directory).length, 1);
});

test.serial('a drop is refused with exit 1 and listed; --json gives files, statements, drops and verification', async (t) => {
	const directory = migrationsDir(t, chain(2));
	const folder = scratchFolder(t);
	writeFileSync(path.join(folder, 'desired.sql'), 'CREATE TABLE t1 (id integer PRIMARY KEY);');
	const target = await freshDatabase(t);
	const refused = await runCli(['migrate', 'new', 'x', '--from-sql', path.join(folder, 'desired.sql'), '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(refused.exitCode, 1, refused.stderr);
	t.regex(refused.stdout, /table public\.t2: the table and every row in it/);
	t.regex(refused.stdout, /--allow-drops/);
	const json = await runCli(['migrate', 'new', 'x', '--from-sql', path.join(folder, 'desired.sql'), '--migrations', directory, '--allow-drops', '--dry-run', '--json'], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(json.exitCode, 0, json.stderr);
	const document = JSON.parse(json.stdout) as {status: string; files: {up: string[]; text: string}[]; drops: unknown[]; verification: {ok: boolean}; lint: unknown[]};
	t.is(document.status, 'dry-run');
	t.true(document.files[0]!.up.includes('drop table "public"."t2";'), document.files[0]!.text);
	t.is(document.drops.length, 1);
	t.true(document.verification.ok);
	t.true(Array.isArray(document.lint));
	t.is(readdirSync(directory).length, 2);
});

test.serial('--from-dev --stamp: the change made by hand becomes a migration and the database records it', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const target = await freshDatabase(t);
	const env = {DATABASE_URL: target.url};
	t.is((await runCli(['migrate', 'up', '--migrations', directory], {env, timeoutMs})).exitCode, 0);
	await query(target, 'ALTER TABLE t1 ADD COLUMN archived_at timestamp with time zone');
	const result = await runCli(['migrate', 'new', 'archive', '--from-dev', '--stamp', '--migrations', directory], {env, timeoutMs});
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /add column "archived_at" timestamp with time zone/);
	t.regex(result.stdout, /Recorded [0-9a-f]{12} in the development database/);
	const status = await runCli(['migrate', 'status', '--migrations', directory], {env, timeoutMs});
	t.is(status.exitCode, 0, status.stdout + status.stderr);
});

test.serial('--from-dev on a database at a revision not in migrations/: exit 2 with the fix', async (t) => {
	const directory = migrationsDir(t, chain(2));
	const target = await freshDatabase(t);
	const env = {DATABASE_URL: target.url};
	t.is((await runCli(['migrate', 'up', '--migrations', directory], {env, timeoutMs})).exitCode, 0);
	const fewer = migrationsDir(t, chain(1));
	const result = await runCli(['migrate', 'new', 'x', '--from-dev', '--migrations', fewer], {env, timeoutMs});
	t.is(result.exitCode, 2, result.stderr);
	t.regex(result.stderr, /000000000002, which no file in migrations\/ declares/);
	t.regex(result.stderr, /check out that branch/);
});

test.serial('several heads: exit 2, merge first', async (t) => {
	const directory = migrationsDir(t, [...chain(1), {revision: '00000000000a', parents: ['000000000001'], up: 'SELECT 1;', down: 'SELECT 1;'}, {revision: '00000000000b', parents: ['000000000001'], up: 'SELECT 1;', down: 'SELECT 1;'}]);
	const target = await freshDatabase(t);
	const result = await runCli(['migrate', 'new', 'x', '--from-dev', '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(result.exitCode, 2, result.stderr);
	t.regex(result.stderr, /2 heads/);
	t.regex(result.stderr, /--merge/);
});

test.serial('an unreachable --from-url or a wrong password: exit 3, no password printed', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const target = await freshDatabase(t);
	const wrong = buildDatabaseUrl({user: target.user, password: 'not-the-password-42', host: target.host, port: target.port, database: target.database});
	const badPassword = await runCli(['migrate', 'new', 'x', '--from-url', wrong, '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(badPassword.exitCode, 3, badPassword.stderr);
	t.regex(badPassword.stderr, /Password authentication failed/);
	t.notRegex(badPassword.stderr + badPassword.stdout, /not-the-password-42/);
	const unreachable = await runCli(['migrate', 'new', 'x', '--from-url', 'postgresql://u:secret-pw@127.0.0.1:1/db', '--wait', '0', '--migrations', directory], {env: {DATABASE_URL: target.url}, timeoutMs});
	t.is(unreachable.exitCode, 3, unreachable.stderr);
	t.notRegex(unreachable.stderr, /secret-pw/);
});

test.serial('usage errors: two sources, --stamp without --from-dev, generator flags without a source', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const two = await runCli(['migrate', 'new', 'x', '--from-dev', '--from-sql', 'a.sql', '--migrations', directory]);
	t.is(two.exitCode, 2);
	t.regex(two.stderr, /one source/);
	const stamp = await runCli(['migrate', 'new', 'x', '--from-sql', 'a.sql', '--stamp', '--migrations', directory]);
	t.is(stamp.exitCode, 2);
	t.regex(stamp.stderr, /--stamp .* --from-dev only/);
	const orphan = await runCli(['migrate', 'new', 'x', '--dry-run', '--migrations', directory]);
	t.is(orphan.exitCode, 2);
	t.regex(orphan.stderr, /--dry-run goes with a generated migration/);
});

import {mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import anyTest from 'ava';
import type {TestFn} from 'ava';
import {execa} from 'execa';
import {cliBin, runCli, stackLine} from '../helpers/run-cli.js';
import {migrationText} from '../core/lint/helpers/migration.js';
import {makeTempFolder} from '../helpers/temp-folder.js';

const test = anyTest as TestFn<{dir: string}>;

test.beforeEach(async (t) => {
	const dir = makeTempFolder('cc-dev-lint-');
	t.context.dir = dir; // set first: afterEach.always removes it even when this hook fails
	await mkdir(path.join(dir, 'migrations'));
	await writeFile(path.join(dir, 'migrations', 'a1b2c3d4e5f6_create_tags.sql'), migrationText({revision: 'a1b2c3d4e5f6', up: 'CREATE TABLE tags (id int, name varchar(50));', down: 'DROP TABLE tags;'}));
	await writeFile(
		path.join(dir, 'migrations', 'b1b2c3d4e5f6_index_tags.sql'),
		migrationText({revision: 'b1b2c3d4e5f6', parents: ['a1b2c3d4e5f6'], up: 'CREATE INDEX ix_tags_name ON tags (name);\nALTER TABLE tags ALTER COLUMN name TYPE varchar(100);', down: 'DROP INDEX ix_tags_name;'}),
	);
});

test.afterEach.always(async (t) => {
	if (t.context.dir) await rm(t.context.dir, {recursive: true, force: true});
});

const lint = async (args: string[], dir: string) => runCli(['lint', ...args], {cwd: dir});

test('lints every migration of ./migrations and exits 1 on errors', async (t) => {
	const {exitCode, stdout, stderr} = await lint([], t.context.dir);
	t.is(exitCode, 1);
	t.is(stderr, '');
	t.true(stdout.includes('migrations/b1b2c3d4e5f6_index_tags.sql:8:1 error index-not-concurrent'));
	// The earlier migration tells the linter name was varchar(50): widening it does not rewrite.
	t.false(stdout.includes('column-type-rewrite'));
	t.true(stdout.includes('1 error in 1 of 2 migration files.'));
});

test('named files are linted with the folder as context; --json is the json reporter; exit 0 with warnings only', async (t) => {
	const json = await lint(['migrations/a1b2c3d4e5f6_create_tags.sql', '--json'], t.context.dir);
	t.is(json.exitCode, 0);
	t.deepEqual(JSON.parse(json.stdout).findings, []);
	const github = await lint(['migrations/b1b2c3d4e5f6_index_tags.sql', '--reporter', 'github', '--severity', 'index-not-concurrent=warning'], t.context.dir);
	t.is(github.exitCode, 0);
	t.true(github.stdout.startsWith('::warning file=migrations/b1b2c3d4e5f6_index_tags.sql,line=8,col=1,title=index-not-concurrent::'));
});

test('a plain SQL file is one up section, assumed to run in a transaction unless told otherwise', async (t) => {
	// Two statements: a lone CONCURRENTLY statement is linted as run alone, whatever the assumption.
	await writeFile(path.join(t.context.dir, 'fix.sql'), 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_tags_id ON tags (id);\nANALYZE tags;\n');
	const inside = await lint(['fix.sql', '--json'], t.context.dir);
	t.is(inside.exitCode, 1);
	const finding = JSON.parse(inside.stdout).findings[0];
	t.is(finding.rule, 'concurrently-in-transaction');
	t.is(finding.line, 1);
	t.regex(finding.message, /--assume-transaction/);
	const outside = await lint(['fix.sql', '--assume-no-transaction', '--json'], t.context.dir);
	t.is(outside.exitCode, 0);
	// No down section is asked of a file that is not a migration.
	t.deepEqual(JSON.parse(outside.stdout).findings, []);
	t.is((await lint(['fix.sql', '--assume-transaction', '--assume-no-transaction'], t.context.dir)).exitCode, 2);
});

test('a folder is read with its subfolders (one folder per migration); rollback files are down sections; an empty folder is exit 2', async (t) => {
	const prisma = path.join(t.context.dir, 'other', 'prisma', 'migrations');
	await mkdir(path.join(prisma, '20240101000000_init'), {recursive: true});
	await mkdir(path.join(prisma, '20240201000000_index'), {recursive: true});
	await mkdir(path.join(prisma, 'node_modules', 'x'), {recursive: true});
	await writeFile(path.join(prisma, '20240101000000_init', 'migration.sql'), 'CREATE TABLE notes (id int, body text);\n');
	await writeFile(path.join(prisma, '20240201000000_index', 'migration.sql'), 'CREATE INDEX ix_notes_body ON notes (body);\nANALYZE notes;\n');
	await writeFile(path.join(prisma, '20240201000000_index', 'down.sql'), 'DROP TABLE notes;\n');
	await writeFile(path.join(prisma, 'node_modules', 'x', 'ignored.sql'), 'DROP TABLE notes;\n');
	const {exitCode, stdout} = await lint(['other/prisma/migrations', '--json'], t.context.dir);
	t.is(exitCode, 1);
	const report = JSON.parse(stdout);
	t.is(report.files, 3);
	t.deepEqual(report.findings.map((finding: {rule: string; file: string}) => `${finding.rule} ${finding.file}`), ['index-not-concurrent migration.sql']);

	await mkdir(path.join(t.context.dir, 'nothing-here'));
	const empty = await lint(['nothing-here'], t.context.dir);
	t.is(empty.exitCode, 2);
	t.regex(empty.stderr, /No \.sql files in nothing-here/);
	t.notRegex(empty.stderr, stackLine);
});

test('- reads SQL from standard input', async (t) => {
	const run = async (input: string, ...args: string[]) =>
		execa(process.execPath, [cliBin, 'lint', '-', ...args], {cwd: t.context.dir, input, reject: false, env: {NO_COLOR: '1'}});
	const bad = await run('ALTER TABLE tags ADD COLUMN score int;\nUPDATE tags SET score = 0;\n');
	t.is(bad.exitCode, 1);
	t.regex(String(bad.stdout), /<stdin>:2:1 error update-in-alter-transaction/);
	const good = await run('SELECT 1;\n', '--assume-no-transaction');
	t.is(good.exitCode, 0);
});

test('--verbose is accepted and --pending reads the database (an unreachable one is exit 3)', async (t) => {
	t.is((await lint(['--verbose'], t.context.dir)).exitCode, 1);
	const pending = await runCli(['lint', '--pending', '--url', 'postgresql://nobody:secret@127.0.0.1:9/none', '--wait', '0'], {cwd: t.context.dir});
	t.is(pending.exitCode, 3);
	t.false(pending.stderr.includes('secret'));
	t.notRegex(pending.stderr, stackLine);
});

test('a malformed migration file is a clear input error (exit 2)', async (t) => {
	await writeFile(path.join(t.context.dir, 'migrations', 'c1b2c3d4e5f6_broken.sql'), '-- Revision: c1b2c3d4e5f6\nSELECT 1;\n');
	const {exitCode, stdout, stderr} = await lint([], t.context.dir);
	t.is(exitCode, 2);
	t.is(stdout, '');
	t.regex(stderr, /c1b2c3d4e5f6_broken\.sql: no "-- migrate:up" marker/);
	t.notRegex(stderr, stackLine);
});

test('bad flags, reporters and missing files are usage errors (exit 2), with the fix named', async (t) => {
	const reporter = await lint(['--reporter', 'tap'], t.context.dir);
	t.is(reporter.exitCode, 2);
	t.regex(reporter.stderr, /Unknown reporter "tap"/);
	t.is((await lint(['--nope'], t.context.dir)).exitCode, 2);
	t.is((await lint(['missing.sql'], t.context.dir)).exitCode, 2);
	t.is((await lint(['--migrations', 'elsewhere'], t.context.dir)).exitCode, 2);
	t.is((await lint(['--severity', 'rename'], t.context.dir)).exitCode, 2);
	t.is((await lint(['--json', '--reporter', 'junit'], t.context.dir)).exitCode, 2);
	t.is((await lint(['--pending', 'x.sql'], t.context.dir)).exitCode, 2);
});

test('--help prints the usage from the registry', async (t) => {
	const {exitCode, stdout} = await lint(['--help'], t.context.dir);
	t.is(exitCode, 0);
	t.regex(stdout, /^Usage: cc-dev lint \[FILES\.\.\.\]/);
	t.regex(stdout, /--assume-no-transaction/);
});

import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Writable} from 'node:stream';
import anyTest from 'ava';
import type {TestFn} from 'ava';
import {runLint} from '../../../source/commands/lint.js';
import {migrationText} from './helpers/migration.js';

const test = anyTest as TestFn<{dir: string}>;

function sink(): {stream: Writable; text: () => string} {
	let text = '';
	const stream = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			text += chunk.toString();
			callback();
		},
	});
	return {stream, text: () => text};
}

async function run(argv: string[], dir: string, appliedRevisions?: () => Promise<ReadonlySet<string>>) {
	const stdout = sink();
	const stderr = sink();
	const code = await runLint(argv, {stdout: stdout.stream, stderr: stderr.stream}, {cwd: dir, env: {}, ...(appliedRevisions ? {appliedRevisions} : {})});
	return {code, stdout: stdout.text(), stderr: stderr.text()};
}

test.beforeEach(async (t) => {
	const dir = await mkdtemp(path.join(tmpdir(), 'cc-dev-lint-'));
	await mkdir(path.join(dir, 'migrations'));
	await writeFile(path.join(dir, 'migrations', 'a1b2c3d4e5f6_create_tags.sql'), migrationText({revision: 'a1b2c3d4e5f6', up: 'CREATE TABLE tags (id int, name varchar(50));', down: 'DROP TABLE tags;'}));
	await writeFile(
		path.join(dir, 'migrations', 'b1b2c3d4e5f6_index_tags.sql'),
		migrationText({revision: 'b1b2c3d4e5f6', parents: ['a1b2c3d4e5f6'], up: 'CREATE INDEX ix_tags_name ON tags (name);\nALTER TABLE tags ALTER COLUMN name TYPE varchar(100);', down: 'DROP INDEX ix_tags_name;'}),
	);
	t.context.dir = dir;
});

test.afterEach.always(async (t) => {
	await rm(t.context.dir, {recursive: true, force: true});
});

test('lints every migration of ./migrations and exits 1 on errors', async (t) => {
	const {code, stdout, stderr} = await run([], t.context.dir);
	t.is(code, 1);
	t.is(stderr, '');
	t.true(stdout.includes('migrations/b1b2c3d4e5f6_index_tags.sql:8:1 error index-not-concurrent'));
	// The earlier migration tells the linter name was varchar(50): widening it does not rewrite.
	t.false(stdout.includes('column-type-rewrite'));
	t.true(stdout.includes('1 error in 1 of 2 migration files.'));
});

test('named files are linted with the folder as context; exit 0 when only warnings', async (t) => {
	const {code, stdout} = await run(['migrations/a1b2c3d4e5f6_create_tags.sql', '--reporter', 'json'], t.context.dir);
	t.is(code, 0);
	t.deepEqual(JSON.parse(stdout).findings, []);
	const github = await run(['migrations/b1b2c3d4e5f6_index_tags.sql', '--reporter', 'github', '--severity', 'index-not-concurrent=warning'], t.context.dir);
	t.is(github.code, 0);
	t.true(github.stdout.startsWith('::warning file=migrations/b1b2c3d4e5f6_index_tags.sql,line=8,col=1,title=index-not-concurrent::'));
});

test('--pending lints only what the database has not applied', async (t) => {
	const {code, stdout} = await run(['--pending', '--reporter', 'junit'], t.context.dir, async () => new Set(['a1b2c3d4e5f6']));
	t.is(code, 1);
	t.false(stdout.includes('a1b2c3d4e5f6_create_tags.sql'));
	t.true(stdout.includes('b1b2c3d4e5f6_index_tags.sql'));
});

test('--pending without a database is a usage error', async (t) => {
	const {code, stderr} = await run(['--pending'], t.context.dir);
	t.is(code, 2);
	t.regex(stderr, /--pending needs the database/);
});

test('a malformed migration file is a clear input error (exit 2)', async (t) => {
	await writeFile(path.join(t.context.dir, 'migrations', 'c1b2c3d4e5f6_broken.sql'), '-- Revision: c1b2c3d4e5f6\nSELECT 1;\n');
	const {code, stdout, stderr} = await run([], t.context.dir);
	t.is(code, 2);
	t.is(stdout, '');
	t.regex(stderr, /c1b2c3d4e5f6_broken\.sql: no "-- migrate:up" marker/);
});

test('bad flags, reporters and missing files are usage errors', async (t) => {
	t.is((await run(['--reporter', 'tap'], t.context.dir)).code, 2);
	t.is((await run(['--nope'], t.context.dir)).code, 2);
	t.is((await run(['missing.sql'], t.context.dir)).code, 2);
	t.is((await run(['--migrations', 'elsewhere'], t.context.dir)).code, 2);
	t.is((await run(['--severity', 'rename'], t.context.dir)).code, 2);
});

test('--help prints the usage', async (t) => {
	const {code, stdout} = await run(['--help'], t.context.dir);
	t.is(code, 0);
	t.regex(stdout, /^Usage: cc-dev lint/);
});

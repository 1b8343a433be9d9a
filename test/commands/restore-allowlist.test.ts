import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {ConnectionTarget} from '../../source/core/database/target.js';
import {freshDatabase, query, repoRoot} from '../helpers/database.js';
import {projectCopy} from '../core/checks/suite-helpers.js';
import {runCli} from './suite-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

const schemaFile = path.join(repoRoot, 'railway_schema.sql');
const committed = readFileSync(schemaFile, 'utf8');

function tempDir(t: ExecutionContext): string {
	const directory = tempFolder(t, 'cc-dev-restore-allow-');
	return directory;
}

/** Everything a restore could change, to compare before and after a refusal. */
async function databaseState(target: ConnectionTarget): Promise<string> {
	const rows = await query<{state: string}>(
		target,
		`select json_build_object(
			'relations', (select coalesce(json_agg(format('%I.%I', n.nspname, c.relname) order by 1), '[]') from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')),
			'schemas', (select json_agg(nspname order by 1) from pg_namespace),
			'roles', (select json_agg(rolname order by 1) from pg_roles),
			'passwd', (select count(*) from pg_class where relname = 'passwd'),
			'dbconfig', (select coalesce(json_agg(setconfig::text order by 1), '[]') from pg_db_role_setting)
		)::text as state`,
	);
	return rows[0]!.state;
}

const hostile: ReadonlyArray<readonly [string, (marker: string) => string, RegExp]> = [
	['COPY TO PROGRAM', (marker) => `COPY (select 1) TO PROGRAM 'touch ${marker}';\n`, /COPY \.\.\. PROGRAM runs a command on the database server/],
	['COPY FROM a server file', () => 'CREATE TABLE public.passwd (line text);\nCOPY public.passwd FROM \'/etc/passwd\';\n', /COPY with a file reads or writes a file on the database server/],
	['DROP TABLE', () => 'DROP TABLE public.decks;\n', /a dump does not drop anything/],
	['CREATE ROLE', () => "CREATE ROLE evil SUPERUSER LOGIN PASSWORD 'x';\n", /roles are server-level/],
	['ALTER DATABASE', () => 'ALTER DATABASE postgres SET work_mem = \'1GB\';\n', /databases are server-level/],
	['COMMIT inside', () => 'COMMIT;\nCREATE TABLE public.after_commit (id int);\n', /transaction control would end the restore's one transaction/],
	['ROLLBACK inside', () => 'ROLLBACK;\n', /transaction control/],
	['DO block', () => "DO $$ BEGIN PERFORM 1; END $$;\n", /a DO block runs code \(pass --allow-do/],
	['GRANT', () => 'GRANT ALL ON SCHEMA public TO PUBLIC;\n', /privileges are not restored/],
	['another SELECT', () => 'SELECT pg_catalog.pg_reload_conf();\n', /a SELECT other than pg_dump's/],
	['an object in an undeclared schema', () => 'CREATE TABLE audit.log (id int);\n', /object in schema audit, which the dump does not create/],
	['a C function', () => "CREATE FUNCTION public.evil() RETURNS int LANGUAGE c AS '/tmp/evil.so', 'evil';\n", /language c/],
	['SET standard_conforming_strings off', () => 'SET standard_conforming_strings = off;\n', /standard_conforming_strings must stay on/],
];

for (const [name, append, reason] of hostile) {
	test(`restore refuses ${name} appended to a real dump: exit 2, file:line, nothing changed`, async (t) => {
		const target = await freshDatabase(t);
		const directory = tempDir(t);
		const marker = path.join(directory, 'ran');
		const file = path.join(directory, 'hostile.sql');
		writeFileSync(file, committed + append(marker));
		const line = committed.split('\n').length;
		const before = await databaseState(target);
		const result = await runCli(['restore', file, '--yes'], target);
		t.is(result.exitCode, 2, result.stderr);
		t.regex(result.stderr, new RegExp(`hostile\\.sql:(${line}|${line + 1}): `));
		t.regex(result.stderr, reason);
		t.regex(result.stderr, /nothing was run/);
		t.false(existsSync(marker));
		t.is(await databaseState(target), before);
	});
}

test('every refused statement is listed, each with its line', async (t) => {
	const target = await freshDatabase(t);
	const file = path.join(tempDir(t), 'many.sql');
	writeFileSync(file, "CREATE TABLE public.a (id int);\nCOPY (select 1) TO PROGRAM 'true';\nCREATE TABLE public.b (id int);\nCREATE ROLE evil;\n");
	const result = await runCli(['restore', file, '--yes', '--revision', 'base'], target);
	t.is(result.exitCode, 2, result.stderr);
	t.regex(result.stderr, /holds 2 statements a schema-only dump does not/);
	t.regex(result.stderr, /many\.sql:2: COPY \(select 1\) TO PROGRAM 'true'/);
	t.regex(result.stderr, /many\.sql:4: CREATE ROLE evil/);
	t.deepEqual(await query(target, "select 1 from pg_tables where schemaname = 'public'"), []);
});

test('--allow-do accepts a DO block', async (t) => {
	const target = await freshDatabase(t);
	const file = path.join(tempDir(t), 'with-do.sql');
	writeFileSync(file, committed + 'DO $$ BEGIN CREATE TABLE public.made_by_do (id int); END $$;\n');
	const result = await runCli(['restore', file, '--yes', '--allow-do'], target);
	t.is(result.exitCode, 0, result.stderr);
	t.is((await query(target, "select 1 from pg_tables where tablename = 'made_by_do'")).length, 1);
});

test('a dump of a migrated database, with a schema of its own, restores', async (t) => {
	const source = await freshDatabase(t);
	t.is((await runCli(['migrate', 'up'], source)).exitCode, 0);
	await query(source, 'CREATE SCHEMA reporting; CREATE TABLE reporting.daily (day date PRIMARY KEY, reviews int); CREATE VIEW reporting.deck_names AS SELECT name FROM public.decks; CREATE SEQUENCE reporting.counter');
	const dump = await runCli(['dump', '--out', '-'], source);
	t.is(dump.exitCode, 0, dump.stderr);
	const file = path.join(tempDir(t), 'dump.sql');
	writeFileSync(file, dump.stdout);
	const target = await freshDatabase(t);
	const restored = await runCli(['restore', file, '--yes'], target);
	t.is(restored.exitCode, 0, restored.stderr);
	t.is((await query(target, "select 1 from pg_views where schemaname = 'reporting' and viewname = 'deck_names'")).length, 1);
	t.is((await query(target, "select 1 from pg_tables where schemaname = 'public'")).length, 9);
});

test('cc-dev test with a hostile railway_schema.sql does not run it: the schema check fails with the refusal', async (t) => {
	const target = await freshDatabase(t);
	const project = projectCopy(t);
	const marker = path.join(project, 'suite-ran');
	writeFileSync(path.join(project, 'railway_schema.sql'), `${committed}COPY (select 1) TO PROGRAM 'touch ${marker}';\n`);
	const result = await runCli(['test', '--only', 'schema'], target, {cwd: project});
	t.is(result.exitCode, 1, result.stdout + result.stderr);
	t.regex(result.stdout, /✖ Database schema/);
	t.regex(result.stdout + result.stderr, /COPY \.\.\. PROGRAM runs a command on the database server/);
	t.false(existsSync(marker));
});

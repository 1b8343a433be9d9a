import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {UsageError} from '../../../source/core/errors.js';
import {MigrationSqlError} from '../../../source/core/migrations/sql-error.js';
import {readMigrationStatus} from '../../../source/core/migrations/status.js';
import {planRestore, restoreDump, type RestoreOptions} from '../../../source/core/schema/restore-dump.js';
import {parseDatabaseUrl} from '../../../source/core/database/target.js';
import type {ConnectionTarget} from '../../../source/core/database/target.js';
import {freshDatabase, query, repoRoot, serverWaitMs} from '../../helpers/database.js';
import {tempFolder} from '../../helpers/temp-folder.js';

const migrationsDir = path.join(repoRoot, 'migrations');
const schemaFile = path.join(repoRoot, 'railway_schema.sql');

const options = (target: ConnectionTarget, extra: Partial<RestoreOptions> = {}): RestoreOptions => ({target, file: schemaFile, migrationsDir, waitMs: serverWaitMs, lockWaitMs: 5000, allowProduction: false, railwayEnvironment: undefined, ...extra});

const tables = async (target: ConnectionTarget): Promise<string[]> =>
	(await query<{tablename: string}>(target, "select tablename from pg_tables where schemaname = 'public' order by 1")).map((row) => row.tablename);

function dumpFile(t: ExecutionContext, text: string): string {
	const directory = tempFolder(t, 'cc-dev-restore-');
	const file = path.join(directory, 'dump.sql');
	writeFileSync(file, text);
	return file;
}

test('restores the committed dump into an empty database and records the revision, so status is right', async (t) => {
	const target = await freshDatabase(t);
	const plan = await planRestore(options(target));
	t.like(plan, {revisionSource: 'dump header', clean: false, production: undefined});
	t.deepEqual(plan.existingTables, []);
	const result = await restoreDump(options(target));
	t.is(result.revision, '28a8c0e6e895');
	t.is((await tables(target)).length, 9);
	const rows = await query<{revision: string; how: string}>(target, 'select revision, how from cc_dev_migrations');
	t.deepEqual(rows, [{revision: '28a8c0e6e895', how: 'restored'}]);
	const status = await readMigrationStatus({target, migrationsDir, waitMs: serverWaitMs});
	t.deepEqual(status.current, ['28a8c0e6e895']);
	t.deepEqual(status.problems, []);
});

test('refuses a database that already has tables unless --clean, which replaces them in the same transaction', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'CREATE TABLE precious (id int); INSERT INTO precious VALUES (1)');
	const error = await t.throwsAsync(planRestore(options(target)), {instanceOf: UsageError, message: /already has 1 table \(public\.precious\); refusing/});
	t.regex(error!.hint!, /--clean/);
	await t.throwsAsync(restoreDump(options(target)), {instanceOf: UsageError});
	t.deepEqual(await tables(target), ['precious']);
	await restoreDump(options(target, {clean: true}));
	const after = await tables(target);
	t.false(after.includes('precious'));
	t.is(after.length, 9);
});

test('refuses a production-looking target without --production, before connecting', async (t) => {
	const target = await freshDatabase(t);
	await t.throwsAsync(planRestore(options(target, {railwayEnvironment: 'production'})), {instanceOf: UsageError, message: /Refusing to run restore against a production database: RAILWAY_ENVIRONMENT is "production"/});
	const remote = parseDatabaseUrl('postgresql://u:secret@db.example.com:5432/app', 'DATABASE_URL');
	const error = await t.throwsAsync(restoreDump(options(remote, {waitMs: 0})), {instanceOf: UsageError, message: /Refusing to run restore against a production database: the database host db\.example\.com is not this machine/});
	t.regex(error!.hint!, /--production/);
	const allowed = await planRestore(options(target, {railwayEnvironment: 'production', allowProduction: true}));
	t.is(allowed.production, 'RAILWAY_ENVIRONMENT is "production"');
});

test('a restore that fails halfway leaves the database untouched and names the line', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'CREATE TABLE precious (id int)');
	const text = readFileSync(schemaFile, 'utf8').replace('CREATE TABLE public.learning_insights (', 'CREATE TABLE public.learning_insights (\n    broken public.no_such_type,');
	const file = dumpFile(t, text);
	const error = await t.throwsAsync(restoreDump(options(target, {file, clean: true})), {instanceOf: MigrationSqlError});
	t.is(error!.exitCode, 1);
	const line = text.split('\n').findIndex((candidate) => candidate.includes('public.no_such_type')) + 1;
	t.regex(error!.message, new RegExp(`^dump\\.sql:${line}:\\d+: type "public\\.no_such_type" does not exist`));
	t.regex(error!.hint!, /rolled back/);
	t.deepEqual(await tables(target), ['precious']);
	t.deepEqual(await query(target, "select 1 from pg_extension where extname = 'uuid-ossp'"), []);
});

test('a dump without a revision line needs --revision; base records nothing', async (t) => {
	const target = await freshDatabase(t);
	const file = dumpFile(t, readFileSync(schemaFile, 'utf8').replace(/^-- cc-dev revision: .*\n/m, ''));
	const error = await t.throwsAsync(planRestore(options(target, {file})), {instanceOf: UsageError, message: /does not say which revision it holds/});
	t.regex(error!.hint!, /--revision REV/);
	await t.throwsAsync(planRestore(options(target, {file, revision: 'ffffffffffff'})), {instanceOf: UsageError, message: /Unknown revision/});
	const result = await restoreDump(options(target, {file, revision: 'base'}));
	t.is(result.revision, undefined);
	t.deepEqual(await query(target, 'select revision from cc_dev_migrations'), []);
	t.is((await tables(target)).length, 9);
});

test('restoring waits for the migration lock', async (t) => {
	const target = await freshDatabase(t);
	const pg = (await import('pg')).default;
	const holder = new pg.Client({connectionString: target.url});
	await holder.connect();
	t.teardown(() => holder.end());
	await holder.query('select pg_advisory_lock($1::bigint)', [0x63_63_64_65_76]);
	await t.throwsAsync(restoreDump(options(target, {lockWaitMs: 300})), {message: /holds the migration lock/});
	t.deepEqual(await tables(target), []);
});

test("recording the restored revision runs none of the dump's code: a version table it defines is replaced, whatever the session's search_path", async (t) => {
	const target = await freshDatabase(t);
	// Set on the database, so the restore's session starts with the dump's public.now() ahead of PostgreSQL's.
	const [{name}] = (await query<{name: string}>(target, 'select current_database() as name')) as [{name: string}];
	await query(target, `ALTER DATABASE "${name}" SET search_path = public, pg_catalog`);
	const hostile = [
		'CREATE TABLE public.calls (what text);',
		"CREATE FUNCTION public.spy() RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls VALUES ('default'); RETURN 'x'; END $$;",
		"CREATE FUNCTION public.now() RETURNS timestamp with time zone LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.calls VALUES ('now'); RETURN pg_catalog.now(); END $$;",
		'ALTER TABLE ONLY public.cc_dev_migrations ALTER COLUMN message SET DEFAULT public.spy();',
		'ALTER TABLE ONLY public.cc_dev_migrations ALTER COLUMN applied_by SET DEFAULT public.spy();',
		'ALTER TABLE ONLY public.cc_dev_migrations ADD CONSTRAINT spied CHECK (public.spy() IS NOT NULL);',
	].join('\n');
	// Without pg_dump's set_config line, the session keeps the database's search_path.
	const dump = readFileSync(schemaFile, 'utf8').replace("SELECT pg_catalog.set_config('search_path', '', false);", '');
	const file = dumpFile(t, `${dump}\n${hostile}\n`);
	await restoreDump(options(target, {file}));
	t.deepEqual(await query(target, 'select what from public.calls'), []);
	const defaults = await query<{column_name: string; column_default: string | null}>(target, "select column_name, column_default from information_schema.columns where table_schema = 'public' and table_name = 'cc_dev_migrations' and column_default is not null order by 1");
	t.false(defaults.some((row) => row.column_default?.includes('spy') ?? false), JSON.stringify(defaults));
	t.deepEqual(await query(target, 'select revision, how from public.cc_dev_migrations'), [{revision: '28a8c0e6e895', how: 'restored'}]);
});

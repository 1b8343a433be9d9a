import test from 'ava';
import {InputError} from '../../../source/core/errors.js';
import {runMigrations, type RunOptions} from '../../../source/core/migrations/run-migrations.js';
import type {ConnectionTarget} from '../../../source/core/database/target.js';
import {adminQuery, freshDatabase, query, serverWaitMs} from '../../helpers/database.js';
import {migrationsDir} from '../../helpers/migrations-dir.js';

const options = (target: ConnectionTarget, directory: string): RunOptions => ({target, migrationsDir: directory, waitMs: serverWaitMs, lockWaitMs: 10_000, lockTimeout: '2s', statementTimeout: '1min', direction: 'up'});
const first = {revision: '000000000001', up: 'CREATE TABLE a (id int PRIMARY KEY);', down: 'DROP TABLE a;'};

const changes: Array<[string, string]> = [
	['SET', 'SET standard_conforming_strings = off;'],
	['SET LOCAL', 'SET LOCAL standard_conforming_strings TO off;'],
	['a quoted, mixed-case name', 'SET "Standard_Conforming_Strings" = off;'],
	['set_config', "SELECT set_config('standard_conforming_strings', 'off', false);"],
	['set_config with a computed name', "SELECT set_config(lower('STANDARD_CONFORMING_STRINGS'), 'off', false);"],
	['ALTER DATABASE', 'ALTER DATABASE postgres SET standard_conforming_strings = off;'],
	['ALTER ROLE', 'ALTER ROLE CURRENT_USER SET standard_conforming_strings = off;'],
	['a function SET clause', "CREATE FUNCTION f() RETURNS int LANGUAGE sql SET standard_conforming_strings = off AS 'select 1';"],
	['a DO block', "DO $$ BEGIN EXECUTE 'SET standard_conforming_strings = off'; END $$;"],
];

for (const [name, statement] of changes) {
	test(`a migration that changes standard_conforming_strings (${name}) is refused before anything runs`, async (t) => {
		const target = await freshDatabase(t);
		const directory = migrationsDir(t, [first, {revision: '000000000002', parents: ['000000000001'], up: `CREATE TABLE b (id int);\n${statement}`, down: 'select 1;'}]);
		const error = await t.throwsAsync(runMigrations(options(target, directory)), {instanceOf: InputError});
		t.is(error!.exitCode, 2);
		t.regex(error!.message, /^000000000002_change\.sql:9:1: the statement .*standard_conforming_strings/);
		t.regex(error!.hint!, /E'\.\.\.'/);
		t.deepEqual(await query(target, "select tablename from pg_tables where schemaname = 'public'"), [], 'nothing ran, not even the first migration');
	});
}

test('reading standard_conforming_strings is fine, and every session has it on even when the database says off', async (t) => {
	const target = await freshDatabase(t);
	await adminQuery(`ALTER DATABASE "${target.database}" SET standard_conforming_strings = off`);
	const directory = migrationsDir(t, [{revision: '000000000001', up: "SHOW standard_conforming_strings;\nCREATE TABLE seen AS SELECT current_setting('standard_conforming_strings') AS value;", down: 'DROP TABLE seen;'}]);
	await runMigrations(options(target, directory));
	t.deepEqual(await query(target, 'select value from seen'), [{value: 'on'}]);
});

test('a backslash-quote in the Message header cannot inject SQL into the version-table insert, whatever the database default', async (t) => {
	const target = await freshDatabase(t);
	await adminQuery(`ALTER DATABASE "${target.database}" SET standard_conforming_strings = off`);
	const message = String.raw`a\'); CREATE TABLE injected (id int); --`;
	const directory = migrationsDir(t, [{...first, message}]);
	await runMigrations(options(target, directory));
	t.deepEqual(await query(target, "select tablename from pg_tables where schemaname = 'public' and tablename = 'injected'"), []);
	t.deepEqual(await query(target, 'select message from cc_dev_migrations'), [{message}]);
});

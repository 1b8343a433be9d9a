import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {runMigrations} from '../../../source/core/migrations/run-migrations.js';
import {readSnapshot} from '../../../source/core/schema/read-snapshot.js';
import {freshDatabase, query, repoRoot, serverWaitMs} from '../../helpers/database.js';

/** The production structure at the initial migration (structure only, no data), copied from the project's reference material. */
const referenceFile = path.join(repoRoot, 'test', 'fixtures', 'initial-schema.json');

type Reference = {
	extensions: string[];
	enums: Record<string, string[]>;
	tables: Record<string, {
		columns: Array<{name: string; type: string; nullable: boolean}>;
		primaryKey: {name: string; columns: string[]};
		indexes: Array<{name: string; unique: boolean; method: string; columns: string[]}>;
		foreignKeys: Array<{name: string; columns: string[]; references: {table: string; columns: string[]}; onDelete: string}>;
	}>;
};

const migrate = async (t: import('ava').ExecutionContext) => {
	const target = await freshDatabase(t);
	const common = {target, migrationsDir: path.join(repoRoot, 'migrations'), waitMs: serverWaitMs, lockWaitMs: 5000, lockTimeout: '5s', statementTimeout: '1min'};
	await runMigrations({...common, direction: 'up', to: '28a8c0e6e895'});
	return {target, common};
};

test('the initial migration reproduces the production schema column by column', async (t) => {
	const reference = JSON.parse(readFileSync(referenceFile, 'utf8')) as Reference;
	const {target} = await migrate(t);
	const snapshot = await readSnapshot(target);
	t.deepEqual([...snapshot.extensions], reference.extensions);
	t.deepEqual(snapshot.enums, reference.enums);
	const applicationTables = Object.keys(snapshot.tables).filter((name) => name !== 'cc_dev_migrations').sort();
	t.deepEqual(applicationTables, Object.keys(reference.tables).sort());
	for (const [name, expected] of Object.entries(reference.tables)) {
		const actual = snapshot.tables[name]!;
		t.deepEqual(actual.columns.map(({name, type, nullable}) => ({name, type, nullable})), expected.columns, `columns of ${name}`);
		t.deepEqual(actual.primaryKey, expected.primaryKey, `primary key of ${name}`);
		t.deepEqual(actual.indexes.map(({name, unique, method, columns}) => ({name, unique, method, columns})), expected.indexes, `indexes of ${name}`);
		t.deepEqual(actual.foreignKeys, expected.foreignKeys, `foreign keys of ${name}`);
	}
});

test('the initial migration\'s down section removes all of it', async (t) => {
	const {target, common} = await migrate(t);
	await runMigrations({...common, direction: 'down', to: 'base', allowProduction: false, railwayEnvironment: undefined});
	const left = await query(target, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname <> 'cc_dev_migrations' and c.relname not like 'cc_dev_migrations%'");
	t.deepEqual(left, []);
	t.deepEqual(await query(target, "select 1 from pg_type where typname = 'cardstatus'"), []);
	t.deepEqual(await query(target, "select 1 from pg_extension where extname = 'uuid-ossp'"), []);
});

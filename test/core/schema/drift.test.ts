import path from 'node:path';
import test from 'ava';
import type {ConnectionTarget} from '../../../source/core/database/target.js';
import {InputError} from '../../../source/core/errors.js';
import {runMigrations} from '../../../source/core/migrations/run-migrations.js';
import {detectDrift} from '../../../source/core/schema/drift.js';
import {readSnapshot} from '../../../source/core/schema/read-snapshot.js';
import {adminQuery, freshDatabase, query, repoRoot, serverWaitMs} from '../../helpers/database.js';
import {chain, migrationsDir} from '../../helpers/migrations-dir.js';

const projectMigrations = path.join(repoRoot, 'migrations');
const settings = {waitMs: serverWaitMs, lockWaitMs: 5000, lockTimeout: '5s', statementTimeout: '1min'};
const migrate = (target: ConnectionTarget, directory = projectMigrations, to?: string) => runMigrations({target, migrationsDir: directory, ...settings, direction: 'up', ...(to ? {to} : {})});
const drift = (target: ConnectionTarget, directory = projectMigrations) => detectDrift({target, migrationsDir: directory, ...settings});

const scratchCount = async (): Promise<number> => Number((await adminQuery("select count(*) as n from pg_database where datname like 'cc_dev_scratch_%' and shobj_description(oid, 'pg_database') like $1", [`%pid ${process.pid} %`])).rows[0].n);

// Serial: no other test of this process has scratch databases while it counts them.
test.serial('a database migrated by cc-dev has no drift, and the scratch database is gone afterwards', async (t) => {
	const target = await freshDatabase(t);
	await migrate(target);
	const result = await drift(target);
	t.deepEqual(result.differences, []);
	t.deepEqual(result.revisions, ['28a8c0e6e895']);
	t.is(result.claimedBy, 'cc_dev_migrations');
	t.is(await scratchCount(), 0);
});

test('changes made by hand are reported structurally, and the live database is not changed', async (t) => {
	const target = await freshDatabase(t);
	await migrate(target);
	await query(target, [
		'ALTER TABLE users ADD COLUMN nickname text',
		'ALTER TABLE decks ALTER COLUMN color TYPE varchar(9)',
		'ALTER TABLE decks ALTER COLUMN description SET NOT NULL',
		'DROP INDEX ix_flashcards_status',
		'CREATE INDEX ix_decks_name ON decks (name)',
		"ALTER TYPE cardstatus ADD VALUE 'SUSPENDED'",
		'ALTER TABLE study_sessions DROP CONSTRAINT study_sessions_deck_id_fkey',
		'DROP TABLE retention_data',
		'CREATE TABLE scratchpad (id int)',
	].join('; '));
	const before = await readSnapshot(target);
	const result = await drift(target);
	t.deepEqual(result.differences.map((difference) => difference.message).sort(), [
		'column decks.color: type is character varying(9), expected character varying(7)',
		'column decks.description: nullability is not null, expected null',
		"enum cardstatus: extra value 'SUSPENDED'",
		'extra column users.nickname (text)',
		'extra index decks.ix_decks_name (btree (name))',
		'extra table scratchpad (1 column)',
		'missing foreign key study_sessions.study_sessions_deck_id_fkey ((deck_id) references decks(id) on delete no action)',
		'missing index flashcards.ix_flashcards_status (btree (status))',
		'missing table retention_data (12 columns)',
	]);
	t.deepEqual(await readSnapshot(target), before);
	t.deepEqual((await query(target, 'select revision from cc_dev_migrations')).map((row) => row['revision']), ['28a8c0e6e895']);
});

test('compares with the revision the database claims, not the head', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(3));
	await migrate(target, directory, '000000000002');
	const result = await drift(target, directory);
	t.deepEqual(result.revisions, ['000000000002']);
	t.deepEqual(result.differences, []);
});

test('a Flask-Migrate database is compared at its alembic revision; an empty one at base', async (t) => {
	const target = await freshDatabase(t);
	await migrate(target);
	await query(target, "DROP TABLE cc_dev_migrations; CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('28a8c0e6e895')");
	const result = await drift(target);
	t.is(result.claimedBy, 'alembic_version');
	t.deepEqual(result.differences, []);
	t.is((await query(target, "select to_regclass('cc_dev_migrations') as t"))[0]!['t'], null);

	const empty = await freshDatabase(t);
	await query(empty, 'CREATE TABLE stray (id int)');
	const atBase = await drift(empty);
	t.is(atBase.claimedBy, 'nothing (base)');
	t.deepEqual(atBase.differences.map((difference) => difference.message), ['extra table stray (1 column)']);
});

test('revisions without a file cannot be reproduced', async (t) => {
	const target = await freshDatabase(t);
	await migrate(target);
	await query(target, "INSERT INTO cc_dev_migrations (revision, message, checksum) VALUES ('abcdefabcdef', 'other branch', repeat('0', 64))");
	await t.throwsAsync(drift(target), {instanceOf: InputError, message: /abcdefabcdef applied, which no file in migrations\/ declares/});
});

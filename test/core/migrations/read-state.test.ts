import test from 'ava';
import {connect} from '../../../source/core/database/connect.js';
import {buildGraph} from '../../../source/core/migrations/graph.js';
import {loadMigrations} from '../../../source/core/migrations/load-migrations.js';
import {runMigrations} from '../../../source/core/migrations/run-migrations.js';
import {readDatabaseState} from '../../../source/core/migrations/state.js';
import {freshDatabase, query, serverWaitMs} from '../../helpers/database.js';
import {chain, migrationsDir} from '../../helpers/migrations-dir.js';

/** A state read given the tables an earlier read saw, on a pipelining client as the migration session uses. */
async function readWithSeen(target: Awaited<ReturnType<typeof freshDatabase>>, directory: string, seen: {versions: boolean; alembic: boolean}) {
	const client = await connect(target, {waitMs: serverWaitMs, pipeline: true});
	try {
		return await readDatabaseState(client, buildGraph(loadMigrations(directory)), seen);
	} finally {
		await client.end();
	}
}

test('a state read that reuses an earlier table check still follows the check: tables created or gone since are read as they are now', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(2));
	const session = {target, migrationsDir: directory, waitMs: serverWaitMs, lockWaitMs: 30_000, lockTimeout: '5s', statementTimeout: '1min'};

	const before = await readWithSeen(target, directory, {versions: true, alembic: false});
	t.deepEqual(before.applied, [], 'seen with a version table that is not there: the failed speculative read is dropped');
	t.deepEqual(before.tables, {versions: false, alembic: false});

	await runMigrations({...session, direction: 'up'});
	const after = await readWithSeen(target, directory, {versions: false, alembic: false});
	t.deepEqual(after.applied.map((row) => row.revision), ['000000000001', '000000000002'], 'seen without the version table, which another run has created since');
	t.deepEqual(after.current, ['000000000002']);

	await query(target, "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY); INSERT INTO alembic_version VALUES ('000000000001'); DROP TABLE cc_dev_migrations");
	const flaskEra = await readWithSeen(target, directory, {versions: true, alembic: false});
	t.deepEqual(flaskEra.tables, {versions: false, alembic: true});
	t.is(flaskEra.alembicRevision, '000000000001');
});

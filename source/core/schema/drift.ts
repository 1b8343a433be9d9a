import {withClient} from '../database/connect.js';
import {withScratchDatabase} from '../database/scratch-database.js';
import {describeTarget, type ConnectionTarget} from '../database/target.js';
import {EnvironmentError, InputError} from '../errors.js';
import {buildGraph} from '../migrations/graph.js';
import {loadMigrations} from '../migrations/load-migrations.js';
import type {SessionOptions} from '../migrations/migration-session.js';
import {runMigrations} from '../migrations/run-migrations.js';
import {readDatabaseState} from '../migrations/state.js';
import {bookkeepingTables} from './bookkeeping.js';
import {compareSnapshots, type SchemaDifference} from './compare-snapshots.js';
import {readSnapshot} from './read-snapshot.js';
import {pluralWord} from '../plural.js';

export {bookkeepingTables} from './bookkeeping.js';

/** The session options of the live database (`target`: read, never changed), and where the scratch database goes. */
export type DriftOptions = SessionOptions & {
	/** Where the scratch database is created (default: the live database's server). */
	readonly scratchServer?: ConnectionTarget;
	/**
	 * The catalog comparison of `migrate new --from-...` (views, functions, triggers, sequences,
	 * comments, policies...): the statements that turn `expected` into `actual`. Passed in by the
	 * caller, since that engine sits above this layer.
	 */
	readonly compareCatalogs?: (expected: ConnectionTarget, actual: ConnectionTarget) => Promise<readonly string[]>;
};

export type DriftResult = {
	readonly target: string;
	/** The revision(s) the live database claims; empty at base. */
	readonly revisions: readonly string[];
	/** Where that claim comes from. */
	readonly claimedBy: 'cc_dev_migrations' | 'alembic_version' | 'nothing (base)';
	/** Differences, expected = what the migrations produce, actual = the live database. */
	readonly differences: readonly SchemaDifference[];
	/** With compareCatalogs: the SQL that would turn the migrations' schema into the live one (empty: none). */
	readonly changes: readonly string[];
	/** Things worth knowing that are not drift (edited applied migrations...). */
	readonly notes: readonly string[];
	readonly durationMs: number;
};

/**
 * `cc-dev drift`: migrates a scratch database to the revision the live one claims, and compares
 * the two structurally. The live database is only read (in a read-only session).
 */
export async function detectDrift(options: DriftOptions): Promise<DriftResult> {
	const started = performance.now();
	const graph = buildGraph(loadMigrations(options.migrationsDir));
	const state = await withClient(options.target, {waitMs: options.waitMs, onEvent: options.onEvent, signal: options.signal, applicationName: 'cc-dev drift'}, async (client) => {
		await client.query('SET default_transaction_read_only = on');
		return readDatabaseState(client, graph);
	});
	if (state.unknown.length > 0) {
		throw new InputError(`${describeTarget(options.target)} has ${pluralWord(state.unknown.length, 'revision')} ${state.unknown.map((row) => row.revision).join(', ')} applied, which no file in migrations/ declares; cannot reproduce its schema.`, {
			hint: 'Check out the code that has those migrations, then run drift again.',
		});
	}
	const notes = state.changed.map((row) => `${graph.byRevision.get(row.revision)?.fileName ?? row.revision} was edited after it was applied: the comparison uses the file as it is now`);
	let scratchCreated = false;
	let revisions: readonly string[] = state.current;
	let claimedBy: DriftResult['claimedBy'] = 'cc_dev_migrations';
	if (state.applied.length === 0) {
		if (state.alembicRevision && graph.byRevision.has(state.alembicRevision)) {
			revisions = [state.alembicRevision];
			claimedBy = 'alembic_version';
		} else {
			if (state.alembicRevision) notes.push(`alembic_version is at ${state.alembicRevision}, which is not in migrations/: compared with base`);
			claimedBy = 'nothing (base)';
		}
	}
	const {differences, changes} = await withScratchDatabase(options.scratchServer ?? options.target, 'drift', {waitMs: options.waitMs, signal: options.signal}, async (scratch) => {
		scratchCreated = true;
		const common = {
			target: scratch.target,
			migrationsDir: options.migrationsDir,
			waitMs: options.waitMs,
			lockWaitMs: options.lockWaitMs,
			lockTimeout: options.lockTimeout,
			statementTimeout: options.statementTimeout,
			signal: options.signal,
		};
		for (const revision of revisions) await runMigrations({...common, direction: 'up', to: revision});
		const [expected, actual, changes] = await Promise.all([readSnapshot(scratch.target), readSnapshot(options.target), options.compareCatalogs?.(scratch.target, options.target) ?? []]);
		return {differences: compareSnapshots(expected, actual, {ignoreTables: bookkeepingTables}), changes};
	}).catch((error: unknown) => {
		if (!scratchCreated && error instanceof EnvironmentError && !options.scratchServer) {
			throw new EnvironmentError(error.message, {hint: `${error.hint ?? ''}\nOr create the scratch database on another server: --scratch-url postgresql://USER:PASSWORD@localhost:5432/postgres (the local database, for instance).`.trim(), cause: error.cause});
		}
		throw error;
	});
	return {target: describeTarget(options.target), revisions, claimedBy, differences, changes, notes, durationMs: performance.now() - started};
}

import {connectDuring} from '../database/connect.js';
import {describeTarget, type ConnectionTarget} from '../database/target.js';
import type {EventSink} from '../events.js';
import {buildGraph, type RevisionGraph} from './graph.js';
import {invalidIndexAdvice, readInvalidIndexes} from './invalid-indexes.js';
import {loadMigrationsInTurns} from './load-migrations.js';
import {pendingMigrations, readDatabaseState, type DatabaseState} from './state.js';
import type {AppliedHow} from './version-table.js';
import {plural} from '../plural.js';

export type StatusEntry = {
	readonly revision: string;
	readonly message: string;
	readonly fileName: string | undefined;
	readonly appliedAt?: Date;
	readonly executionMs?: number;
	readonly how?: AppliedHow;
};

export type MigrationStatus = {
	readonly target: string;
	readonly current: readonly string[];
	readonly heads: readonly string[];
	readonly applied: readonly StatusEntry[];
	readonly pending: readonly StatusEntry[];
	readonly changed: readonly StatusEntry[];
	readonly unknown: readonly StatusEntry[];
	/** Set when the database still has alembic_version: the next run adopts it at this revision. */
	readonly adoptsAlembicRevision: string | undefined;
	/** Indexes left INVALID by an interrupted CREATE INDEX CONCURRENTLY. */
	readonly invalidIndexes: readonly string[];
	/** One line per thing that needs the developer's attention; empty when all is well. */
	readonly problems: readonly string[];
};

export function summariseStatus(graph: RevisionGraph, state: DatabaseState, target: string, invalidIndexes: readonly string[] = []): MigrationStatus {
	const entry = (revision: string): StatusEntry => {
		const migration = graph.byRevision.get(revision);
		return {revision, message: migration?.message ?? '', fileName: migration?.fileName};
	};
	const pending = pendingMigrations(graph, state).map((migration) => entry(migration.revision));
	const problems: string[] = [];
	if (graph.heads.length > 1) problems.push(`${graph.heads.length} heads (${graph.heads.join(', ')}): create a merge revision with cc-dev migrate new --merge`);
	for (const row of state.changed) problems.push(`${entry(row.revision).fileName} was edited after it was applied`);
	for (const row of state.unknown) problems.push(`revision ${row.revision} is applied but has no file in migrations/`);
	if (state.alembicRevision && !graph.byRevision.has(state.alembicRevision)) problems.push(`alembic_version is at ${state.alembicRevision}, which is not in migrations/`);
	if (invalidIndexes.length > 0) problems.push(invalidIndexAdvice(invalidIndexes));
	if (pending.length > 0) problems.push(`${plural(pending.length, 'pending migration')}: run cc-dev migrate up`);
	return {
		target,
		current: state.current,
		heads: graph.heads,
		applied: state.applied.map((row) => ({...entry(row.revision), message: row.message, appliedAt: row.appliedAt, executionMs: row.executionMs, how: row.how})),
		pending,
		changed: state.changed.map((row) => entry(row.revision)),
		unknown: state.unknown.map((row) => ({revision: row.revision, message: row.message, fileName: undefined, appliedAt: row.appliedAt})),
		adoptsAlembicRevision: state.alembicRevision,
		invalidIndexes,
		problems,
	};
}

/** `migrate status`: read-only, no lock, no version table created. */
export async function readMigrationStatus(options: {target: ConnectionTarget; migrationsDir: string; waitMs: number; onEvent?: EventSink; signal?: AbortSignal}): Promise<MigrationStatus> {
	const {client, value: graph} = await connectDuring(options.target, {waitMs: options.waitMs, onEvent: options.onEvent, signal: options.signal, pipeline: true}, async () => buildGraph(await loadMigrationsInTurns(options.migrationsDir)));
	try {
		// The client pipelines: the index query goes out with the first version-table query.
		const [state, invalidIndexes] = await Promise.all([readDatabaseState(client, graph), readInvalidIndexes(client)]);
		return summariseStatus(graph, state, describeTarget(options.target), invalidIndexes);
	} finally {
		await client.end().catch(() => {});
	}
}

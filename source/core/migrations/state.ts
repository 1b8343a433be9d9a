import type {PgClient} from '../database/connect.js';
import {InputError} from '../errors.js';
import {ancestorsOf, type RevisionGraph} from './graph.js';
import type {Migration} from './migration.js';
import {probeVersionTables, readAlembicRevision, readAppliedRows, type AppliedRevision, type VersionTables} from './version-table.js';
import {pluralWord} from '../plural.js';

/** What the database says about its migrations, compared with the files. */
export type DatabaseState = {
	readonly applied: readonly AppliedRevision[];
	readonly appliedSet: ReadonlySet<string>;
	/** Applied revisions that no applied revision revises: the database's current revision(s). */
	readonly current: readonly string[];
	/** Applied revisions with no file in migrations/. */
	readonly unknown: readonly AppliedRevision[];
	/** Applied revisions whose up section changed since. */
	readonly changed: readonly AppliedRevision[];
	/** alembic_version's revision when the database is still managed by Flask-Migrate and not yet adopted. */
	readonly alembicRevision: string | undefined;
	/** The version tables the state was read from. */
	readonly tables: VersionTables;
};

/**
 * Reads the state: which version tables exist, then their rows. Given the tables an earlier read
 * found (`seen`), the rows are asked for together with the check, without waiting for it: on a
 * pipelining client, one round trip instead of two. The check still decides; when the tables
 * changed since (another run created the version table meanwhile), the state is read again.
 */
export async function readDatabaseState(client: PgClient, graph: RevisionGraph, seen?: VersionTables): Promise<DatabaseState> {
	// Issued in this order before any await, so that a pipelining client sends them together.
	const probing = probeVersionTables(client);
	const reading = seen ? readRows(client, seen) : undefined;
	reading?.catch(() => {});
	const tables = await probing;
	if (reading && tables.versions === seen!.versions && tables.alembic === seen!.alembic) return stateOf(graph, tables, await reading);
	return stateOf(graph, tables, await readRows(client, tables));
}

/** alembic_version matters only while cc-dev has recorded nothing (adoption); it is read only then. */
async function readRows(client: PgClient, tables: VersionTables): Promise<{applied: AppliedRevision[]; alembicRevision: string | undefined}> {
	const applied = tables.versions ? await readAppliedRows(client) : [];
	return {applied, alembicRevision: applied.length === 0 && tables.alembic ? await readAlembicRevision(client) : undefined};
}

function stateOf(graph: RevisionGraph, tables: VersionTables, rows: {applied: AppliedRevision[]; alembicRevision: string | undefined}): DatabaseState {
	const {applied} = rows;
	const appliedSet = new Set(applied.map((row) => row.revision));
	const alembicRevision = applied.length === 0 ? rows.alembicRevision : undefined;
	const parentsOfApplied = new Set(applied.flatMap((row) => graph.byRevision.get(row.revision)?.parents ?? []));
	return {
		applied,
		appliedSet,
		current: graph.ordered.filter((migration) => appliedSet.has(migration.revision) && !parentsOfApplied.has(migration.revision)).map((migration) => migration.revision),
		unknown: applied.filter((row) => !graph.byRevision.has(row.revision)),
		changed: applied.filter((row) => {
			const file = graph.byRevision.get(row.revision);
			return file !== undefined && row.how !== 'stamped' && file.checksum !== row.checksum.trim();
		}),
		alembicRevision,
		tables,
	};
}

/**
 * The revisions that count as applied: the version table's, and on a Flask-Migrate database not
 * yet adopted, alembic_version's revision with its ancestors (the next run records them without
 * running them). An alembic revision with no file counts for nothing: a run refuses it
 * (requireConsistentState) and status names it.
 */
export function appliedRevisions(graph: RevisionGraph, state: DatabaseState): ReadonlySet<string> {
	const applied = new Set(state.appliedSet);
	if (state.alembicRevision !== undefined && graph.byRevision.has(state.alembicRevision)) {
		for (const revision of ancestorsOf(graph, state.alembicRevision)) applied.add(revision);
	}
	return applied;
}

/**
 * What is pending: the migrations not applied (see appliedRevisions), parents first. The one
 * definition `migrate status`, preview, deploy, the validation suite, the app's header and
 * `lint --pending` share.
 */
export function pendingMigrations(graph: RevisionGraph, state: DatabaseState): Migration[] {
	const applied = appliedRevisions(graph, state);
	return graph.ordered.filter((migration) => !applied.has(migration.revision));
}

/** Stops a run on a database whose history does not match the files (or that it cannot adopt). */
export function requireConsistentState(state: DatabaseState, graph: RevisionGraph): void {
	if (state.alembicRevision !== undefined) adoptionSet(graph, state.alembicRevision);
	if (state.changed.length > 0) {
		const files = state.changed.map((row) => graph.byRevision.get(row.revision)!.fileName);
		throw new InputError(`Applied ${pluralWord(files.length, 'migration')} changed since applied: ${files.join(', ')}.`, {
			hint: 'An applied migration must not be edited: restore the file (git checkout) and put the change in a new migration. If the edit only touched comments or formatting, `cc-dev migrate stamp` re-records it.',
		});
	}
	if (state.unknown.length > 0) {
		throw new InputError(`The database has ${pluralWord(state.unknown.length, 'revision')} ${state.unknown.map((row) => row.revision).join(', ')} applied, which no file in migrations/ declares.`, {
			hint: 'The database was migrated from another branch or a newer release: check out that code, or revert it there first.',
		});
	}
}

/** The revisions to record when adopting a Flask-Migrate database at `revision`. */
export function adoptionSet(graph: RevisionGraph, revision: string): Set<string> {
	if (!graph.byRevision.has(revision)) {
		throw new InputError(`The database is managed by Flask-Migrate at revision ${revision} (alembic_version), which is not in migrations/.`, {
			hint: 'cc-dev adopts a Flask-Migrate database only at a revision it has a file for; bring that migration into migrations/ first.',
		});
	}
	return ancestorsOf(graph, revision);
}

import {ancestorsOf, resolveRevision} from './graph.js';
import {withMigrationSession, type SessionOptions} from './migration-session.js';
import {deleteRevisionSql, insertRevisionSql} from './version-table.js';

export type StampResult = {readonly added: readonly string[]; readonly removed: readonly string[]; readonly current: readonly string[]};

/**
 * `migrate stamp REV`: records REV and its ancestors as applied, and forgets every other
 * revision, without running any SQL. For databases changed by hand or restored from a dump.
 * Stamping also re-records the checksum of an applied migration whose file was reformatted.
 */
export async function stampRevision(options: SessionOptions & {readonly revision: string}): Promise<StampResult> {
	return withMigrationSession({...options, adopt: false}, async (session) => {
		const target = resolveRevision(session.graph, options.revision);
		const wanted = target === undefined ? new Set<string>() : ancestorsOf(session.graph, target);
		const have = new Map(session.state.applied.map((row) => [row.revision, row]));
		const added = session.graph.ordered.filter((migration) => wanted.has(migration.revision) && have.get(migration.revision)?.checksum.trim() !== migration.checksum);
		const removed = [...have.keys()].filter((revision) => !wanted.has(revision));
		const statements = [
			...removed.map((revision) => deleteRevisionSql(revision)),
			...added.map((migration) => deleteRevisionSql(migration.revision)),
			...added.map((migration) => insertRevisionSql(migration.revision, migration.message, migration.checksum, 'stamped', false)),
		];
		if (statements.length > 0) await session.prepareVersionTable();
		if (statements.length > 0) await session.client.query(`BEGIN; ${statements.join('; ')}; COMMIT`);
		const state = await session.refresh();
		return {added: added.map((migration) => migration.revision).filter((revision) => !have.has(revision)), removed, current: state.current};
	});
}

import {requireNonProductionTarget, type ProductionGuard} from '../guards/production.js';
import {ancestorsOf, resolveRevision} from './graph.js';
import {withMigrationSession, type SessionOptions} from './migration-session.js';
import {forgetRevisionsQuery, recordRevisionsQuery} from './version-table.js';

export type StampResult = {readonly added: readonly string[]; readonly removed: readonly string[]; readonly current: readonly string[]};

/**
 * `migrate stamp REV`: records REV and its ancestors as applied, and forgets every other
 * revision, without running any SQL. For databases changed by hand or restored from a dump.
 * Stamping also re-records the checksum of an applied migration whose file was reformatted.
 */
export async function stampRevision(options: SessionOptions & ProductionGuard & {readonly revision: string}): Promise<StampResult> {
	requireNonProductionTarget(options.target, options, 'migrate stamp');
	return withMigrationSession({...options, adopt: false}, async (session) => {
		const target = resolveRevision(session.graph, options.revision);
		const wanted = target === undefined ? new Set<string>() : ancestorsOf(session.graph, target);
		const have = new Map(session.state.applied.map((row) => [row.revision, row]));
		const added = session.graph.ordered.filter((migration) => wanted.has(migration.revision) && have.get(migration.revision)?.checksum.trim() !== migration.checksum);
		const removed = [...have.keys()].filter((revision) => !wanted.has(revision));
		if (removed.length > 0 || added.length > 0) {
			await session.prepareVersionTable();
			const forget = forgetRevisionsQuery([...removed, ...added.map((migration) => migration.revision)]);
			const record = recordRevisionsQuery(added, 'stamped');
			await session.client.query('BEGIN');
			try {
				await session.client.query(forget.text, [...forget.values]);
				await session.client.query(record.text, [...record.values]);
				await session.client.query('COMMIT');
			} catch (error) {
				await session.client.query('ROLLBACK').catch(() => {});
				throw error;
			}
		}
		const state = await session.refresh();
		return {added: added.map((migration) => migration.revision).filter((revision) => !have.has(revision)), removed, current: state.current};
	});
}

import {withClient} from '../database/connect.js';
import {describeTarget, type ConnectionTarget} from '../database/target.js';
import {InputError} from '../errors.js';
import type {RevisionGraph} from '../migrations/graph.js';
import {readDatabaseState} from '../migrations/state.js';

/**
 * The revision the development database records (read-only). It must be the head: the generated
 * migration revises the head, so a database behind it, ahead of it or on another branch is refused
 * with the fix (exit 2).
 */
export async function devRevision(target: ConnectionTarget, graph: RevisionGraph, head: string | undefined, waitMs: number): Promise<string | undefined> {
	const state = await withClient(target, {waitMs, applicationName: 'cc-dev generate'}, async (client) => {
		await client.query('SET default_transaction_read_only = on');
		return readDatabaseState(client, graph);
	});
	const where = describeTarget(target);
	if (state.unknown.length > 0) {
		throw new InputError(`The development database ${where} is at revision ${state.unknown.map((row) => row.revision).join(', ')}, which no file in migrations/ declares.`, {
			hint: 'It was migrated from another branch: check out that branch, or revert it there (cc-dev migrate down) before switching; then run again.',
		});
	}
	let current: string | undefined = state.current[0];
	if (state.applied.length === 0 && state.alembicRevision) {
		if (!graph.byRevision.has(state.alembicRevision)) {
			throw new InputError(`The development database ${where} is at Flask-Migrate revision ${state.alembicRevision}, which is not in migrations/.`, {
				hint: 'Bring that migration into migrations/, or recreate the database (cc-dev db destroy, db start, migrate up) and redo the change.',
			});
		}
		current = state.alembicRevision;
	}
	if (state.current.length > 1) {
		throw new InputError(`The development database ${where} is at several revisions (${state.current.join(', ')}).`, {hint: 'Merge the heads first: cc-dev migrate new "merge heads" --merge, then cc-dev migrate up.'});
	}
	if (current !== head) {
		throw new InputError(`The development database ${where} is at ${current ?? 'base (no migration applied)'}, not at the head ${head ?? 'base'}.`, {
			hint: 'The generated migration revises the head: apply the pending migrations first (cc-dev migrate up), then run again.',
		});
	}
	return current;
}

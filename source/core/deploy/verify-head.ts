import {FailureError} from '../errors.js';
import type {RevisionGraph} from '../migrations/graph.js';
import {requireSingleHead} from '../migrations/graph.js';
import {planUp} from '../migrations/plan.js';
import {requireConsistentState, type DatabaseState} from '../migrations/state.js';

export type HeadVerification = {
	/** The head revision of migrations/ (undefined when there are no migrations). */
	readonly head: string | undefined;
	/** How many applied revisions had their checksum compared with their file (stamped ones are not). */
	readonly checksums: number;
};

/**
 * The deploy's last word: the database is exactly at the single head of migrations/, nothing is
 * pending, no applied revision is unknown, and every applied checksum matches its file.
 */
export function verifyAtHead(graph: RevisionGraph, state: DatabaseState): HeadVerification {
	requireConsistentState(state, graph);
	const head = requireSingleHead(graph);
	const pending = planUp(graph, state.appliedSet);
	const atHead = head === undefined ? state.current.length === 0 : state.current.length === 1 && state.current[0] === head;
	if (pending.length > 0 || !atHead) {
		throw new FailureError(`The database is not at head after the deploy: it is at ${state.current.join(', ') || 'base'}, the head is ${head ?? 'base'}${pending.length > 0 ? `, ${pending.length} still pending` : ''}.`, {
			hint: 'Another process changed the version table during the deploy; run `cc-dev migrate status` against this database to see its state.',
		});
	}
	const checksums = state.applied.filter((row) => row.how !== 'stamped' && graph.byRevision.has(row.revision)).length;
	return {head, checksums};
}

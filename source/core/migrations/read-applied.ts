import {withClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import type {EventSink} from '../events.js';
import type {RevisionGraph} from './graph.js';
import {appliedRevisions, readDatabaseState} from './state.js';

/** The revisions that count as applied on a database (see appliedRevisions), over a connection of its own. */
export async function readAppliedRevisions(target: ConnectionTarget, graph: RevisionGraph, options: {readonly waitMs: number; readonly onEvent?: EventSink}): Promise<ReadonlySet<string>> {
	return withClient(target, {waitMs: options.waitMs, onEvent: options.onEvent}, async (client) => appliedRevisions(graph, await readDatabaseState(client, graph)));
}

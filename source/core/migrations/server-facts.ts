import {buildGraph} from './graph.js';
import {loadMigrations} from './load-migrations.js';
import {pendingMigrations, readDatabaseState} from './state.js';
import {withClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';

export type ServerFacts = {
	readonly serverVersion: string;
	readonly databaseSize: string;
	/** The database's current revision(s); empty at base. */
	readonly current: readonly string[];
	readonly pending: number;
};

/** What `db status` adds to the provider's view: version, size and the migration state. */
export async function readServerFacts(target: ConnectionTarget, migrationsDir: string): Promise<ServerFacts> {
	return withClient(target, {waitMs: 0}, async (client) => {
		const facts = await client.query<{version: string; size: string}>('select current_setting(\'server_version\') as version, pg_size_pretty(pg_database_size(current_database())) as size');
		let current: readonly string[] = [];
		let pending = 0;
		try {
			const graph = buildGraph(loadMigrations(migrationsDir));
			const state = await readDatabaseState(client, graph);
			current = state.current;
			pending = pendingMigrations(graph, state).length;
		} catch {
			// Unreadable migrations do not hide the server's own facts; `migrate status` explains them.
		}
		return {serverVersion: facts.rows[0]?.version ?? '', databaseSize: facts.rows[0]?.size ?? '', current, pending};
	});
}

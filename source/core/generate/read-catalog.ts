import {connect, type PgClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import type {EventSink} from '../events.js';
import {bookkeepingTables} from '../schema/bookkeeping.js';
import {readComments, type SchemaComment} from './comments.js';
import {inspectCatalog, type InspectedCatalog} from './schema-engine.js';

/** A database's schema as the comparison sees it: the engine's catalog plus the comments it does not read. */
export type Catalog = {
	readonly engine: InspectedCatalog;
	readonly comments: readonly SchemaComment[];
};

export type ReadCatalogOptions = {
	readonly waitMs: number;
	readonly onEvent?: EventSink;
	readonly signal?: AbortSignal;
};

/** Runs queries on one client one after the other (pg no longer queues them itself). */
function serialRunner(client: PgClient): (sql: string) => Promise<Record<string, unknown>[]> {
	let last: Promise<unknown> = Promise.resolve();
	return (sql) => {
		const rows = last.then(async () => (await client.query(sql)).rows as Record<string, unknown>[]);
		last = rows.catch(() => {});
		return rows;
	};
}

/** Connections per catalog read: the inspector's queries run side by side on them. */
const parallelConnections = 3;

const bookkeeping = new Set<string>(bookkeepingTables.map((table) => `"public"."${table}"`));

/** Removes cc-dev's and Alembic's bookkeeping tables (and their keys) from what is compared. */
function withoutBookkeeping(catalog: InspectedCatalog): InspectedCatalog {
	for (const kind of ['tables', 'relations', 'selectables']) {
		const objects = catalog[kind] as Record<string, unknown> | undefined;
		for (const key of bookkeeping) delete objects?.[key];
	}
	for (const kind of ['indexes', 'constraints']) {
		const objects = catalog[kind] as Record<string, {schema: string; table_name: string}>;
		for (const [key, value] of Object.entries(objects)) {
			if (bookkeeping.has(`"${value.schema}"."${value.table_name}"`)) delete objects[key];
		}
	}
	return catalog;
}

/**
 * Reads the schema of `target` without changing anything: a read-only session whose
 * search_path is empty, so every expression the server prints (defaults, foreign keys, views)
 * comes out schema-qualified and works in a migration whatever the search_path.
 */
export async function readCatalog(target: ConnectionTarget, options: ReadCatalogOptions): Promise<Catalog> {
	const clients: PgClient[] = [];
	try {
		const first = await connect(target, {waitMs: options.waitMs, onEvent: options.onEvent, signal: options.signal, applicationName: 'cc-dev inspect'});
		clients.push(first);
		const others = await Promise.all(Array.from({length: parallelConnections - 1}, () => connect(target, {waitMs: options.waitMs, applicationName: 'cc-dev inspect'})));
		clients.push(...others);
		await Promise.all(clients.map((client) => client.query(`SET search_path = ''; SET default_transaction_read_only = on; SET client_min_messages = warning`)));
		const version = (await first.query<{server_version: string}>('show server_version')).rows[0]?.server_version ?? '15';
		const runners = clients.map(serialRunner);
		const [engine, comments] = await Promise.all([inspectCatalog(runners, version), readComments(runners[runners.length - 1]!)]);
		return {engine: withoutBookkeeping(engine), comments: comments.filter((comment) => !bookkeepingTables.some((table) => comment.identity.startsWith(`public.${table}`)))};
	} finally {
		await Promise.all(clients.map((client) => client.end().catch(() => {})));
	}
}

/**
 * The diff engine, @pgkit/migra over @pgkit/schemainspect (see docs/decisions.md), loaded only
 * when a comparison runs: it costs ~150 ms of start-up that no other command should pay. The
 * engine's types stay in this file; the rest of cc-dev sees `InspectedCatalog` and strings.
 */

/** One database's catalog as the engine read it (a schemainspect PostgreSQL instance). */
export type InspectedCatalog = {
	readonly tables: Record<string, InspectedTable>;
	readonly enums: Record<string, InspectedEnum>;
	readonly constraints: Record<string, {readonly name: string; readonly schema: string; readonly table_name: string; readonly definition: string}>;
	readonly indexes: Record<string, {readonly name: string; readonly schema: string; readonly table_name: string; readonly definition: string}>;
	readonly [kind: string]: unknown;
};

export type InspectedColumn = {
	readonly name: string;
	readonly dbtypestr: string;
	readonly not_null: boolean;
	readonly default: string | null;
	readonly is_identity?: boolean;
	readonly is_generated?: boolean;
};

export type InspectedTable = {
	readonly name: string;
	readonly schema: string;
	readonly relationtype: string;
	readonly columns: Record<string, InspectedColumn>;
};

export type InspectedEnum = {readonly name: string; readonly schema: string; readonly elements: readonly string[]};

/** The rows of one catalog query: what schemainspect asks of its connection. */
export type QueryRunner = (sql: string) => Promise<Record<string, unknown>[]>;

type SchemaInspectModule = {
	PostgreSQL: new (connection: unknown, serverVersion: string, options?: object) => InspectedCatalog & {load_all_async(): Promise<void>};
};
type MigraModule = {
	Migration: {
		create(from: unknown, to: unknown, options: object): Promise<{set_safety(on: boolean): void; add_all_changes(privileges?: boolean): void; statements: Iterable<string>}>;
	};
};

let engine: Promise<{inspect: SchemaInspectModule; migra: MigraModule}> | undefined;

async function loadEngine(): Promise<{inspect: SchemaInspectModule; migra: MigraModule}> {
	engine ??= (async () => {
		// The package's index also loads its CLI (trpc, zod 3); the Migration class alone does not.
		const [inspect, migra] = await Promise.all([import('@pgkit/schemainspect'), import('@pgkit/migra/dist/migra.js')]);
		return {inspect: (inspect.default ?? inspect) as unknown as SchemaInspectModule, migra: (migra.default ?? migra) as unknown as MigraModule};
	})();
	return engine;
}

/** Starts loading the engine's modules in the background (a run calls it before building its scratch databases). */
export function preloadEngine(): void {
	loadEngine().catch(() => {});
}

/**
 * Reads a catalog through `runners` (one per connection): every query of the inspector is sent
 * at once, spread over the connections, instead of the inspector's one-after-another.
 */
export async function inspectCatalog(runners: readonly QueryRunner[], serverVersion: string): Promise<InspectedCatalog> {
	const {inspect} = await loadEngine();
	const results = new Map<string, Promise<Record<string, unknown>[]>>();
	const first = runners[0];
	if (!first) throw new Error('inspectCatalog needs a connection');
	const connection = {
		any: (query: {sql: string}) => results.get(query.sql) ?? first(query.sql),
		oneFirst: async (query: {sql: string}) => Object.values((await first(query.sql))[0] ?? {})[0],
	};
	const catalog = new inspect.PostgreSQL(connection, serverVersion, {});
	const queries = Object.entries(catalog).filter(([key, value]) => key.endsWith('_QUERY') && typeof value === 'string').map(([, value]) => value as string);
	queries.forEach((sql, index) => {
		const run = runners[index % runners.length]!;
		const rows = run(sql);
		rows.catch(() => {});
		results.set(sql, rows);
	});
	await catalog.load_all_async();
	return catalog;
}

/** The engine's statements that turn `from` into `to` (drops included: cc-dev decides about them). */
export async function engineStatements(from: InspectedCatalog, to: InspectedCatalog): Promise<string[]> {
	const {migra} = await loadEngine();
	const migration = await migra.Migration.create(from, to, {});
	migration.set_safety(false);
	migration.add_all_changes();
	return [...migration.statements].map((statement) => statement.trim()).filter((statement) => statement !== '');
}

import {connect, type PgClient} from '../database/connect.js';
import {describeTarget, type ConnectionTarget} from '../database/target.js';
import {CancelledError, UsageError} from '../errors.js';
import type {EventSink} from '../events.js';
import {productionReason, requireNonProductionTarget, type ProductionGuard} from '../guards/production.js';
import {ancestorsOf, buildGraph, resolveRevision} from '../migrations/graph.js';
import {loadMigrations} from '../migrations/load-migrations.js';
import {acquireMigrationLock, releaseMigrationLock} from '../migrations/lock.js';
import {cancelBackend} from '../migrations/migration-session.js';
import {isPostgresError, toMigrationSqlError} from '../migrations/sql-error.js';
import {createVersionTableSql, qualifiedVersionTable, recordRevisionsQuery} from '../migrations/version-table.js';
import {readDumpFile, type DumpScript} from './dump-file.js';
import {plural} from '../plural.js';

export type RestoreOptions = {
	readonly target: ConnectionTarget;
	readonly file: string;
	readonly migrationsDir: string;
	readonly waitMs: number;
	readonly lockWaitMs: number;
	/** The revision the dump holds (a revision, head or base); default: the one in the dump's cc-dev header. */
	readonly revision?: string;
	/** Drop the public schema and everything in it first (in the same transaction). */
	readonly clean?: boolean;
	/** Whether a production target is allowed (required: see ProductionGuard). */
	readonly allowProduction: ProductionGuard['allowProduction'];
	readonly railwayEnvironment: ProductionGuard['railwayEnvironment'];
	/** Accept DO blocks in the dump (refused by default: they run arbitrary code). */
	readonly allowDo?: boolean;
	readonly onEvent?: EventSink;
	readonly signal?: AbortSignal;
};

/** What a restore will do, for the confirmation question. */
export type RestorePlan = {
	readonly target: string;
	readonly file: string;
	readonly statementCount: number;
	/** The revision to record (undefined: base, nothing recorded) and its ancestors, oldest first. */
	readonly revision: string | undefined;
	readonly revisions: readonly string[];
	readonly revisionSource: 'flag' | 'dump header';
	/** Tables the database has now (schema.table). */
	readonly existingTables: readonly string[];
	readonly clean: boolean;
	/** With clean: the tables of public that its drop removes. */
	readonly publicTables: number;
	/** With clean: what DROP SCHEMA public CASCADE also drops in other schemas (views, foreign keys, ...), from pg_depend. */
	readonly cascadesOutside: readonly string[];
	/** Why the target looks like production, when it does. */
	readonly production: string | undefined;
};

export type RestoreResult = RestorePlan & {readonly durationMs: number};

async function userTables(client: PgClient): Promise<string[]> {
	const result = await client.query<{name: string}>(
		`select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		 where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
		 and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
		 order by 1`,
	);
	return result.rows.map((row) => row.name);
}

/**
 * The objects outside public that `DROP SCHEMA public CASCADE` would drop: everything that depends
 * (normally or automatically) on public or on what is in it, following internal dependencies to
 * their owner (a view's rewrite rule to the view).
 */
async function cascadesOutsidePublic(client: PgClient): Promise<string[]> {
	const result = await client.query<{object: string}>(
		`with recursive dropped(classid, objid, objsubid) as (
			select 'pg_namespace'::regclass::oid, 'public'::regnamespace::oid, 0
			union
			select case when forward then d.classid else d.refclassid end, case when forward then d.objid else d.refobjid end, case when forward then d.objsubid else 0 end
			 from dropped join pg_depend d on (d.refclassid = dropped.classid and d.refobjid = dropped.objid and d.deptype in ('n', 'a', 'i', 'e'))
			   or (d.classid = dropped.classid and d.objid = dropped.objid and d.deptype = 'i'),
			 lateral (select d.refclassid = dropped.classid and d.refobjid = dropped.objid as forward) as direction
		)
		select distinct pg_describe_object(classid, objid, objsubid) as object from dropped, pg_identify_object(classid, objid, objsubid) as identity
		 where identity.schema is not null and identity.schema <> 'public' and identity.schema not like 'pg\\_%' and identity.schema <> 'information_schema'
		   and not (classid = 'pg_type'::regclass and exists (select 1 from pg_type t left join pg_class c on c.oid = t.typrelid where t.oid = objid and ((t.typrelid <> 0 and c.relkind <> 'c') or t.typcategory = 'A')))
		 order by 1`,
	);
	return result.rows.map((row) => row.object);
}

function resolveRecorded(options: RestoreOptions, script: DumpScript): {revision: string | undefined; revisions: string[]; source: RestorePlan['revisionSource']} {
	const wanted = options.revision ?? script.revision;
	if (wanted === undefined) {
		throw new UsageError(`${script.fileName} does not say which revision it holds (no "-- cc-dev revision:" line).`, {
			hint: 'Pass --revision REV (the revision the dump was taken at; head for the current migrations, base to record none) so that migrate status is right afterwards.',
		});
	}
	const graph = buildGraph(loadMigrations(options.migrationsDir));
	const revision = resolveRevision(graph, wanted);
	const ancestors = revision === undefined ? new Set<string>() : ancestorsOf(graph, revision);
	return {
		revision,
		revisions: graph.ordered.filter((migration) => ancestors.has(migration.revision)).map((migration) => migration.revision),
		source: options.revision === undefined ? 'dump header' : 'flag',
	};
}

/** Refuses a production-looking target without --production; needs no connection. */
function refuseProduction(options: RestoreOptions): string | undefined {
	requireNonProductionTarget(options.target, options, 'restore');
	return productionReason(options.target, options.railwayEnvironment);
}

function refusals(plan: RestorePlan): void {
	if (plan.existingTables.length > 0 && !plan.clean) {
		const shown = plan.existingTables.slice(0, 5).join(', ');
		throw new UsageError(`${plan.target} already has ${plural(plan.existingTables.length, 'table')} (${shown}${plan.existingTables.length > 5 ? ', ...' : ''}); refusing to restore over them.`, {
			hint: 'Restore into an empty database, or pass --clean to drop the public schema and everything in it first (in the same transaction).',
		});
	}
}

/** What the restore will do on this database; refuses production and non-empty targets without their flags. */
async function guardedPlan(client: PgClient, script: DumpScript, recorded: ReturnType<typeof resolveRecorded>, options: RestoreOptions): Promise<RestorePlan> {
	const existingTables = await userTables(client);
	const plan: RestorePlan = {
		target: describeTarget(options.target),
		file: options.file,
		statementCount: script.statements.length,
		revision: recorded.revision,
		revisions: recorded.revisions,
		revisionSource: recorded.source,
		existingTables,
		clean: options.clean === true,
		publicTables: existingTables.filter((table) => table.startsWith('public.')).length,
		cascadesOutside: options.clean === true ? await cascadesOutsidePublic(client) : [],
		production: refuseProduction(options),
	};
	refusals(plan);
	return plan;
}

/** Reads and checks the dump, looks at the target, and says what a restore would do; changes nothing. */
export async function planRestore(options: RestoreOptions): Promise<RestorePlan> {
	refuseProduction(options);
	const script = await readDumpFile(options.file, {allowDo: options.allowDo === true});
	const recorded = resolveRecorded(options, script);
	const client = await connect(options.target, {waitMs: options.waitMs, onEvent: options.onEvent, signal: options.signal, applicationName: 'cc-dev restore'});
	try {
		return await guardedPlan(client, script, recorded, options);
	} finally {
		await client.end().catch(() => {});
	}
}

/** Runs a dump's statements in order on a client that is inside a transaction; a failure names file:line:column. */
export async function executeDumpScript(client: PgClient, script: DumpScript, signal?: AbortSignal): Promise<void> {
	const section = {sql: script.text, offset: 0, line: 1, column: 1};
	for (const statement of script.statements) {
		if (signal?.aborted) throw new CancelledError('Cancelled during the restore: rolled back, the database is unchanged.');
		try {
			await client.query(statement.sql);
		} catch (error) {
			if (!isPostgresError(error)) throw error;
			if (signal?.aborted) throw new CancelledError('Cancelled during the restore: the running statement was stopped and everything rolled back; the database is unchanged.', {cause: error});
			throw toMigrationSqlError(error, script.fileName, script.text, section, statement, 'The restore was rolled back: the database is exactly as it was before.');
		}
	}
}

const cleanSql = [
	'DROP SCHEMA IF EXISTS public CASCADE',
	'CREATE SCHEMA public',
	"COMMENT ON SCHEMA public IS 'standard public schema'",
	'GRANT USAGE ON SCHEMA public TO PUBLIC',
];

/**
 * `cc-dev restore FILE`: the emergency recovery. Under the migration lock and in one transaction:
 * optionally drop the public schema, run the dump, record the restored revision (and its
 * ancestors) as `restored`. A failure rolls everything back. The guards of `planRestore` apply.
 */
export async function restoreDump(options: RestoreOptions): Promise<RestoreResult> {
	const started = performance.now();
	refuseProduction(options);
	const script = await readDumpFile(options.file, {allowDo: options.allowDo === true});
	const recorded = resolveRecorded(options, script);
	const graph = buildGraph(loadMigrations(options.migrationsDir));
	const client = await connect(options.target, {waitMs: options.waitMs, onEvent: options.onEvent, signal: options.signal, applicationName: 'cc-dev restore'});
	// Ctrl-C or SIGTERM stops the statement running on the server (as migrate does), so the rollback and the lock's release follow at once.
	const cancel = (): void => {
		void cancelBackend(options.target, (client as unknown as {processID?: number}).processID);
	};
	options.signal?.addEventListener('abort', cancel, {once: true});
	let locked = false;
	try {
		// If this process dies (a second Ctrl-C, SIGKILL), the server ends the backend within a second instead of finishing the statement with the lock held.
		await client.query(`SET client_connection_check_interval = '1s'`).catch(() => {});
		await acquireMigrationLock(client, {waitMs: options.lockWaitMs, onEvent: options.onEvent, signal: options.signal});
		locked = true;
		const plan = await guardedPlan(client, script, recorded, options);
		await client.query('BEGIN');
		try {
			if (plan.clean) for (const statement of cleanSql) await client.query(statement);
			await executeDumpScript(client, script, options.signal);
			// The version table is replaced, not reused: one the dump defined could carry a default,
			// check, policy or column type that runs the dump's code when the revision is recorded.
			// search_path = pg_catalog: now(), unnest() and the types are PostgreSQL's own, whatever the session had.
			await client.query('SET LOCAL search_path = pg_catalog');
			await client.query(`DROP TABLE IF EXISTS ${qualifiedVersionTable}`);
			await client.query(createVersionTableSql);
			const restored = recordRevisionsQuery(plan.revisions.map((revision) => graph.byRevision.get(revision)!), 'restored');
			await client.query(restored.text, [...restored.values]);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		}
		return {...plan, durationMs: performance.now() - started};
	} finally {
		options.signal?.removeEventListener('abort', cancel);
		if (locked) await releaseMigrationLock(client).catch(() => {});
		await client.end().catch(() => {});
	}
}


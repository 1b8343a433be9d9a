import type {Config} from '../config/load-config.js';
import {connect, connectDuring, type PgClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import {CancelledError} from '../errors.js';
import type {EventSink} from '../events.js';
import {buildGraph, type RevisionGraph} from './graph.js';
import {loadMigrationsInTurns} from './load-migrations.js';
import {acquireMigrationLock, releaseMigrationLock, tryMigrationLock} from './lock.js';
import {adoptionSet, readDatabaseState, type DatabaseState} from './state.js';
import {createVersionTableSql, probeVersionTables, recordRevisionsQuery} from './version-table.js';

export type SessionOptions = {
	readonly target: ConnectionTarget;
	readonly migrationsDir: string;
	readonly waitMs: number;
	readonly lockWaitMs: number;
	readonly lockTimeout: string;
	readonly statementTimeout: string;
	readonly onEvent?: EventSink;
	readonly signal?: AbortSignal;
	/** Adopt a Flask-Migrate database (alembic_version at a known revision). Default true. */
	readonly adopt?: boolean;
	/** The project's state folder (.cc-dev): its cache of the migrations' parse analysis. None: no cache. */
	readonly stateDir?: string;
	/**
	 * Work done after connecting and before taking the migration lock, on the state as read without
	 * it (the migrations' analysis, so that a slow one does not hold the lock). Its failures are left
	 * for the same work under the lock to report.
	 */
	readonly beforeLock?: (view: {readonly graph: RevisionGraph; readonly state: DatabaseState}) => Promise<void>;
};

/** The session options a configuration gives, plus the caller's progress sink and cancellation. */
export function sessionOptionsOf(config: Config, extra: {onEvent?: EventSink; signal?: AbortSignal} = {}): SessionOptions {
	return {
		target: config.target,
		migrationsDir: config.migrationsDir,
		waitMs: config.waitMs,
		lockWaitMs: config.lockWaitMs,
		lockTimeout: config.lockTimeout,
		statementTimeout: config.statementTimeout,
		stateDir: config.stateDir,
		...extra,
	};
}

export type MigrationSession = {
	readonly client: PgClient;
	readonly graph: RevisionGraph;
	readonly state: DatabaseState;
	readonly options: SessionOptions;
	/** Re-reads the version table. */
	refresh(): Promise<DatabaseState>;
	/** Creates the version table when missing; called just before the first write. */
	prepareVersionTable(): Promise<void>;
};

async function adopt(client: PgClient, graph: RevisionGraph, state: DatabaseState, prepareVersionTable: () => Promise<void>, onEvent?: EventSink): Promise<boolean> {
	if (state.applied.length > 0 || !state.alembicRevision) return false;
	const revisions = adoptionSet(graph, state.alembicRevision);
	await prepareVersionTable();
	const adopted = recordRevisionsQuery(graph.ordered.filter((migration) => revisions.has(migration.revision)), 'adopted');
	await client.query(adopted.text, [...adopted.values]);
	onEvent?.({type: 'adopted', revision: state.alembicRevision, count: revisions.size});
	return true;
}

/**
 * The frame of every writing operation: load and validate the files while connecting (waiting for
 * the server), set the session's timeouts, take the migration lock, adopt a Flask-Migrate database,
 * read the state; then run `fn`; always release the lock and disconnect, and make every
 * asynchronous commit durable before reporting success. The session pipelines: queries that do
 * not wait for each other's answers go out together, so that a database far away costs a few
 * round trips, not one per query.
 */
export async function withMigrationSession<T>(options: SessionOptions, fn: (session: MigrationSession) => Promise<T>): Promise<T> {
	const {client, value: graph} = await connectDuring(
		options.target,
		{waitMs: options.waitMs, onEvent: options.onEvent, signal: options.signal, applicationName: 'cc-dev migrate', pipeline: true},
		async () => buildGraph(await loadMigrationsInTurns(options.migrationsDir)),
	);
	const cancel = (): void => {
		void cancelBackend(options.target, (client as unknown as {processID?: number}).processID);
	};
	options.signal?.addEventListener('abort', cancel, {once: true});
	let locked = false;
	let durable = false;
	try {
		const [, , tablesSeen] = await Promise.all([
			client.query(`SET lock_timeout = ${literal(options.lockTimeout)}; SET statement_timeout = ${literal(options.statementTimeout)}; SET synchronous_commit = off; SET client_min_messages = warning`),
			// The server then ends this backend within a second when the process dies (a deploy killed
			// mid-migration), rolling back and freeing the lock instead of finishing the statement first.
			// Only where the server's OS supports it (PostgreSQL 14+ on Linux).
			client.query(`SET client_connection_check_interval = '1s'`).catch(() => {}),
			probeVersionTables(client),
		]);
		let seen = tablesSeen;
		if (options.beforeLock) {
			const beforeLock = options.beforeLock;
			await readDatabaseState(client, graph, seen).then((state) => {
				seen = state.tables;
				return beforeLock({graph, state});
			}).catch(() => {});
			if (options.signal?.aborted) throw new CancelledError('Cancelled before taking the migration lock.');
		}
		// The first try for the lock goes out with a state read behind it: when the lock is taken at
		// once, that read was made under the lock (the usual case costs one round trip, not three).
		const firstAttempt = tryMigrationLock(client);
		const readBehindFirstAttempt = readDatabaseState(client, graph, seen);
		readBehindFirstAttempt.catch(() => {});
		await acquireMigrationLock(client, {waitMs: options.lockWaitMs, onEvent: options.onEvent, signal: options.signal, firstAttempt});
		locked = true;
		const takenAtOnce = await firstAttempt.catch(() => false);
		let state = takenAtOnce ? await readBehindFirstAttempt : await readDatabaseState(client, graph, seen);
		// Under the lock, the state read says whether the version table exists: it is created once, before the first write.
		let versionTableReady = state.tables.versions;
		const prepareVersionTable = async (): Promise<void> => {
			if (!versionTableReady) await client.query(createVersionTableSql);
			versionTableReady = true;
		};
		if (options.adopt !== false && (await adopt(client, graph, state, prepareVersionTable, options.onEvent))) state = await readDatabaseState(client, graph, {...state.tables, versions: versionTableReady});
		const session: MigrationSession = {
			client,
			graph,
			get state() {
				return state;
			},
			options,
			prepareVersionTable,
			async refresh() {
				state = await readDatabaseState(client, graph, {...state.tables, versions: versionTableReady});
				return state;
			},
		};
		const result = await fn(session);
		// The flush and the unlock go out together.
		await Promise.all([makeDurable(client), releaseMigrationLock(client)]);
		durable = true;
		locked = false;
		return result;
	} finally {
		options.signal?.removeEventListener('abort', cancel);
		try {
			// After a failure, the migrations that committed before it still get their flush (one disk flush costs as much as a small migration).
			if (!durable) await makeDurable(client);
			if (locked) await releaseMigrationLock(client);
		} catch {
			// The connection is gone; the server released the session lock with it.
		}
		await client.end().catch(() => {});
	}
}

function literal(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Commits ran with synchronous_commit off (per-migration atomicity does not need a disk flush per
 * migration); one synchronous commit of a transaction with an xid flushes the WAL up to here.
 * When the server has already flushed all the WAL it wrote (nothing was applied, or its WAL writer
 * got there first), CASE leaves pg_current_xact_id() unevaluated: no xid, nothing to wait for.
 * One query, one round trip, either way.
 */
async function makeDurable(client: PgClient): Promise<void> {
	await client.query('SET synchronous_commit = on; SELECT CASE WHEN pg_current_wal_insert_lsn() > pg_current_wal_flush_lsn() THEN pg_current_xact_id() END');
}

export async function cancelBackend(target: ConnectionTarget, pid: number | undefined): Promise<void> {
	if (!pid) return;
	try {
		const client = await connect(target, {waitMs: 0, applicationName: 'cc-dev cancel'});
		await client.query('select pg_cancel_backend($1)', [pid]);
		await client.end();
	} catch {
		// Best effort: the run stops at the next migration boundary anyway.
	}
}

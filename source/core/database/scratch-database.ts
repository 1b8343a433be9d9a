import {randomBytes} from 'node:crypto';
import {hostname} from 'node:os';
import {CancelledError, EnvironmentError} from '../errors.js';
import {redact} from '../redact.js';
import {connect, type PgClient} from './connect.js';
import {withDatabase, type ConnectionTarget} from './target.js';
import {plural} from '../plural.js';

/** Every scratch database's name starts with this; nothing else cc-dev creates does. */
export const scratchPrefix = 'cc_dev_scratch_';
/** The exact shape scratchName produces. */
const scratchNamePattern = new RegExp(`^${scratchPrefix}([0-9a-z]+)_[0-9a-f]{10}$`);
/** The comment createScratchDatabase puts on every scratch database. */
const scratchCommentPrefix = 'cc-dev scratch database (';

/** A database created for one run and dropped at its end. */
export type ScratchDatabase = {
	readonly name: string;
	/** The same server and credentials as the configured target, this database. */
	readonly target: ConnectionTarget;
	/** What it is for, for messages: "migrated to head". */
	readonly purpose: string;
};

/**
 * The scratch databases of one run. `dropAll` drops every one still alive (also after a failure
 * or Ctrl-C: callers put it in `finally`); databases left by a killed run are swept by age.
 */
export type ScratchRegistry = {
	create(purpose: string): Promise<ScratchDatabase>;
	drop(database: ScratchDatabase): Promise<void>;
	dropAll(): Promise<void>;
	/** The names alive right now. */
	readonly names: readonly string[];
	/** Every name created by this registry, dropped or not. */
	readonly created: readonly string[];
};

export type ScratchOptions = {
	/** Wait bound for the maintenance connections. */
	readonly waitMs?: number;
	readonly signal?: AbortSignal;
};

type PgError = Error & {code?: string};

/** cc_dev_scratch_<base36 seconds>_<random>: sortable by age, unique across machines. */
export function scratchName(now = Date.now()): string {
	return `${scratchPrefix}${Math.floor(now / 1000).toString(36)}_${randomBytes(5).toString('hex')}`;
}

/** The role may not create databases, and the suite needs to: say why and how to grant it. */
export function createDbDenied(server: ConnectionTarget, cause?: unknown): EnvironmentError {
	return new EnvironmentError(`The database user "${server.user}" may not create databases, and the suite needs to: it works in scratch databases that it creates and drops, never in your data.`, {
		hint: `The suite needs CREATEDB: ALTER ROLE ${quoteIdent(server.user)} CREATEDB; (run it as a superuser, e.g. postgres). On a managed server without that right, run cc-dev test against the local database instead.`,
		cause,
	});
}

function createDatabaseError(error: PgError, server: ConnectionTarget): Error {
	if (error.code === '42501') return createDbDenied(server, error);
	return new EnvironmentError(`Cannot create a scratch database on ${server.host}:${server.port}: ${redact(error.message)}`, {
		hint: 'Check that the server accepts new databases (disk space, max connections) and try again.',
		cause: error,
	});
}

export function quoteIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Opens a maintenance connection on the server of `server`: to its own database when it exists,
 * else to `postgres` (the configured database may be the one that is missing).
 */
async function maintenance(server: ConnectionTarget, options: ScratchOptions): Promise<PgClient> {
	try {
		return await connect(server, {waitMs: options.waitMs ?? 0, applicationName: 'cc-dev scratch', signal: options.signal});
	} catch (error) {
		if (!(error instanceof EnvironmentError) || (error.cause as PgError | undefined)?.code !== '3D000') throw error;
		return connect(withDatabase(server, 'postgres'), {waitMs: 0, applicationName: 'cc-dev scratch'});
	}
}

async function withMaintenance<T>(server: ConnectionTarget, options: ScratchOptions, fn: (client: PgClient) => Promise<T>): Promise<T> {
	const client = await maintenance(server, options);
	try {
		return await fn(client);
	} finally {
		await client.end().catch(() => {});
	}
}

/** Creates an empty database from template0 on the server of `server`; its comment says who made it and when. */
export async function createScratchDatabase(server: ConnectionTarget, purpose: string, options: ScratchOptions = {}): Promise<ScratchDatabase> {
	if (options.signal?.aborted) throw new CancelledError();
	const name = scratchName();
	await withMaintenance(server, options, async (client) => {
		try {
			await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
		} catch (error) {
			throw createDatabaseError(error as PgError, server);
		}
		const comment = `${scratchCommentPrefix}${purpose}); pid ${process.pid} on ${hostname()}; created ${new Date().toISOString()}; safe to drop`;
		await client.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS '${comment.replace(/'/g, "''")}'`).catch(() => {});
	});
	return {name, target: withDatabase(server, name), purpose};
}

/** Drops a scratch database, ending the sessions still connected to it. */
export async function dropScratchDatabase(server: ConnectionTarget, name: string, options: ScratchOptions = {}): Promise<void> {
	if (!name.startsWith(scratchPrefix)) throw new Error(`refusing to drop ${name}: not a scratch database`);
	await withMaintenance(server, {waitMs: options.waitMs}, async (client) => {
		await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
	});
}

/** LIKE pattern text matching `prefix` literally (no `_` or `%` wildcards inside it). */
function likePrefix(prefix: string): string {
	return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Drops scratch databases left behind by runs that were killed (kill -9, a second Ctrl-C): those
 * older than `olderThanMs` (by the time in their name) that nobody is connected to. Only databases
 * that are certainly ours: the exact name shape and the comment cc-dev puts on each.
 */
export async function sweepScratchDatabases(server: ConnectionTarget, olderThanMs = 3_600_000, options: ScratchOptions = {}): Promise<string[]> {
	return withMaintenance(server, options, async (client) => {
		const rows = await client.query<{datname: string; comment: string | null}>(
			`select d.datname, shobj_description(d.oid, 'pg_database') as comment from pg_database d
			 where d.datname like $1 and not exists (select 1 from pg_stat_activity a where a.datid = d.oid)`,
			[likePrefix(scratchPrefix)],
		);
		const cutoff = Date.now() - olderThanMs;
		const stale = rows.rows
			.filter((row) => row.comment?.startsWith(scratchCommentPrefix) === true)
			.map((row) => row.datname)
			.filter((name) => {
				const match = scratchNamePattern.exec(name);
				if (!match) return false;
				const seconds = Number.parseInt(match[1]!, 36);
				return Number.isFinite(seconds) && seconds * 1000 < cutoff;
			});
		const dropped: string[] = [];
		for (const name of stale) {
			try {
				await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
				dropped.push(name);
			} catch {
				// Someone connected meanwhile, or not ours to drop: leave it.
			}
		}
		return dropped;
	});
}

/** A registry of the scratch databases of one run, on the server of `server`. */
export function createScratchRegistry(server: ConnectionTarget, options: ScratchOptions = {}): ScratchRegistry {
	const alive = new Map<string, ScratchDatabase>();
	const created: string[] = [];
	// Creations in flight: dropAll waits for them, so a database created during a Ctrl-C is dropped too.
	const pending = new Set<Promise<unknown>>();
	let closed = false;
	const registry: ScratchRegistry = {
		async create(purpose) {
			if (closed) throw new CancelledError('The run is over: no more scratch databases.');
			const creation = createScratchDatabase(server, purpose, options);
			pending.add(creation);
			try {
				const database = await creation;
				alive.set(database.name, database);
				created.push(database.name);
				return database;
			} finally {
				pending.delete(creation);
			}
		},
		async drop(database) {
			await dropScratchDatabase(server, database.name, {waitMs: options.waitMs});
			alive.delete(database.name);
		},
		async dropAll() {
			closed = true;
			await Promise.allSettled([...pending]);
			const failures: unknown[] = [];
			await Promise.all([...alive.values()].map((database) => registry.drop(database).catch((error: unknown) => failures.push(error))));
			if (failures.length > 0) {
				throw new EnvironmentError(`Could not drop ${plural(failures.length, 'scratch database')}: ${[...alive.keys()].join(', ')}.`, {
					hint: `Drop ${failures.length === 1 ? 'it' : 'them'} by hand (DROP DATABASE name WITH (FORCE)); the next cc-dev test also removes scratch databases older than an hour.`,
					cause: failures[0],
				});
			}
		},
		get names() {
			return [...alive.keys()];
		},
		get created() {
			return [...created];
		},
	};
	return registry;
}

/** Runs `fn` with one scratch database and always drops it. */
export async function withScratchDatabase<T>(server: ConnectionTarget, purpose: string, options: ScratchOptions, fn: (database: ScratchDatabase) => Promise<T>): Promise<T> {
	const registry = createScratchRegistry(server, options);
	try {
		return await fn(await registry.create(purpose));
	} finally {
		await registry.dropAll();
	}
}

import type {PgClient} from '../database/connect.js';
import {EnvironmentError} from '../errors.js';
import type {EventSink} from '../events.js';

/** The advisory lock key every cc-dev writer takes (migrate, deploy, restore): 'ccdev' in ASCII. */
export const migrationLockKey = 0x63_63_64_65_76;

export type LockHolder = {
	readonly pid: number;
	readonly applicationName: string;
	readonly state: string;
	readonly clientAddress: string | undefined;
	readonly since: Date | undefined;
};

export async function findLockHolder(client: PgClient): Promise<LockHolder | undefined> {
	const result = await client.query<{pid: number; application_name: string; state: string | null; client_addr: string | null; backend_start: Date | null}>(
		`select a.pid, a.application_name, a.state, host(a.client_addr) as client_addr, a.backend_start
		 from pg_locks l join pg_stat_activity a on a.pid = l.pid
		 where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database())
		   and ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint and l.objsubid = 1
		 limit 1`,
		[migrationLockKey],
	);
	const row = result.rows[0];
	return row
		? {pid: row.pid, applicationName: row.application_name, state: row.state ?? 'unknown', clientAddress: row.client_addr ?? undefined, since: row.backend_start ?? undefined}
		: undefined;
}

export type LockOptions = {
	readonly waitMs: number;
	readonly onEvent?: EventSink;
	readonly signal?: AbortSignal;
	readonly pollMs?: number;
};

/**
 * Takes the session-level migration lock by polling pg_try_advisory_lock, never by blocking in
 * pg_advisory_lock: a blocked waiter would deadlock with another run's CREATE INDEX CONCURRENTLY.
 * `firstAttempt`, a tryMigrationLock already sent, counts as the first poll.
 */
export async function acquireMigrationLock(client: PgClient, options: LockOptions & {readonly firstAttempt?: Promise<boolean>}): Promise<void> {
	const started = Date.now();
	let reported = 0;
	for (let attempt = options.firstAttempt; ; attempt = undefined) {
		if (await (attempt ?? tryMigrationLock(client))) {
			options.onEvent?.({type: 'lock-acquired', waitedMs: Date.now() - started});
			return;
		}
		const waited = Date.now() - started;
		if (waited === 0 || waited - reported >= 2000 || reported === 0) {
			const holder = await findLockHolder(client);
			options.onEvent?.({type: 'lock-waiting', holderPid: holder?.pid, waitedMs: waited});
			reported = Math.max(waited, 1);
		}
		if (options.signal?.aborted) throw new EnvironmentError('Cancelled while waiting for the migration lock.');
		if (waited >= options.waitMs) {
			const holder = await findLockHolder(client);
			const who = holder ? `backend ${holder.pid} (${holder.applicationName || 'no application name'}, ${holder.state})` : 'another session';
			throw new EnvironmentError(`Another migration run holds the migration lock: ${who}; gave up after ${(waited / 1000).toFixed(1)} s.`, {
				hint: 'Wait for it to finish, or raise the wait with --lock-wait SECONDS. If that session is stuck, `cc-dev migrate unlock` ends it.',
			});
		}
		await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 150));
	}
}

/** One attempt at the migration lock. Issued at once: a caller can send other queries behind it. */
export async function tryMigrationLock(client: PgClient): Promise<boolean> {
	const result = await client.query<{locked: boolean}>('select pg_try_advisory_lock($1::bigint) as locked', [migrationLockKey]);
	return result.rows[0]?.locked === true;
}

export async function releaseMigrationLock(client: PgClient): Promise<void> {
	await client.query('select pg_advisory_unlock($1::bigint)', [migrationLockKey]);
}

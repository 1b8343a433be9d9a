import {withClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import {findLockHolder, type LockHolder} from './lock.js';

/**
 * `migrate unlock`: ends the session holding the migration lock (a run that hangs, or a pooled
 * connection that kept it). Its open transaction, if any, rolls back.
 */
export async function unlockMigrations(options: {target: ConnectionTarget; waitMs: number}): Promise<{holder: LockHolder | undefined; terminated: boolean}> {
	return withClient(options.target, {waitMs: options.waitMs}, async (client) => {
		const holder = await findLockHolder(client);
		if (!holder) return {holder, terminated: false};
		const result = await client.query<{ok: boolean}>('select pg_terminate_backend($1) as ok', [holder.pid]);
		return {holder, terminated: result.rows[0]?.ok ?? false};
	});
}

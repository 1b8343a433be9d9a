import {withClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import {requireNonProductionTarget, type ProductionGuard} from '../guards/production.js';
import {findLockHolder, type LockHolder} from './lock.js';

export type UnlockOptions = ProductionGuard & {
	readonly target: ConnectionTarget;
	readonly waitMs: number;
	/** Asked once the holder is known, before it is ended: ending a deploy mid-migration rolls it back. */
	readonly confirm: (holder: LockHolder) => Promise<boolean>;
};

export type UnlockResult = {readonly holder: LockHolder | undefined; readonly terminated: boolean; readonly declined: boolean};

/**
 * `migrate unlock`: ends the session holding the migration lock (a run that hangs, or a pooled
 * connection that kept it). Its open transaction, if any, rolls back. Guarded like `migrate down`.
 */
export async function unlockMigrations(options: UnlockOptions): Promise<UnlockResult> {
	requireNonProductionTarget(options.target, options, 'migrate unlock');
	return withClient(options.target, {waitMs: options.waitMs}, async (client) => {
		const holder = await findLockHolder(client);
		if (!holder) return {holder, terminated: false, declined: false};
		if (!(await options.confirm(holder))) return {holder, terminated: false, declined: true};
		const result = await client.query<{ok: boolean}>('select pg_terminate_backend($1) as ok', [holder.pid]);
		return {holder, terminated: result.rows[0]?.ok ?? false, declined: false};
	});
}

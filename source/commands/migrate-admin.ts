import {describeTarget} from '../core/database/target.js';
import {UsageError, type ExitCode} from '../core/errors.js';
import {productionGuardOf} from '../core/guards/production.js';
import {stampRevision} from '../core/migrations/stamp.js';
import {unlockMigrations} from '../core/migrations/unlock.js';
import type {CommandContext} from './command.js';
import {confirmOrFail} from './confirm.js';
import {sessionOptions} from './session-options.js';

export async function runMigrateStamp(context: CommandContext): Promise<ExitCode> {
	const revision = context.args.positionals[0];
	if (!revision) throw new UsageError('cc-dev migrate stamp needs a revision (or head, or base).');
	const result = await stampRevision({...sessionOptions(context), ...productionGuardOf(context.config(), context.flag('production')), revision});
	if (context.json) {
		context.printJson(result);
		return 0;
	}
	context.out(`${context.style.green('✔')} ${describeTarget(context.config().target)} is stamped at ${result.current.join(', ') || 'base'} (${result.added.length} recorded, ${result.removed.length} removed; no SQL ran)`);
	return 0;
}

export async function runMigrateUnlock(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const result = await unlockMigrations({
		target: config.target,
		waitMs: config.waitMs,
		...productionGuardOf(config, context.flag('production')),
		confirm: (holder) => confirmOrFail(context, `End backend ${holder.pid} (${holder.applicationName || 'no application name'}), which holds the migration lock? A migration it is running rolls back.`),
	});
	if (context.json) {
		context.printJson(result);
		return 0;
	}
	if (!result.holder) context.out('Nobody holds the migration lock.');
	else if (result.declined) context.err(`Kept backend ${result.holder.pid}: it still holds the migration lock.`);
	else if (result.terminated) context.out(`${context.style.green('✔')} Ended backend ${result.holder.pid} (${result.holder.applicationName || 'no application name'}), which held the migration lock.`);
	else context.out(`Backend ${result.holder.pid} holds the migration lock and could not be ended (it needs the same role or a superuser).`);
	if (result.declined) return 1;
	return result.holder && !result.terminated ? 3 : 0;
}

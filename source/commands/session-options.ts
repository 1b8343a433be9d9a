import type {SessionOptions} from '../core/migrations/migration-session.js';
import type {CommandContext} from './command.js';

export function sessionOptions(context: CommandContext): SessionOptions {
	const config = context.config();
	return {
		target: config.target,
		migrationsDir: config.migrationsDir,
		waitMs: config.waitMs,
		lockWaitMs: config.lockWaitMs,
		lockTimeout: config.lockTimeout,
		statementTimeout: config.statementTimeout,
		onEvent: context.onEvent,
		signal: context.signal,
	};
}

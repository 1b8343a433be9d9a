import type {Config} from '../config/load-config.js';
import {describeTarget, isLocalHost} from '../database/target.js';
import {UsageError} from '../errors.js';

/** What the guard needs to know about where a command is about to go. */
export type GuardedTarget = Pick<Config, 'target' | 'railwayEnvironment'>;

/**
 * Why a target counts as production, or undefined when it does not: RAILWAY_ENVIRONMENT is
 * `production`, or the database is on a host other than this machine.
 */
export function productionReason(config: GuardedTarget): string | undefined {
	if (config.railwayEnvironment === 'production') return 'RAILWAY_ENVIRONMENT is production';
	if (!isLocalHost(config.target.host)) return `the database host ${config.target.host} is not this machine`;
	return undefined;
}

/**
 * Stops a destructive command (migrate down, migrate stamp, restore, db destroy) aimed at a
 * production database unless its explicit flag was given; the refusal names the flag.
 */
export function requireNonProductionTarget(config: GuardedTarget, flagGiven: boolean, flagName: string, action = 'this command'): void {
	const reason = productionReason(config);
	if (reason === undefined || flagGiven) return;
	const flag = `--${flagName.replace(/^-+/, '')}`;
	throw new UsageError(`Refusing to run ${action} against a production database: ${reason} (${describeTarget(config.target)}).`, {
		hint: `Pass ${flag} to confirm that you mean this database.`,
	});
}

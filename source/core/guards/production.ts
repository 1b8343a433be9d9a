import type {Config} from '../config/load-config.js';
import {describeTarget, isLocalHost, type ConnectionTarget} from '../database/target.js';
import {UsageError} from '../errors.js';

/**
 * What every destructive core operation (migrate down, stamp, unlock, restore, db destroy) must be
 * told about production: both fields are required, so no front end can forget the guard. The
 * command line sets `allowProduction` from --production; the app never does.
 */
export type ProductionGuard = {
	/** The front end's explicit consent to act on a production target. */
	readonly allowProduction: boolean;
	/** RAILWAY_ENVIRONMENT, as read from the environment. */
	readonly railwayEnvironment: string | undefined;
};

/** Whether RAILWAY_ENVIRONMENT names production, however it is spelt (`Production`, ` production `). */
export function isProductionEnvironment(railwayEnvironment: string | undefined): boolean {
	return railwayEnvironment?.trim().toLowerCase() === 'production';
}

/**
 * Why a target counts as production, or undefined when it does not: RAILWAY_ENVIRONMENT is
 * production, or the server is not on this machine (see isLocalHost).
 */
export function productionReason(target: ConnectionTarget, railwayEnvironment: string | undefined): string | undefined {
	if (isProductionEnvironment(railwayEnvironment)) return `RAILWAY_ENVIRONMENT is ${JSON.stringify(railwayEnvironment)}`;
	if (!isLocalHost(target.host)) return `the database host ${target.host} is not this machine`;
	return undefined;
}

/** The guard a configuration gives, with the front end's consent. */
export function productionGuardOf(config: Pick<Config, 'railwayEnvironment'>, allowProduction: boolean): ProductionGuard {
	return {allowProduction, railwayEnvironment: config.railwayEnvironment};
}

/**
 * Stops a destructive operation aimed at a production database unless the front end allowed it;
 * the refusal names the flag. Called by the core operations themselves, before they connect.
 */
export function requireNonProductionTarget(target: ConnectionTarget, guard: ProductionGuard, action: string): void {
	const reason = productionReason(target, guard.railwayEnvironment);
	if (reason === undefined || guard.allowProduction) return;
	throw new UsageError(`Refusing to run ${action} against a production database: ${reason} (${describeTarget(target)}).`, {
		hint: 'Pass --production to cc-dev to confirm that you mean this database (the interactive app never acts on production).',
	});
}

/** For a scratch database cc-dev created for this run (the validation suite): reverting there touches nothing else, wherever the server is. */
export const scratchDatabaseGuard: ProductionGuard = {allowProduction: true, railwayEnvironment: undefined};

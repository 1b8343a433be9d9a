import {describeTarget} from '../core/database/target.js';
import type {ExitCode} from '../core/errors.js';
import {productionGuardOf} from '../core/guards/production.js';
import {runMigrations, type RunResult} from '../core/migrations/run-migrations.js';
import {formatDuration} from '../report/format.js';
import type {CommandContext} from './command.js';
import {sessionOptions} from './session-options.js';
import {plural} from '../core/plural.js';

function report(context: CommandContext, result: RunResult): ExitCode {
	if (context.json) {
		context.printJson(result);
		return 0;
	}
	const target = describeTarget(context.config().target);
	const at = result.after.length > 0 ? result.after.join(', ') : 'base';
	if (result.steps.length === 0) {
		context.out(`Nothing to ${result.direction === 'up' ? 'apply' : 'revert'}: ${target} is at ${at}.`);
		return 0;
	}
	const verb = result.direction === 'up' ? 'Applied' : 'Reverted';
	context.out(`${context.style.green('✔')} ${verb} ${plural(result.steps.length, 'migration')} in ${formatDuration(result.totalMs)}; ${target} is at ${at}.`);
	return 0;
}

export async function runMigrateUp(context: CommandContext): Promise<ExitCode> {
	return report(context, await runMigrations({...sessionOptions(context), direction: 'up', to: context.string('to')}));
}

export async function runMigrateDown(context: CommandContext): Promise<ExitCode> {
	const guard = productionGuardOf(context.config(), context.flag('production'));
	return report(context, await runMigrations({...sessionOptions(context), ...guard, direction: 'down', to: context.string('to'), steps: context.number('steps')}));
}

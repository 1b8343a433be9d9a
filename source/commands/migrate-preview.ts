import {UsageError, type ExitCode} from '../core/errors.js';
import {checkSteps} from '../core/migrations/plan.js';
import {previewOffline, previewRun, renderScript} from '../core/migrations/preview.js';
import type {CommandContext} from './command.js';

export async function runMigratePreview(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const options = {migrationsDir: config.migrationsDir, direction: context.flag('down') ? 'down' as const : 'up' as const, to: context.string('to'), steps: context.number('steps')};
	if (options.steps !== undefined && options.direction === 'up') {
		throw new UsageError('--steps applies to a revert preview only: it counts the migrations to revert.', {hint: 'For example: cc-dev migrate preview --down --steps 2'});
	}
	checkSteps(options.steps);
	const offline = context.flag('offline');
	const steps = offline ? await previewOffline(options) : await previewRun({...options, target: config.target, waitMs: config.waitMs});
	if (context.json) {
		context.printJson({offline, steps});
		return 0;
	}
	if (steps.length === 0) {
		context.err(`-- nothing to ${options.direction === 'up' ? 'apply' : 'revert'}`);
		return 0;
	}
	context.out(renderScript(steps, {includeVersionTable: offline && options.direction === 'up'}));
	return 0;
}

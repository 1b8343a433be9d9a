import type {ExitCode} from '../core/errors.js';
import {previewOffline, previewRun, renderScript} from '../core/migrations/preview.js';
import type {CommandContext} from './command.js';

export async function runMigratePreview(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const options = {migrationsDir: config.migrationsDir, direction: context.flag('down') ? 'down' as const : 'up' as const, to: context.string('to'), steps: context.number('steps')};
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

import {withClient} from '../core/database/connect.js';
import type {ExitCode} from '../core/errors.js';
import {readApplied} from '../core/migrations/version-table.js';
import type {CommandContext} from './command.js';
import {runLint} from './lint.js';

/** `cc-dev lint`: the linter's own argument parser, with --pending reading the configured database. */
export async function runLintCommand(context: CommandContext): Promise<ExitCode> {
	return runLint([...context.args.rest], context.io, {
		appliedRevisions: async () => {
			const config = context.config();
			const applied = await withClient(config.target, {waitMs: config.waitMs, onEvent: context.onEvent}, readApplied);
			return new Set(applied.map((row) => row.revision));
		},
	});
}

import {withClient} from '../core/database/connect.js';
import type {ExitCode} from '../core/errors.js';
import {buildGraph} from '../core/migrations/graph.js';
import {appliedRevisions, readDatabaseState} from '../core/migrations/state.js';
import type {CommandContext} from './command.js';
import {runLint} from './lint.js';

/** `cc-dev lint`: the linter's own argument parser, with --pending reading the configured database. */
export async function runLintCommand(context: CommandContext): Promise<ExitCode> {
	return runLint([...context.args.rest], context.io, {
		appliedRevisions: async (migrations) => {
			const config = context.config();
			const graph = buildGraph(migrations);
			return withClient(config.target, {waitMs: config.waitMs, onEvent: context.onEvent}, async (client) => appliedRevisions(graph, await readDatabaseState(client, graph)));
		},
	});
}

import {withClient} from '../database/connect.js';
import {describeTarget} from '../database/target.js';
import {requireSingleHead} from '../migrations/graph.js';
import {readDatabaseState} from '../migrations/state.js';
import {summariseStatus} from '../migrations/status.js';
import {analyseMigration} from '../migrations/statements.js';
import {failed, passed, type Check} from './check.js';
import {plural} from '../plural.js';

/**
 * 2. Every file parses (headers and SQL), one head, no cycles or unknown parents; and the configured
 * database has no applied migration that was edited since, nor revisions without a file.
 */
export const migrationsCheck: Check = {
	id: 'migrations',
	title: 'Migration system',
	passedTitle: 'Migration system initialised',
	async run(context) {
		const graph = context.graph();
		const head = requireSingleHead(graph);
		for (const migration of graph.ordered) {
			await analyseMigration(migration, 'up');
			if (migration.down) await analyseMigration(migration, 'down');
		}
		const state = await withClient(context.target, {waitMs: context.waitMs, signal: context.signal, applicationName: 'cc-dev test'}, async (client) => {
			await client.query('SET default_transaction_read_only = on');
			return readDatabaseState(client, graph);
		});
		const where = describeTarget(context.target);
		const problems = [
			...state.changed.map((row) => `${graph.byRevision.get(row.revision)!.fileName} was edited after it was applied to ${where}`),
			...state.unknown.map((row) => `${where} has revision ${row.revision} applied, which no file in migrations/ declares`),
			...(state.alembicRevision && !graph.byRevision.has(state.alembicRevision) ? [`${where} is at alembic revision ${state.alembicRevision}, which is not in migrations/`] : []),
		];
		if (problems.length > 0) {
			return failed(problems.length === 1 ? problems[0]! : `${problems.length} problems between migrations/ and ${where}`, {
				lines: problems,
				hint: 'An applied migration must not be edited: restore the file (git checkout) and put the change in a new migration; unknown revisions come from another branch or release.',
			});
		}
		const applied = state.applied.length > 0 ? state.current.join(', ') : state.alembicRevision ? `${state.alembicRevision} (Flask-Migrate, adopted on the next run)` : 'base';
		const pending = summariseStatus(graph, state, where).pending.length;
		const headText = head ? `head ${head}` : 'no migrations yet';
		return passed(`${plural(graph.ordered.length, 'migration')} parse, ${headText}; ${where} at ${applied} (${pending} pending)`, plural(graph.ordered.length, 'migration'));
	},
};

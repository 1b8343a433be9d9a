import type {Config} from '../../core/config/load-config.js';
import {loadProjectState} from './load-project-state.js';
import type {ActionContext, ActionOutcome, AppServices, ProjectState, TaskActionId} from './types.js';

type Task = (config: Config, context: ActionContext) => Promise<ActionOutcome>;

/** Each action's module loads when it first runs, so that the first frame does not wait for them. */
const tasks: Readonly<Record<TaskActionId, () => Promise<Task>>> = {
	'db-start': async () => (await import('./database-actions.js')).startDatabase,
	'db-stop': async () => (await import('./database-actions.js')).stopDatabase,
	'db-status': async () => (await import('./database-actions.js')).databaseStatus,
	'migrate-up': async () => (await import('./migration-actions.js')).applyPending,
	'migrate-down': async () => (await import('./migration-actions.js')).revertLast,
	preview: async () => (await import('./migration-actions.js')).previewSql,
	history: async () => (await import('./migration-actions.js')).history,
	suite: async () => (await import('./check-actions.js')).runValidationSuite,
	dump: async () => (await import('./check-actions.js')).dumpFromMigrations,
	drift: async () => (await import('./check-actions.js')).checkDrift,
};

/**
 * The app's services on the real core operations: the same ones the sub-commands call.
 * `firstState` is a read of the project state already under way (started before Ink loaded).
 */
export function createServices(config: Config, firstState?: Promise<ProjectState>): AppServices {
	let prefetched = firstState;
	return {
		loadProjectState: () => {
			const state = prefetched ?? loadProjectState(config);
			prefetched = undefined;
			return state;
		},
		runTask: async (id, context) => (await tasks[id]())(config, context),
		runInTerminal: async (id, signal) => {
			if (id === 'migrate-generate') return (await import('./generate-action.js')).generateFromChanges(config, signal);
			const actions = await import('./terminal-actions.js');
			return id === 'migrate-new' ? actions.newMigration(config, signal) : actions.openPsql(config);
		},
	};
}

import type {ActionContext, ActionOutcome, AppServices, ProjectState, TaskActionId, TerminalActionId} from '../../source/ui/services/types.js';

export {until} from '../helpers/until.js';

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
} as const;

/** A frame without colours, trailing spaces trimmed per line. */
export function plain(frame: string | undefined): string {
	// eslint-disable-next-line no-control-regex
	return (frame ?? '').replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').replace(/[ \t]+$/gm, '');
}

export const runningProject: ProjectState = {
	provider: {name: 'embedded', state: 'running', reason: 'chosen with --provider embedded'},
	target: 'cognition_user@127.0.0.1:5432/cognition_curator_dev',
	isReachable: true,
	serverVersion: '15.18',
	current: ['28a8c0e6e895'],
	heads: ['3f2a9c1b7d4e'],
	pending: 1,
	migrationCount: 2,
	warnings: [],
};

export type FakeServices = AppServices & {
	readonly calls: string[];
	/** How many times the header was read. */
	readonly loads: () => number;
};

/** Services that answer from the given functions and record what was asked. */
export function fakeServices(options: {
	project?: ProjectState | (() => ProjectState);
	tasks?: Partial<Record<TaskActionId, (context: ActionContext) => Promise<ActionOutcome>>>;
	terminal?: Partial<Record<TerminalActionId, (signal: AbortSignal) => Promise<ActionOutcome>>>;
} = {}): FakeServices {
	const calls: string[] = [];
	let loads = 0;
	return {
		calls,
		loads: () => loads,
		async loadProjectState() {
			loads++;
			const project = options.project ?? runningProject;
			return typeof project === 'function' ? project() : project;
		},
		async runTask(id, context) {
			calls.push(id);
			const task = options.tasks?.[id];
			if (!task) return {tone: 'success', summary: `${id} done`};
			return task(context);
		},
		async runInTerminal(id, signal) {
			calls.push(id);
			const action = options.terminal?.[id];
			return action ? action(signal) : {tone: 'success', summary: `${id} done`};
		},
	};
}

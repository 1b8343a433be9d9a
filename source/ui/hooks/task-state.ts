import {redact} from '../../core/redact.js';
import type {ActionOutcome, TaskEvent} from '../services/types.js';

export type TaskItemStatus = 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';

/** One line of the task list. */
export type TaskItem = {
	readonly id: string;
	readonly title: string;
	readonly status: TaskItemStatus;
	readonly startedAt: number;
	readonly durationMs?: number;
	readonly detail?: string;
};

export type Progress = {
	readonly label: string;
	readonly current: number;
	readonly total: number;
	readonly unit: 'items' | 'bytes';
};

/** An error as the app shows it: the message, the hint, and the SQL excerpt of a failed statement. */
export type ErrorInfo = {readonly message: string; readonly hint?: string; readonly excerpt?: string};

export type TaskState = {
	readonly phase: 'running' | 'confirm' | 'done' | 'failed';
	readonly isCancelling: boolean;
	readonly items: readonly TaskItem[];
	readonly progress: Progress | undefined;
	/** The last few info, warning and log lines. */
	readonly logs: readonly string[];
	readonly question: {readonly text: string; readonly details: readonly string[]} | undefined;
	readonly outcome: ActionOutcome | undefined;
	readonly error: ErrorInfo | undefined;
	readonly startedAt: number;
	readonly durationMs: number | undefined;
	/** Per-layer bytes of an image pull, summed into `progress`. */
	readonly layers: Readonly<Record<string, {readonly current: number; readonly total: number}>>;
};

export type TaskAction =
	| {readonly type: 'event'; readonly event: TaskEvent; readonly at: number}
	| {readonly type: 'ask'; readonly text: string; readonly details: readonly string[]}
	| {readonly type: 'answered'}
	| {readonly type: 'cancel'}
	| {readonly type: 'finish'; readonly outcome: ActionOutcome; readonly at: number}
	| {readonly type: 'fail'; readonly error: ErrorInfo; readonly isCancelled: boolean; readonly at: number};

export function initialTaskState(at: number): TaskState {
	return {phase: 'running', isCancelling: false, items: [], progress: undefined, logs: [], question: undefined, outcome: undefined, error: undefined, startedAt: at, durationMs: undefined, layers: {}};
}

const maxLogs = 4;

function start(state: TaskState, id: string, title: string, at: number, detail?: string): TaskState {
	const existing = state.items.find((item) => item.id === id);
	if (existing) return update(state, id, {status: 'running', title, ...(detail === undefined ? {} : {detail})});
	return {...state, items: [...state.items, {id, title, status: 'running', startedAt: at, ...(detail === undefined ? {} : {detail})}]};
}

function update(state: TaskState, id: string, change: Partial<TaskItem>): TaskState {
	return {...state, items: state.items.map((item) => (item.id === id ? {...item, ...change} : item))};
}

function end(state: TaskState, id: string, at: number, change: Partial<TaskItem> = {}): TaskState {
	const item = state.items.find((candidate) => candidate.id === id);
	if (!item) return state;
	return update(state, id, {status: 'done', durationMs: at - item.startedAt, ...change});
}

function log(state: TaskState, line: string): TaskState {
	return {...state, logs: [...state.logs, redact(line)].slice(-maxLogs)};
}

function pullProgress(state: TaskState, event: Extract<TaskEvent, {type: 'pull-progress'}>): TaskState {
	const layers = event.total ? {...state.layers, [event.layer]: {current: event.current ?? 0, total: event.total}} : state.layers;
	const values = Object.values(layers);
	const total = values.reduce((sum, layer) => sum + layer.total, 0);
	const current = values.reduce((sum, layer) => sum + Math.min(layer.current, layer.total), 0);
	return {...state, layers, progress: total > 0 ? {label: `Pulling ${event.image}`, current, total, unit: 'bytes'} : state.progress};
}

/** Folds one progress event into the task list. */
function onEvent(state: TaskState, event: TaskEvent, at: number): TaskState {
	switch (event.type) {
		case 'step-start':
			return start(state, event.id, event.title, at);
		case 'step-done':
			return end(state, event.id, at, {title: event.title, durationMs: event.durationMs, ...(event.detail ? {detail: event.detail} : {})});
		case 'step-verdict': {
			const started = start(state, event.id, event.title, at - event.durationMs);
			const status = event.verdict === 'passed' ? 'done' : event.verdict;
			return update(started, event.id, {status, durationMs: event.durationMs, ...(event.detail ? {detail: event.detail} : {})});
		}
		case 'connect-attempt':
			return start(state, 'connect', `Connect to ${event.target}`, at, `attempt ${event.attempt}${event.error ? ` (${event.error})` : ''}`);
		case 'connected':
			return end(start(state, 'connect', `Connect to ${event.target}`, at), 'connect', at, {detail: `PostgreSQL ${event.serverVersion}`});
		case 'lock-waiting':
			return start(state, 'lock', 'Wait for the migration lock', at, event.holderPid ? `held by backend ${event.holderPid}` : undefined);
		case 'lock-acquired':
			return end(state, 'lock', at);
		case 'migration-start': {
			const verb = event.direction === 'up' ? 'Apply' : 'Revert';
			const started = start(state, `migration:${event.revision}`, `${verb} ${event.revision} ${event.message}`, at);
			return {...started, progress: {label: event.direction === 'up' ? 'Applying' : 'Reverting', current: event.index, total: event.total, unit: 'items'}};
		}
		case 'migration-done': {
			const ended = end(state, `migration:${event.revision}`, at, {durationMs: event.durationMs});
			return {...ended, progress: {label: event.direction === 'up' ? 'Applying' : 'Reverting', current: event.index + 1, total: event.total, unit: 'items'}};
		}
		case 'migration-retry':
			return update(state, `migration:${event.revision}`, {detail: `retry ${event.attempt} in ${Math.round(event.delayMs)} ms: ${event.reason}`});
		case 'pull-start':
			return start({...state, layers: {}}, 'pull', `Pull ${event.image}`, at);
		case 'pull-progress':
			return pullProgress(state, event);
		case 'pull-done':
			return {...end(state, 'pull', at, {durationMs: event.durationMs}), progress: undefined};
		case 'adopted':
			return log(state, `Adopted the Flask-Migrate database at ${event.revision} (${event.count} recorded)`);
		case 'info':
			return log(state, event.message);
		case 'warning':
			return log(state, `⚠ ${event.message}${event.hint ? ` (${event.hint})` : ''}`);
		case 'log':
			return log(state, `${event.source}: ${event.line}`);
		default:
			return state;
	}
}

/** Marks what is still running when the task ends. */
function settle(items: readonly TaskItem[], status: TaskItemStatus, at: number): TaskItem[] {
	return items.map((item) => (item.status === 'running' ? {...item, status, durationMs: at - item.startedAt} : item));
}

export function taskReducer(state: TaskState, action: TaskAction): TaskState {
	switch (action.type) {
		case 'event':
			return onEvent(state, action.event, action.at);
		case 'ask':
			return {...state, phase: 'confirm', question: {text: action.text, details: action.details}};
		case 'answered':
			return {...state, phase: 'running', question: undefined};
		case 'cancel':
			return {...state, isCancelling: state.phase === 'running' || state.phase === 'confirm'};
		case 'finish':
			return {...state, phase: 'done', question: undefined, items: settle(state.items, 'done', action.at), outcome: action.outcome, durationMs: action.at - state.startedAt};
		case 'fail':
			return {...state, phase: 'failed', question: undefined, items: settle(state.items, action.isCancelled ? 'cancelled' : 'failed', action.at), error: action.error, durationMs: action.at - state.startedAt};
	}
}

import type {ErrorInfo} from './hooks/task-state.js';
import {menuItems, type MenuItem} from './menu-items.js';
import type {ActionOutcome, Tone, View} from './services/types.js';

export type Screen =
	| {readonly name: 'home'}
	/** An action with a task list; settled once it has finished (its result stays until Enter/Esc). */
	| {readonly name: 'task'; readonly item: MenuItem; readonly run: number; readonly isSettled: boolean}
	/** The terminal is handed over (questions, psql) until the action returns. */
	| {readonly name: 'terminal'; readonly item: MenuItem; readonly run: number}
	| {readonly name: 'view'; readonly view: View}
	/** A terminal action's failure, until Enter/Esc. */
	| {readonly name: 'result'; readonly item: MenuItem; readonly error: ErrorInfo};

/** The last action's result, shown under the menu. */
export type LastResult = {readonly label: string; readonly tone: Tone; readonly summary: string};

export type AppState = {
	readonly screen: Screen;
	/** Index into menuItems. */
	readonly selected: number;
	readonly last: LastResult | undefined;
	/** Bumped after every action: the header reads the project state again. */
	readonly refreshes: number;
	readonly runs: number;
};

export type AppAction =
	| {readonly type: 'move'; readonly delta: number}
	| {readonly type: 'start'; readonly item: MenuItem}
	| {readonly type: 'settled'; readonly outcome?: ActionOutcome | undefined; readonly error?: ErrorInfo | undefined; readonly isCancelled?: boolean}
	| {readonly type: 'back'};

export const initialAppState: AppState = {screen: {name: 'home'}, selected: 0, last: undefined, refreshes: 0, runs: 0};

function lastOf(item: MenuItem, action: Extract<AppAction, {type: 'settled'}>): LastResult {
	if (action.outcome) return {label: item.label, tone: action.outcome.tone, summary: action.outcome.summary};
	if (action.isCancelled) return {label: item.label, tone: 'warning', summary: 'cancelled'};
	return {label: item.label, tone: 'failure', summary: action.error?.message.split('\n')[0] ?? 'failed'};
}

/** Screen state of the app: which screen, which menu item, what happened last. */
export function appReducer(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'move': {
			const count = menuItems.length;
			return {...state, selected: (((state.selected + action.delta) % count) + count) % count};
		}
		case 'start': {
			const run = state.runs + 1;
			const selected = Math.max(menuItems.indexOf(action.item), 0);
			const screen: Screen = action.item.kind === 'terminal' ? {name: 'terminal', item: action.item, run} : {name: 'task', item: action.item, run, isSettled: false};
			return {...state, screen, selected, runs: run};
		}
		case 'settled': {
			const {screen} = state;
			if (screen.name !== 'task' && screen.name !== 'terminal') return state;
			const next = {...state, last: lastOf(screen.item, action), refreshes: state.refreshes + 1};
			if (action.outcome?.view) return {...next, screen: {name: 'view', view: action.outcome.view}};
			if (screen.name === 'task') return {...next, screen: {...screen, isSettled: true}};
			if (action.error && !action.isCancelled) return {...next, screen: {name: 'result', item: screen.item, error: action.error}};
			return {...next, screen: {name: 'home'}};
		}
		case 'back':
			return {...state, screen: {name: 'home'}};
	}
}

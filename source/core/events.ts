/**
 * Progress events. Core operations report through an `onEvent` callback; the Ink screens, the
 * plain-text and the JSON reporters all consume the same events.
 */
export type CoreEvent =
	| {readonly type: 'info'; readonly message: string}
	| {readonly type: 'warning'; readonly message: string; readonly hint?: string}
	| {readonly type: 'connect-attempt'; readonly target: string; readonly attempt: number; readonly error?: string}
	| {readonly type: 'connected'; readonly target: string; readonly serverVersion: string}
	| {readonly type: 'lock-waiting'; readonly holderPid: number | undefined; readonly waitedMs: number}
	| {readonly type: 'lock-acquired'; readonly waitedMs: number}
	| {readonly type: 'adopted'; readonly revision: string; readonly count: number}
	| {readonly type: 'migration-start'; readonly direction: Direction; readonly revision: string; readonly message: string; readonly index: number; readonly total: number}
	| {readonly type: 'migration-done'; readonly direction: Direction; readonly revision: string; readonly message: string; readonly durationMs: number; readonly index: number; readonly total: number}
	| {readonly type: 'migration-retry'; readonly revision: string; readonly attempt: number; readonly delayMs: number; readonly reason: string}
	| {readonly type: 'step-start'; readonly id: string; readonly title: string}
	| {readonly type: 'step-done'; readonly id: string; readonly title: string; readonly durationMs: number; readonly detail?: string}
	| {readonly type: 'log'; readonly source: string; readonly line: string}
	| {readonly type: 'pull-start'; readonly image: string}
	| {readonly type: 'pull-progress'; readonly image: string; readonly layer: string; readonly phase: string; readonly current?: number; readonly total?: number}
	| {readonly type: 'pull-done'; readonly image: string; readonly durationMs: number};

export type Direction = 'up' | 'down';

export type EventSink = (event: CoreEvent) => void;

export const ignoreEvents: EventSink = () => {};

import {useCallback, useEffect, useReducer, useRef} from 'react';
import type {ActionContext, ActionOutcome} from '../services/types.js';
import {errorInfo, isCancellation} from './error-info.js';
import {initialTaskState, taskReducer, type TaskState} from './task-state.js';

export type TaskRunner = (context: ActionContext) => Promise<ActionOutcome>;

/**
 * Runs an action once, on mount, and turns its progress events, questions and result into task
 * state. Cancellation comes from outside through `controller` (Ctrl-C is the app's); an open
 * question is answered no when it fires.
 */
export function useTask(run: TaskRunner, controller: AbortController, verbose = false): {state: TaskState; answer: (yes: boolean) => void} {
	const [state, dispatch] = useReducer(taskReducer, undefined, () => initialTaskState(Date.now()));
	const pending = useRef<((yes: boolean) => void) | undefined>(undefined);
	const answer = useCallback((yes: boolean) => {
		const resolve = pending.current;
		pending.current = undefined;
		if (!resolve) return;
		dispatch({type: 'answered'});
		resolve(yes);
	}, []);

	useEffect(() => {
		let isMounted = true;
		const {signal} = controller;
		const onAbort = (): void => {
			if (isMounted) dispatch({type: 'cancel'});
			answer(false);
		};
		signal.addEventListener('abort', onAbort, {once: true});
		const context: ActionContext = {
			signal,
			onEvent: (event) => {
				if (isMounted) dispatch({type: 'event', event, at: Date.now()});
			},
			confirm: (text, details = []) =>
				new Promise<boolean>((resolve) => {
					if (signal.aborted) return resolve(false);
					pending.current = resolve;
					dispatch({type: 'ask', text, details});
				}),
		};
		run(context).then(
			(outcome) => {
				if (isMounted) dispatch({type: 'finish', outcome, at: Date.now()});
			},
			(error: unknown) => {
				if (isMounted) dispatch({type: 'fail', error: errorInfo(error, verbose), isCancelled: isCancellation(error, signal), at: Date.now()});
			},
		);
		return () => {
			isMounted = false;
			signal.removeEventListener('abort', onAbort);
		};
		// Runs once per mounted task screen: a new action mounts a new screen.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	return {state, answer};
}

import {useApp, useStdin} from 'ink';
import {useEffect} from 'react';
import type {Screen} from '../app-state.js';
import type {ActionOutcome, AppServices, TerminalActionId} from '../services/types.js';
import {errorInfo, isCancellation} from './error-info.js';
import type {ErrorInfo} from './task-state.js';

/** How an action ended, as the app records it. */
export type SettledResult = {outcome?: ActionOutcome; error?: ErrorInfo; isCancelled?: boolean};

/**
 * Runs a terminal action (the questions of a new migration, psql) while Ink has handed the
 * terminal over, then reports how it ended. One run per terminal screen.
 */
export function useTerminalAction(screen: Screen, services: AppServices, controllerRef: {current: AbortController | undefined}, onSettled: (result: SettledResult) => void, verbose: boolean): void {
	const {suspendTerminal} = useApp();
	const {stdin} = useStdin();
	const run = screen.name === 'terminal' ? screen.run : undefined;
	useEffect(() => {
		if (screen.name !== 'terminal') return;
		const controller = new AbortController();
		controllerRef.current = controller;
		let result: SettledResult = {};
		// Ink lets go of stdin while suspended, and between two prompts nothing else may keep the
		// process alive: without this, Node would see an empty event loop and Ink would unmount.
		const keepAlive = setInterval(() => {}, 60_000);
		void suspendTerminal(async () => {
			try {
				result = {outcome: await services.runInTerminal(screen.item.id as TerminalActionId, controller.signal)};
			} catch (error) {
				result = {error: errorInfo(error, verbose), isCancelled: isCancellation(error, controller.signal)};
			}
		}).then(() => {
			// readline (the questions) paused stdin with a read pending; Ink's own resume then waits
			// for data that is never read. resume() restarts the read (Ink keeps its 'readable' mode).
			(stdin as Partial<NodeJS.ReadStream>).resume?.();
			clearInterval(keepAlive);
			onSettled(result);
		});
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [run]);
}

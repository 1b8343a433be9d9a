import type {EventEmitter} from 'node:events';
import {Box, Text, useApp, useInput, useWindowSize} from 'ink';
import {lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import {appReducer, initialAppState} from './app-state.js';
import {KeyRouterProvider} from './hooks/use-keys.js';
import {useProjectState} from './hooks/use-project-state.js';
import {useTerminalAction, type SettledResult} from './hooks/use-terminal-action.js';
import type {MenuItem} from './menu-items.js';
import {HomeScreen} from './screens/home-screen.js';
import type {AppServices, ProjectState, TaskActionId} from './services/types.js';

// The home screen comes first and alone: the other screens (and @inkjs/ui) load after the first frame.
const loadTaskScreen = () => import('./screens/task-screen.js');
const loadSqlScreen = () => import('./screens/sql-screen.js');
const loadHistoryScreen = () => import('./screens/history-screen.js');
const loadResultScreen = () => import('./screens/result-screen.js');
const TaskScreen = lazy(async () => ({default: (await loadTaskScreen()).TaskScreen}));
const SqlScreen = lazy(async () => ({default: (await loadSqlScreen()).SqlScreen}));
const HistoryScreen = lazy(async () => ({default: (await loadHistoryScreen()).HistoryScreen}));
const ResultScreen = lazy(async () => ({default: (await loadResultScreen()).ResultScreen}));

function preloadScreens(): void {
	for (const load of [loadTaskScreen, loadSqlScreen, loadHistoryScreen, loadResultScreen]) void load().catch(() => {});
}

/** What the app ends with; the entry point turns it into the process exit code. */
export type AppResult = {readonly exitCode: 0 | 130};

export type AppProps = {
	readonly services: AppServices;
	readonly verbose?: boolean;
	/** Emits 'interrupt' on SIGINT (Ctrl-C arrives as a key while the app owns the terminal). */
	readonly interrupts?: EventEmitter;
	/** Fixed size for tests; default: the terminal's, following resizes. */
	readonly size?: {readonly columns: number; readonly rows: number};
	/** The project state when it was read before the app started. */
	readonly initialProject?: ProjectState | undefined;
	/** Called with the result just before the app exits (tests; the entry point uses waitUntilExit). */
	readonly onExit?: (result: AppResult) => void;
};

/**
 * The interactive app: the home screen (header and menu), live task screens, the SQL and history
 * views. Ctrl-C cancels a running action (it cleans up), a second one exits at once (130); at the
 * menu it quits.
 */
export function App({services, verbose = false, interrupts, size, initialProject, onExit}: AppProps) {
	const {exit: exitInk} = useApp();
	const exit = useCallback((result: AppResult) => {
		onExit?.(result);
		exitInk(result);
	}, [exitInk, onExit]);
	const window = useWindowSize();
	const {columns, rows} = size ?? window;
	const [state, dispatch] = useReducer(appReducer, initialAppState);
	const {project, isLoading} = useProjectState(services, state.refreshes, initialProject);
	const hasProject = project !== undefined;
	useEffect(() => {
		if (hasProject) preloadScreens();
	}, [hasProject]);
	const controllerRef = useRef<AbortController | undefined>(undefined);
	const stateRef = useRef(state);
	stateRef.current = state;

	const onSettled = useCallback((result: SettledResult) => dispatch({type: 'settled', ...result}), []);
	const start = useCallback((item: MenuItem) => {
		if (item.kind === 'quit') return exit({exitCode: 0});
		controllerRef.current = new AbortController();
		dispatch({type: 'start', item});
	}, [exit]);
	const back = useCallback(() => dispatch({type: 'back'}), []);

	const interrupt = useCallback(() => {
		const {screen} = stateRef.current;
		if (screen.name === 'terminal') return;
		if (screen.name === 'task' && !screen.isSettled) {
			const controller = controllerRef.current;
			if (controller && !controller.signal.aborted) return controller.abort();
			return exit({exitCode: 130});
		}
		exit({exitCode: 0});
	}, [exit]);
	useInput((input, key) => {
		if (key.ctrl && input === 'c') interrupt();
	});
	useEffect(() => {
		interrupts?.on('interrupt', interrupt);
		return () => void interrupts?.off('interrupt', interrupt);
	}, [interrupts, interrupt]);
	useTerminalAction(state.screen, services, controllerRef, onSettled, verbose);

	const {screen} = state;
	const taskRun = useMemo(
		() => (screen.name === 'task' ? (context: Parameters<AppServices['runTask']>[1]) => services.runTask(screen.item.id as TaskActionId, context) : undefined),
		// A new run id means a new action.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[screen.name === 'task' ? screen.run : undefined, services],
	);
	const common = {width: columns, height: rows};
	return (
		<KeyRouterProvider>
			<Suspense fallback={<Text dimColor>…</Text>}>{screenElement()}</Suspense>
		</KeyRouterProvider>
	);

	function screenElement() {
		switch (screen.name) {
			case 'home':
				return <HomeScreen {...common} project={project} isLoading={isLoading} selected={state.selected} last={state.last} onMove={(delta) => dispatch({type: 'move', delta})} onRun={start} onQuit={() => exit({exitCode: 0})} />;
			case 'task':
				return <TaskScreen key={screen.run} {...common} item={screen.item} run={taskRun!} controller={controllerRef.current!} project={project} isLoading={isLoading} verbose={verbose} onSettled={onSettled} onBack={back} />;
			case 'terminal':
				return (
					<Box height={rows}>
						<Text dimColor>{screen.item.label}…</Text>
					</Box>
				);
			case 'result':
				return <ResultScreen {...common} item={screen.item} error={screen.error} project={project} isLoading={isLoading} onBack={back} />;
			case 'view':
				return screen.view.kind === 'sql' ? <SqlScreen {...common} view={screen.view} onBack={back} /> : <HistoryScreen {...common} view={screen.view} onBack={back} />;
		}
	}
}

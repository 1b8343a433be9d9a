import type {CoreEvent} from '../../core/events.js';
import type {ProviderName} from '../../core/providers/provider.js';

/** How a result reads: colour and symbol. */
export type Tone = 'success' | 'warning' | 'failure' | 'info';

export type ResultLine = {
	readonly text: string;
	readonly tone?: Tone | 'dim';
};

/** One migration's worth of SQL in the SQL view, with its boundary. */
export type SqlBlock = {
	/** The boundary line: "apply 1a2b3c4d5e6f add study goals". */
	readonly title: string;
	/** Shown on the boundary; absent for a whole file. */
	readonly transaction?: 'per-migration' | 'none';
	readonly sql: string;
};

export type SqlView = {
	readonly kind: 'sql';
	readonly title: string;
	readonly blocks: readonly SqlBlock[];
	/** A second script the `d` key switches to (the down of the last migration). */
	readonly alternate?: {readonly title: string; readonly blocks: readonly SqlBlock[]};
};

export type HistoryRow = {
	readonly revision: string;
	readonly parents: readonly string[];
	readonly message: string;
	readonly transaction: 'per-migration' | 'none';
	readonly isHead: boolean;
	/** Undefined when the database did not answer. */
	readonly isApplied: boolean | undefined;
	readonly appliedAt?: Date | undefined;
};

export type HistoryView = {
	readonly kind: 'history';
	readonly rows: readonly HistoryRow[];
	readonly databaseAnswered: boolean;
};

/** A screen an action ends on instead of its summary. */
export type View = SqlView | HistoryView;

export type ActionOutcome = {
	readonly tone: Tone;
	readonly summary: string;
	readonly lines?: readonly ResultLine[];
	readonly view?: View;
};

/** A step that ends in a verdict (a check of the suite): shown with a tick, a cross or a dash. */
export type StepVerdictEvent = {
	readonly type: 'step-verdict';
	readonly id: string;
	readonly title: string;
	readonly verdict: 'passed' | 'failed' | 'skipped';
	readonly durationMs: number;
	readonly detail?: string;
};

/** What the task list shows: the core's progress events, plus verdicts. */
export type TaskEvent = CoreEvent | StepVerdictEvent;

/** What an action gets from the app: progress, cancellation, and a way to ask. */
export type ActionContext = {
	/** Accepts every core event, so it can be passed as a core `onEvent`. */
	readonly onEvent: (event: TaskEvent) => void;
	readonly signal: AbortSignal;
	/** Asks inside the app (y/N); resolves false on no, Esc or cancellation. */
	confirm(question: string, details?: readonly string[]): Promise<boolean>;
};

/** Actions that run with a task list. */
export type TaskActionId = 'db-start' | 'db-stop' | 'db-status' | 'migrate-up' | 'migrate-down' | 'preview' | 'history' | 'suite' | 'dump' | 'drift';

/** Actions that take the terminal from the app for a while (questions, psql). */
export type TerminalActionId = 'migrate-new' | 'migrate-generate' | 'psql';

export type ActionId = TaskActionId | TerminalActionId;

/** What the header shows. */
export type ProjectState = {
	readonly provider: {readonly name: ProviderName; readonly state: 'running' | 'stopped' | 'absent'; readonly reason: string} | undefined;
	/** user@host:port/database, never the password. */
	readonly target: string;
	readonly isReachable: boolean;
	readonly serverVersion: string | undefined;
	readonly current: readonly string[];
	readonly heads: readonly string[];
	/** Undefined when the database did not answer. */
	readonly pending: number | undefined;
	readonly migrationCount: number;
	/** Two heads, edited migrations, dump out of date, unreadable files... */
	readonly warnings: readonly string[];
};

/** Everything the app does to the outside world; tests pass fakes. */
export type AppServices = {
	/** Reads the header's facts; never rejects (problems become warnings). */
	loadProjectState(): Promise<ProjectState>;
	runTask(id: TaskActionId, context: ActionContext): Promise<ActionOutcome>;
	/** Runs while the app has handed the terminal over (inquirer questions, psql). */
	runInTerminal(id: TerminalActionId, signal: AbortSignal): Promise<ActionOutcome>;
};

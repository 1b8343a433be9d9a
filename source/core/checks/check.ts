import type {ExitCode} from '../errors.js';
import type {SuiteContext} from './suite-context.js';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** What a check found. Failures that are problems of the environment are thrown as EnvironmentError instead. */
export type CheckOutcome = {
	readonly status: CheckStatus;
	/** One line: what was verified, what is wrong, or why the check was skipped. */
	readonly detail: string;
	/** The figure the summary shows in brackets: "9 tables", "619 lines". */
	readonly figure?: string;
	/** Further lines for a failure: differences, a diff, findings. */
	readonly lines?: readonly string[];
	/** What to do about a failure. */
	readonly hint?: string;
};

/** A check's outcome as the suite reports it. */
export type CheckResult = CheckOutcome & {
	readonly id: string;
	readonly title: string;
	/** The summary wording when it passed: "Database connection working". */
	readonly passedTitle: string;
	readonly durationMs: number;
	/** For a failure: 3 when the environment is the problem (unreachable, no CREATEDB), else 1. */
	readonly exitCode?: ExitCode;
};

/** One check of `cc-dev test`: a small object, like np's prerequisite tasks. */
export type Check = {
	/** Stable id for --only and machine-readable output: connection, migrations, commands... */
	readonly id: string;
	readonly title: string;
	readonly passedTitle: string;
	/** Starts the slow preparation the check will need (scratch databases) so it overlaps with earlier checks. */
	prepare?(context: SuiteContext): void;
	run(context: SuiteContext): Promise<CheckOutcome>;
};

/** Progress of a suite run, for the live list. */
export type SuiteEvent =
	| {readonly type: 'suite-start'; readonly target: string; readonly checks: ReadonlyArray<{readonly id: string; readonly title: string}>}
	| {readonly type: 'check-start'; readonly id: string; readonly title: string; readonly index: number; readonly total: number}
	| {readonly type: 'check-done'; readonly result: CheckResult; readonly index: number; readonly total: number};

export type SuiteEventSink = (event: SuiteEvent) => void;

export const passed = (detail: string, figure?: string): CheckOutcome => (figure === undefined ? {status: 'passed', detail} : {status: 'passed', detail, figure});
export const skipped = (detail: string): CheckOutcome => ({status: 'skipped', detail});
export const failed = (detail: string, extra: {lines?: readonly string[]; hint?: string; figure?: string} = {}): CheckOutcome => ({status: 'failed', detail, ...extra});

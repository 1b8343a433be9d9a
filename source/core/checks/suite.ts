import {createScratchRegistry, sweepScratchDatabases} from '../database/scratch-database.js';
import {describeTarget} from '../database/target.js';
import {CancelledError, isCcDevError, UsageError, type ExitCode} from '../errors.js';
import type {Check, CheckOutcome, CheckResult, SuiteEventSink} from './check.js';
import {commandsCheck} from './commands-check.js';
import {connectionCheck} from './connection-check.js';
import {creationCheck} from './creation-check.js';
import {dumpCheck} from './dump-check.js';
import {lintCheck} from './lint-check.js';
import {migrationsCheck} from './migrations-check.js';
import {schemaCheck} from './schema-check.js';
import {createSuiteContext, type SuiteContext, type SuiteSettings} from './suite-context.js';

/** The checks of `cc-dev test`, in the order they run and are reported. */
export const suiteChecks: readonly Check[] = [connectionCheck, migrationsCheck, commandsCheck, schemaCheck, creationCheck, dumpCheck, lintCheck];

export type SuiteOptions = {
	/** Check ids (or 1-based numbers) to run; default all. */
	readonly only?: readonly string[];
	/** Stop at the first failure; the rest are reported as skipped. */
	readonly bail?: boolean;
	readonly onEvent?: SuiteEventSink;
	/** The checks to choose from (tests pass their own). */
	readonly checks?: readonly Check[];
};

export type SuiteReport = {
	readonly target: string;
	readonly checks: readonly CheckResult[];
	readonly durationMs: number;
	/** 0 all passed (or skipped), 1 a check failed or the run was cancelled, 3 an environment problem. */
	readonly exitCode: ExitCode;
	readonly cancelled: boolean;
	/** Problems that are not a check's: a scratch database that could not be dropped. */
	readonly warnings: readonly string[];
	/** The scratch databases the run created (all dropped unless a warning says otherwise). */
	readonly scratchDatabases: readonly string[];
};

/** Resolves --only: ids or numbers, comma-separated or repeated; unknown ones are a usage error naming the valid ones. */
export function selectChecks(checks: readonly Check[], only: readonly string[] | undefined): Check[] {
	const words = (only ?? []).flatMap((entry) => entry.split(',')).map((word) => word.trim()).filter(Boolean);
	if (words.length === 0) return [...checks];
	const wanted = new Set<Check>();
	for (const word of words) {
		const byNumber = /^\d+$/.test(word) ? checks[Number(word) - 1] : undefined;
		const found = byNumber ?? checks.find((check) => check.id === word);
		if (!found) throw new UsageError(`Unknown check "${word}" for --only.`, {hint: `Checks: ${checks.map((check, index) => `${index + 1} ${check.id}`).join(', ')}.`});
		wanted.add(found);
	}
	return checks.filter((check) => wanted.has(check));
}

function outcomeOfError(error: unknown): CheckOutcome & {exitCode: ExitCode} {
	const message = error instanceof Error ? error.message : String(error);
	if (isCcDevError(error)) {
		return {status: 'failed', detail: message.split('\n')[0]!, lines: message.split('\n').slice(1), ...(error.hint ? {hint: error.hint} : {}), exitCode: error.exitCode === 3 ? 3 : 1};
	}
	return {status: 'failed', detail: `unexpected error: ${message}`, ...(error instanceof Error && error.stack ? {lines: error.stack.split('\n').slice(1, 6)} : {}), exitCode: 1};
}

type RunState = {bailed: boolean; connectionFailed: boolean; errors: Map<unknown, string>};

/** Why a check is not run (or its result not reported), or undefined to report it. */
function skipReason(check: Check, state: RunState, signal: AbortSignal | undefined): string | undefined {
	if (signal?.aborted) return 'cancelled';
	if (state.bailed) return 'not run: --bail stopped the suite at the first failure';
	if (state.connectionFailed && check.id !== 'connection') return 'needs the database connection, which failed';
	return undefined;
}

/** A check's run: its outcome, or the error it threw. Never rejects. */
type Attempt = {readonly outcome?: CheckOutcome; readonly error?: unknown; readonly durationMs: number};

async function attempt(check: Check, context: SuiteContext): Promise<Attempt> {
	const started = performance.now();
	try {
		return {outcome: await check.run(context), durationMs: performance.now() - started};
	} catch (error) {
		return {error, durationMs: performance.now() - started};
	}
}

/** The result as reported, in order: the same error object met again (invalid migrations, no CREATEDB) is reported once, by the first check in order. */
function resultOf(check: Check, run: Attempt, state: RunState, signal: AbortSignal | undefined): CheckResult {
	const base = {id: check.id, title: check.title, passedTitle: check.passedTitle, durationMs: run.durationMs};
	if (run.outcome) return {...base, ...run.outcome, ...(run.outcome.status === 'failed' ? {exitCode: 1 as const} : {})};
	if (run.error instanceof CancelledError || signal?.aborted) return {...base, status: 'skipped', detail: 'cancelled'};
	const first = state.errors.get(run.error);
	if (first) return {...base, status: 'skipped', detail: `not run: same problem as the ${first} check`};
	state.errors.set(run.error, check.title.toLowerCase());
	return {...base, ...outcomeOfError(run.error)};
}

function exitCodeOf(results: readonly CheckResult[], cancelled: boolean): ExitCode {
	if (results.some((result) => result.status === 'failed' && result.exitCode === 3)) return 3;
	if (cancelled || results.some((result) => result.status === 'failed')) return 1;
	return 0;
}

/**
 * Runs the validation suite against the configured server, inside scratch databases that are always
 * dropped (after a failure and after Ctrl-C too). The connection check runs first; once it passes,
 * the other checks run side by side (each in scratch databases of its own, or reading shared ones),
 * and are reported in order as their turn comes. --bail and Ctrl-C stop the ones still running.
 */
export async function runSuite(settings: SuiteSettings, options: SuiteOptions = {}): Promise<SuiteReport> {
	const started = performance.now();
	const selected = selectChecks(options.checks ?? suiteChecks, options.only);
	const stop = new AbortController();
	const signal = settings.signal ? AbortSignal.any([settings.signal, stop.signal]) : stop.signal;
	const scratch = createScratchRegistry(settings.target, {waitMs: settings.waitMs, signal});
	const context = createSuiteContext({...settings, signal}, scratch);
	const state: RunState = {bailed: false, connectionFailed: false, errors: new Map()};
	const results: CheckResult[] = [];
	const warnings: string[] = [];
	const attempts = new Map<Check, Promise<Attempt>>();
	const launch = (check: Check): Promise<Attempt> => {
		let run = attempts.get(check);
		if (!run) {
			run = attempt(check, context);
			attempts.set(check, run);
		}
		return run;
	};
	let sweep: Promise<unknown> | undefined;
	const runAhead = () => {
		if (sweep) return;
		sweep = sweepScratchDatabases(settings.target, 3_600_000, {waitMs: 0}).catch(() => []);
		for (const check of selected) check.prepare?.(context);
		for (const check of selected) if (check.id !== 'connection') void launch(check);
	};
	options.onEvent?.({type: 'suite-start', target: describeTarget(settings.target), checks: selected.map((check) => ({id: check.id, title: check.title}))});
	try {
		if (selected[0]?.id !== 'connection') runAhead();
		for (const [index, check] of selected.entries()) {
			options.onEvent?.({type: 'check-start', id: check.id, title: check.title, index, total: selected.length});
			const reason = skipReason(check, state, settings.signal);
			const result: CheckResult = reason === undefined
				? resultOf(check, await launch(check), state, settings.signal)
				: {id: check.id, title: check.title, passedTitle: check.passedTitle, status: 'skipped', detail: reason, durationMs: 0};
			results.push(result);
			options.onEvent?.({type: 'check-done', result, index, total: selected.length});
			if (result.status === 'failed') {
				if (check.id === 'connection') state.connectionFailed = true;
				if (options.bail) {
					state.bailed = true;
					stop.abort();
				}
			}
			if (check.id === 'connection' && result.status === 'passed') runAhead();
		}
	} finally {
		stop.abort();
		await Promise.allSettled(attempts.values());
		try {
			await scratch.dropAll();
		} catch (error) {
			warnings.push(`${(error as Error).message} ${isCcDevError(error) && error.hint ? error.hint : ''}`.trim());
		}
		await sweep;
	}
	const cancelled = settings.signal?.aborted === true;
	const exitCode = exitCodeOf(results, cancelled);
	return {target: describeTarget(settings.target), checks: results, durationMs: performance.now() - started, exitCode: warnings.length > 0 && exitCode === 0 ? 3 : exitCode, cancelled, warnings, scratchDatabases: scratch.created};
}

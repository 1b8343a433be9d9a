import {CancelledError} from '../errors.js';
import type {Direction} from '../events.js';
import {requireNonProductionTarget, type ProductionGuard} from '../guards/production.js';
import {executeBatch, takeBatch} from './execute-batch.js';
import {asCancelledIfAborted, executeStep, type Wrapping} from './execute-step.js';
import type {Migration} from './migration.js';
import {withMigrationSession, type MigrationSession, type SessionOptions} from './migration-session.js';
import {checkSteps, planDown, planUp, requireDownSections} from './plan.js';
import {findLockBlockers} from './lock-blockers.js';
import {requireConsistentState} from './state.js';
import {openAnalysisCache} from './section-analysis.js';
import {analyseMigration, type AnalysedMigration} from './statements.js';

export type RunOptions = SessionOptions & {
	/** up: the revision to reach; down: the revision to go back to (`base` for everything). */
	readonly to?: string;
	/** down only: how many migrations to revert (default 1). */
	readonly steps?: number;
	/** Retries of a transactional migration that hit lock_timeout (deploys use a few). */
	readonly lockRetries?: number;
	/** A revert is destructive: it must say whether a production target is allowed. */
} & ({readonly direction: 'up'} | ({readonly direction: 'down'} & ProductionGuard));

export type AppliedStep = {
	readonly revision: string;
	readonly message: string;
	readonly fileName: string;
	readonly durationMs: number;
};

export type RunResult = {
	readonly direction: Direction;
	readonly steps: readonly AppliedStep[];
	/** The database's current revision(s) before and after. */
	readonly before: readonly string[];
	readonly after: readonly string[];
	readonly totalMs: number;
};

/** The migrations `up` or `down` would run from this state, in order (not analysed yet). */
function planMigrations(graph: MigrationSession['graph'], state: MigrationSession['state'], options: Pick<RunOptions, 'direction' | 'to' | 'steps'>): Migration[] {
	requireConsistentState(state, graph);
	if (options.direction === 'up') return planUp(graph, state.appliedSet, options.to);
	const plan = planDown(graph, state.appliedSet, {to: options.to, steps: options.steps});
	requireDownSections(plan);
	return plan;
}

/** Analyses each migration, letting the event loop run between files and between pieces of a large one, so that SIGTERM and Ctrl-C stay effective. */
async function analyseAll(plan: readonly Migration[], direction: Direction, options: Pick<SessionOptions, 'stateDir' | 'signal'>, ready?: ReadonlyMap<Migration, AnalysedMigration>): Promise<AnalysedMigration[]> {
	const cache = options.stateDir === undefined ? undefined : openAnalysisCache(options.stateDir);
	const analysed: AnalysedMigration[] = [];
	for (const migration of plan) {
		await new Promise((resolve) => setImmediate(resolve));
		if (options.signal?.aborted) throw new CancelledError('Cancelled while analysing the migrations.');
		analysed.push(ready?.get(migration) ?? await analyseMigration(migration, direction, cache, options.signal));
	}
	cache?.save();
	return analysed;
}

/**
 * Session options that analyse the migrations a run would apply before the lock is taken, from the
 * state read without it; planRun then reuses each analysis whose migration is still in the plan.
 */
export function analysingBeforeLock<O extends SessionOptions>(options: O, plan: Pick<RunOptions, 'direction' | 'to' | 'steps'>): O & {readonly analysed: Map<Migration, AnalysedMigration>} {
	const analysed = new Map<Migration, AnalysedMigration>();
	return {
		...options,
		analysed,
		async beforeLock({graph, state}) {
			for (const step of await analyseAll(planMigrations(graph, state, plan), plan.direction, options)) analysed.set(step.migration, step);
		},
	};
}

/** Plans a run from the database's real state: the migrations `up` or `down` would run, analysed. */
export async function planRun(session: MigrationSession, options: Pick<RunOptions, 'direction' | 'to' | 'steps'>): Promise<AnalysedMigration[]> {
	const ready = (session.options as {analysed?: ReadonlyMap<Migration, AnalysedMigration>}).analysed;
	return analyseAll(planMigrations(session.graph, session.state, options), options.direction, session.options, ready);
}

function isLockTimeout(error: unknown): boolean {
	return (error as {cause?: {code?: string}}).cause?.code === '55P03';
}

async function runStepWithRetries(session: MigrationSession, step: AnalysedMigration, retries: number, wrapping: Wrapping): Promise<number> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await executeStep(session.client, step, session.options.signal, wrapping);
		} catch (error) {
			if (!isLockTimeout(error) || step.migration.transaction === 'none' || wrapping === 'savepoint') throw error;
			if (attempt >= retries) {
				const blockers = await findLockBlockers(session.client, step).catch(() => []);
				if (blockers.length > 0 && error instanceof Error) {
					const text = blockers.map((blocker) => `backend ${blocker.pid} (${blocker.description})`).join('; ');
					(error as {hint?: string}).hint = `Blocked by ${text}. ${attempt > 0 ? `Tried ${attempt + 1} times. ` : ''}Let that transaction finish or end it (select pg_terminate_backend(PID)), then deploy again.`;
				}
				throw error;
			}
			const delayMs = 500 * 2 ** attempt;
			session.options.onEvent?.({type: 'migration-retry', revision: step.migration.revision, attempt: attempt + 1, delayMs, reason: 'lock_timeout: another transaction holds a conflicting lock'});
			await new Promise((resolve) => setTimeout(resolve, delayMs));
		}
	}
}

/**
 * Runs the plan of a session, one migration after another, reporting each with its time.
 * Applying commits each migration on its own (locks are released as soon as a migration is done,
 * which matters while the app runs). Reverting groups consecutive transactional migrations in one
 * transaction with a savepoint each: every migration stays all-or-nothing, a failure keeps the
 * ones before it, and the run pays one disk flush instead of one per dropped table.
 */
export async function executePlan(session: MigrationSession, plan: readonly AnalysedMigration[], retries = 0): Promise<AppliedStep[]> {
	const done: AppliedStep[] = [];
	const {onEvent, signal} = session.options;
	if (plan.length > 0) await session.prepareVersionTable();
	let inGroup = false;
	const closeGroup = async (): Promise<void> => {
		if (inGroup) await session.client.query('COMMIT');
		inGroup = false;
	};
	let announced = -1;
	const announce = (index: number): void => {
		if (announced >= index) return;
		announced = index;
		const {migration, direction} = plan[index]!;
		onEvent?.({type: 'migration-start', direction, revision: migration.revision, message: migration.message, index, total: plan.length});
	};
	const finish = (index: number, durationMs: number): void => {
		announce(index);
		const {migration, direction} = plan[index]!;
		onEvent?.({type: 'migration-done', direction, revision: migration.revision, message: migration.message, durationMs, index, total: plan.length});
		done.push({revision: migration.revision, message: migration.message, fileName: migration.fileName, durationMs});
	};
	let batchSize = 1;
	try {
		for (let index = 0; index < plan.length; ) {
			if (signal?.aborted) throw new CancelledError(`Cancelled after ${done.length} of ${plan.length} migrations.`, {hint: 'Every migration that finished is recorded; the rest are still pending.'});
			const step = plan[index]!;
			const batch = batchSize > 1 ? takeBatch(plan, index, batchSize) : [];
			if (batch.length > 1) {
				await closeGroup();
				announce(index);
				const outcome = await executeBatch(session.client, batch);
				for (const {durationMs} of outcome.applied) finish(index++, durationMs);
				batchSize = nextBatchSize(batchSize, outcome.applied.reduce((sum, {durationMs}) => sum + durationMs, 0));
				if (outcome.error !== undefined) {
					announce(index);
					throw asCancelledIfAborted(outcome.error, plan[index]!, signal);
				}
				// What failed outside its own section, or waited for a lock, runs again alone.
				if (outcome.rest.length > 0) batchSize = 1;
				continue;
			}
			const {migration} = step;
			const grouped = step.direction === 'down' && migration.transaction === 'per-migration' && plan.length > 1;
			if (!grouped) await closeGroup();
			else if (!inGroup) {
				await session.client.query('BEGIN');
				inGroup = true;
			}
			announce(index);
			let durationMs: number;
			try {
				durationMs = await runStepWithRetries(session, step, retries, grouped ? 'savepoint' : 'transaction');
			} catch (error) {
				inGroup = false;
				throw error;
			}
			finish(index++, durationMs);
			// Timed here, not by the server: a far database's round trip must not keep batches from starting.
			batchSize = durationMs > slowMs ? 1 : Math.max(batchSize, 2);
		}
		await closeGroup();
	} finally {
		await closeGroup().catch(() => {});
	}
	return done;
}

const quickMs = 100;
const slowMs = 1000;
const maxBatchMigrations = 64;

/**
 * How many migrations the next batch may carry, from the server's time for the last one: twice as
 * many while batches are quick, so that a long run of small migrations costs few round trips, and
 * back to one after a slow batch, so that the progress shown keeps up with long migrations.
 */
function nextBatchSize(size: number, serverMs: number): number {
	if (serverMs > slowMs) return 1;
	return serverMs < quickMs ? Math.min(size * 2, maxBatchMigrations) : size;
}

/** `migrate up` and `migrate down`: plan from the real state, run under the lock, report. */
export async function runMigrations(options: RunOptions): Promise<RunResult> {
	const started = performance.now();
	if (options.direction === 'down') {
		checkSteps(options.steps);
		requireNonProductionTarget(options.target, options, 'migrate down');
	}
	return withMigrationSession(analysingBeforeLock(options, options), async (session) => {
		const before = session.state.current;
		const plan = await planRun(session, options);
		const steps = await executePlan(session, plan, options.lockRetries ?? 0);
		// Under the lock nothing else changes the version table: with nothing run, it is as read.
		const after = steps.length === 0 ? before : (await session.refresh()).current;
		return {direction: options.direction, steps, before, after, totalMs: performance.now() - started};
	});
}

import type {Config} from '../../core/config/load-config.js';
import {withClient} from '../../core/database/connect.js';
import {describeTarget} from '../../core/database/target.js';
import {isCcDevError} from '../../core/errors.js';
import {productionGuardOf, productionReason} from '../../core/guards/production.js';
import {buildGraph} from '../../core/migrations/graph.js';
import {loadMigrations} from '../../core/migrations/load-migrations.js';
import {sessionOptionsOf, type SessionOptions} from '../../core/migrations/migration-session.js';
import {previewOffline, previewRun, type PreviewStep} from '../../core/migrations/preview.js';
import {runMigrations, type RunResult} from '../../core/migrations/run-migrations.js';
import {readDatabaseState} from '../../core/migrations/state.js';
import type {ActionContext, ActionOutcome, HistoryRow, SqlBlock} from './types.js';
import {plural} from '../../core/plural.js';

function sessionOptions(config: Config, context: ActionContext): SessionOptions {
	return sessionOptionsOf(config, {onEvent: context.onEvent, signal: context.signal});
}

function seconds(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function runOutcome(config: Config, result: RunResult): ActionOutcome {
	const at = result.after.join(', ') || 'base';
	if (result.steps.length === 0) return {tone: 'info', summary: `Nothing to ${result.direction === 'up' ? 'apply' : 'revert'}: the database is at ${at}`};
	const count = `${plural(result.steps.length, 'migration')}`;
	return {
		tone: 'success',
		summary: `${result.direction === 'up' ? 'Applied' : 'Reverted'} ${count} in ${seconds(result.totalMs)}; ${describeTarget(config.target)} is at ${at}`,
	};
}

export async function applyPending(config: Config, context: ActionContext): Promise<ActionOutcome> {
	return runOutcome(config, await runMigrations({...sessionOptions(config, context), direction: 'up'}));
}

/**
 * Shows what the last migration's down section runs and asks before running it. The app never
 * reverts on a production target (a y/N in a menu is too easy a key press): it says so and names
 * the command that can, with its explicit flag.
 */
export async function revertLast(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const production = productionReason(config.target, config.railwayEnvironment);
	if (production) {
		return {tone: 'failure', summary: `Not reverting: ${describeTarget(config.target)} is a production database (${production}). From a terminal: cc-dev migrate down --production`};
	}
	const [step] = await previewRun({migrationsDir: config.migrationsDir, direction: 'down', steps: 1, target: config.target, waitMs: config.waitMs});
	if (!step) return {tone: 'info', summary: 'Nothing to revert'};
	const sql = step.statements.filter((statement) => statement !== 'BEGIN' && statement !== 'COMMIT' && !statement.includes('cc_dev_migrations'));
	const question = `Revert ${step.revision} ${step.message}? Its down section runs:`;
	if (!(await context.confirm(question, sql.flatMap((statement) => statement.split('\n')).slice(0, 8)))) {
		return {tone: 'info', summary: `Kept ${step.revision}: nothing reverted`};
	}
	return runOutcome(config, await runMigrations({...sessionOptions(config, context), ...productionGuardOf(config, false), direction: 'down', steps: 1}));
}

export function sqlBlocks(steps: readonly PreviewStep[]): SqlBlock[] {
	return steps.map((step) => ({
		title: `${step.direction === 'up' ? 'apply' : 'revert'} ${step.revision} ${step.message}`,
		transaction: step.transaction,
		sql: step.statements.map((statement) => (/^(BEGIN|COMMIT)$/.test(statement) ? `${statement};` : `${statement.replace(/;\s*$/, '')};`)).join('\n'),
	}));
}

/** The exact SQL of the pending migrations, and of reverting the last one (the `d` key); offline from base when the database does not answer. */
export async function previewSql(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const options = {migrationsDir: config.migrationsDir, target: config.target, waitMs: Math.min(config.waitMs, 1000)};
	context.onEvent({type: 'step-start', id: 'preview', title: 'Plan the SQL of the pending migrations'});
	const started = performance.now();
	let up: PreviewStep[];
	let offline = false;
	try {
		up = await previewRun({...options, direction: 'up'});
	} catch (error) {
		if (!isCcDevError(error) || error.exitCode !== 3) throw error;
		offline = true;
		up = await previewOffline({migrationsDir: config.migrationsDir, direction: 'up'});
	}
	const down = offline ? [] : await previewRun({...options, direction: 'down', steps: 1}).catch(() => []);
	context.onEvent({type: 'step-done', id: 'preview', title: 'Plan the SQL of the pending migrations', durationMs: performance.now() - started});
	const title = offline ? 'The database does not answer: the whole script from base' : up.length === 0 ? 'Nothing pending' : `${plural(up.length, 'pending migration')}`;
	return {
		tone: 'info',
		summary: title,
		view: {kind: 'sql', title, blocks: sqlBlocks(up), ...(down.length > 0 ? {alternate: {title: `Reverting ${down[0]!.revision}`, blocks: sqlBlocks(down)}} : {})},
	};
}

/** Every migration, newest first, with what is applied when the database answers. */
export async function history(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const graph = buildGraph(loadMigrations(config.migrationsDir));
	const state = await withClient(config.target, {waitMs: 0, onEvent: context.onEvent}, (client) => readDatabaseState(client, graph)).catch(() => undefined);
	const applied = new Map(state?.applied.map((row) => [row.revision, row]) ?? []);
	const rows: HistoryRow[] = [...graph.ordered].reverse().map((migration) => ({
		revision: migration.revision,
		parents: migration.parents,
		message: migration.message,
		transaction: migration.transaction,
		isHead: graph.heads.includes(migration.revision),
		isApplied: state ? applied.has(migration.revision) : undefined,
		appliedAt: applied.get(migration.revision)?.appliedAt,
	}));
	return {tone: 'info', summary: `${plural(rows.length, 'migration')}`, view: {kind: 'history', rows, databaseAnswered: state !== undefined}};
}

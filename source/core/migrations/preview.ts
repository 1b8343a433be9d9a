import {withClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import type {Direction} from '../events.js';
import {stepStatements} from './execute-step.js';
import {buildGraph} from './graph.js';
import {loadMigrations} from './load-migrations.js';
import {planDown, planUp, requireDownSections} from './plan.js';
import {appliedRevisions, readDatabaseState, requireConsistentState} from './state.js';
import {analyseMigration} from './statements.js';
import {createVersionTableSql} from './version-table.js';

export type PreviewStep = {
	readonly revision: string;
	readonly message: string;
	readonly fileName: string;
	readonly direction: Direction;
	readonly transaction: 'per-migration' | 'none';
	/** The statements exactly as the runner sends a lone migration, in order (a batch sends the same SQL with its version row read from a bound parameter, execute-batch.ts). */
	readonly statements: readonly string[];
};

export type PreviewOptions = {
	readonly migrationsDir: string;
	readonly direction: Direction;
	readonly to?: string;
	readonly steps?: number;
};

/** The SQL a run would execute against the database's real state. Read-only: no lock, nothing created. */
export async function previewRun(options: PreviewOptions & {target: ConnectionTarget; waitMs: number}): Promise<PreviewStep[]> {
	const graph = buildGraph(loadMigrations(options.migrationsDir));
	const state = await withClient(options.target, {waitMs: options.waitMs}, (client) => readDatabaseState(client, graph));
	requireConsistentState(state, graph);
	return previewPlan(options, graph, appliedRevisions(graph, state));
}

/** A full script from base (or back to base with --down), without a database. */
export async function previewOffline(options: PreviewOptions): Promise<PreviewStep[]> {
	const graph = buildGraph(loadMigrations(options.migrationsDir));
	const applied = options.direction === 'down' ? new Set(graph.ordered.map((migration) => migration.revision)) : new Set<string>();
	return previewPlan({...options, steps: options.direction === 'down' && options.to === undefined && options.steps === undefined ? graph.ordered.length : options.steps}, graph, applied);
}

async function previewPlan(options: PreviewOptions, graph: ReturnType<typeof buildGraph>, applied: ReadonlySet<string>): Promise<PreviewStep[]> {
	const plan = options.direction === 'up' ? planUp(graph, applied, options.to) : planDown(graph, applied, {to: options.to, steps: options.steps});
	if (options.direction === 'down') requireDownSections(plan);
	const steps: PreviewStep[] = [];
	for (const migration of plan) {
		const analysed = await analyseMigration(migration, options.direction);
		steps.push({
			revision: migration.revision,
			message: migration.message,
			fileName: migration.fileName,
			direction: options.direction,
			transaction: migration.transaction,
			statements: stepStatements(analysed),
		});
	}
	return steps;
}

/** Renders steps as one SQL script, with each migration's boundary and transaction mode marked. */
export function renderScript(steps: readonly PreviewStep[], options: {includeVersionTable: boolean}): string {
	// The version-table rows are written as quoted literals, which mean what they say only with this on.
	const parts: string[] = ['SET standard_conforming_strings = on;\n'];
	if (options.includeVersionTable) parts.push(`-- cc-dev version table\n${createVersionTableSql};\n`);
	for (const step of steps) {
		const mode = step.transaction === 'none' ? 'no transaction' : 'one transaction';
		parts.push(`-- ${step.direction === 'up' ? 'apply' : 'revert'} ${step.revision} ${step.message} (${step.fileName}, ${mode})\n${step.statements.map((statement) => `${statement.replace(/;\s*$/, '')};`).join('\n')}\n`);
	}
	return parts.join('\n');
}

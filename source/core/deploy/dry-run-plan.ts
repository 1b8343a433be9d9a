import type {Migration} from '../migrations/migration.js';
import type {MigrationSession} from '../migrations/migration-session.js';
import {stepStatements} from '../migrations/execute-step.js';
import {planUp} from '../migrations/plan.js';
import {appliedRevisions, requireConsistentState} from '../migrations/state.js';
import {analyseMigration} from '../migrations/statements.js';
import type {DeployFinding, PlannedMigration} from './deploy-events.js';

export type DryRunPlan = {
	readonly pending: readonly PlannedMigration[];
	readonly adopts: string | undefined;
	readonly createsVersionTable: boolean;
	/** Undefined when the linter is not available. */
	readonly findings: readonly DeployFinding[] | undefined;
};

/** Lints the pending migrations, reading the applied ones for the schema they build on. */
async function lintPending(pending: readonly Migration[], history: readonly Migration[]): Promise<DeployFinding[] | undefined> {
	let lint: typeof import('../lint/lint-migration.js');
	try {
		lint = await import('../lint/lint-migration.js');
	} catch {
		return undefined;
	}
	const findings = await lint.lintMigrations(pending, {history});
	return findings.map(({rule, severity, file, line, column, message, why, fix}) => ({rule, severity, file, line, column, message, why, fix}));
}

/**
 * What a deploy would do, read under the lock and changing nothing: the Flask-Migrate adoption it
 * would record, the pending migrations with the exact SQL the runner sends, and lint findings.
 */
export async function planDryRun(session: MigrationSession): Promise<DryRunPlan> {
	const {graph, state} = session;
	requireConsistentState(state, graph);
	const applied = appliedRevisions(graph, state);
	const adopts = state.alembicRevision;
	const migrations = planUp(graph, applied);
	const pending: PlannedMigration[] = [];
	for (const migration of migrations) {
		const analysed = await analyseMigration(migration, 'up');
		pending.push({revision: migration.revision, message: migration.message, fileName: migration.fileName, transaction: migration.transaction, statements: stepStatements(analysed)});
	}
	const history = graph.ordered.filter((migration) => applied.has(migration.revision));
	const writes = pending.length > 0 || adopts !== undefined;
	return {
		pending,
		adopts,
		createsVersionTable: writes && !state.tables.versions,
		findings: migrations.length > 0 ? await lintPending(migrations, history) : [],
	};
}

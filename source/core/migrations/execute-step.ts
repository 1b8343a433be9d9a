import type {PgClient} from '../database/connect.js';
import {CancelledError, FailureError} from '../errors.js';
import type {Direction} from '../events.js';
import {isPostgresError, toMigrationSqlError} from './sql-error.js';
import type {AnalysedMigration} from './statements.js';
import {deleteRevisionSql, insertRevisionSql} from './version-table.js';

/** The SQL that records (up) or forgets (down) the migration, run in the migration's transaction. */
export function bookkeepingSql(step: AnalysedMigration): string {
	const {migration} = step;
	return step.direction === 'up'
		? insertRevisionSql(migration.revision, migration.message, migration.checksum, 'applied', true)
		: deleteRevisionSql(migration.revision);
}

/** The exact statements a run sends for one migration, in order; used by both the runner and preview. */
export function stepStatements(step: AnalysedMigration): string[] {
	const body = step.statements.map((statement) => statement.sql);
	return step.migration.transaction === 'none'
		? [...body, bookkeepingSql(step)]
		: ['BEGIN', ...body, bookkeepingSql(step), 'COMMIT'];
}

function outcomeText(step: AnalysedMigration, ranCount: number, direction: Direction): string {
	if (step.migration.transaction === 'per-migration') {
		return `The migration was rolled back: the database is exactly as it was before ${step.migration.revision} ${direction === 'up' ? 'was applied' : 'was reverted'}.`;
	}
	return ranCount === 0
		? 'Nothing of this migration ran (Transaction: none).'
		: `This migration runs without a transaction: its first ${ranCount} statement${ranCount === 1 ? '' : 's'} ran and stay; fix the failing statement and make the migration safe to re-run (IF NOT EXISTS), or undo those statements by hand. For an index built CONCURRENTLY, drop the INVALID index it leaves.`;
}

/**
 * Runs one migration step. Transactional steps run statement by statement inside BEGIN ... COMMIT
 * with the version-table row, so a failure rolls everything back; the error names file:line:column.
 */
export async function executeStep(client: PgClient, step: AnalysedMigration, signal?: AbortSignal): Promise<number> {
	const started = performance.now();
	const transactional = step.migration.transaction === 'per-migration';
	let ran = 0;
	try {
		if (transactional) await client.query('BEGIN');
		for (const statement of step.statements) {
			if (signal?.aborted) throw new CancelledError(`Cancelled during ${step.migration.fileName}.`);
			try {
				await client.query(statement.sql);
			} catch (error) {
				if (signal?.aborted) throw new CancelledError(`Cancelled during ${step.migration.fileName}.`, {hint: outcomeText(step, ran, step.direction), cause: error});
				if (!isPostgresError(error)) throw error;
				throw toMigrationSqlError(error, step.migration.fileName, step.migration.text, step.section, statement, outcomeText(step, ran, step.direction));
			}
			ran++;
		}
		await client.query(transactional ? `${bookkeepingSql(step)}; COMMIT` : bookkeepingSql(step));
	} catch (error) {
		if (transactional) await client.query('ROLLBACK').catch(() => {});
		if (error instanceof FailureError || error instanceof CancelledError) throw error;
		if (isPostgresError(error)) {
			throw new FailureError(`${step.migration.fileName}: ${error.message}`, {hint: outcomeText(step, ran, step.direction), cause: error});
		}
		throw error;
	}
	return performance.now() - started;
}

import type {PgClient} from '../database/connect.js';
import {CancelledError, FailureError} from '../errors.js';
import type {Direction} from '../events.js';
import {invalidIndexAdvice, readInvalidIndexes} from './invalid-indexes.js';
import {isPostgresError, toMigrationSqlError, type PostgresError} from './sql-error.js';
import type {AnalysedStatement} from './section-analysis.js';
import type {AnalysedMigration} from './statements.js';
import {inlineBoundQuery, forgetRevisionsQuery, recordAppliedQuery, type BoundQuery} from './version-table.js';
import {plural} from '../plural.js';

/** The query that records (up) or forgets (down) the migration, run in the migration's transaction, its values bound. */
export function bookkeepingQuery(step: AnalysedMigration): BoundQuery {
	const {migration} = step;
	return step.direction === 'up' ? recordAppliedQuery(migration) : forgetRevisionsQuery([migration.revision]);
}

/**
 * How a transactional step is wrapped: in a transaction of its own, or in a savepoint of a
 * transaction the caller opened and commits (a revert of many migrations: each one stays
 * all-or-nothing, and the run pays one disk flush instead of one per dropped table).
 */
export type Wrapping = 'transaction' | 'savepoint';

const wrappers = {
	transaction: {open: 'BEGIN', close: 'COMMIT', undo: 'ROLLBACK'},
	savepoint: {open: 'SAVEPOINT cc_dev_step', close: 'RELEASE SAVEPOINT cc_dev_step', undo: 'ROLLBACK TO SAVEPOINT cc_dev_step'},
} as const;

/**
 * A transactional step as the runner sends it, four queries written at once on the pipelining
 * session (one round trip): BEGIN, the section verbatim (so error positions map straight back to
 * the file), the version-table row as an extended-protocol query with bound values, COMMIT.
 * When the section fails the transaction is aborted, so the row fails too and COMMIT rolls back.
 * BEGIN goes alone: PostgreSQL parses a query string whole before running any of it, so SQL that
 * cc-dev's newer parser accepts and the server's refuses would have failed BEGIN with it, and the
 * row would then have been recorded outside any transaction for a migration that never ran.
 */
async function runTransactionalScript(client: PgClient, step: AnalysedMigration, wrapping: Wrapping): Promise<void> {
	const wrapper = wrappers[wrapping];
	const bookkeeping = bookkeepingQuery(step);
	const queries = [
		() => client.query(wrapper.open),
		() => client.query(`${step.section.sql}\n;`),
		() => client.query({name: bookkeeping.name, text: bookkeeping.text, values: [...bookkeeping.values]}),
		() => client.query(wrapper.close),
	];
	if (!client.pipeline) {
		// A client without pipelining waits for each answer: the same four queries, four round trips.
		let failure: unknown;
		for (const query of queries) await query().catch((error: unknown) => (failure ??= error));
		if (failure !== undefined) throw failure;
		return;
	}
	const settled = await Promise.allSettled(queries.map((query) => query()));
	const failed = settled.find((outcome) => outcome.status === 'rejected');
	if (failed) throw failed.reason;
}

/** The exact statements a run sends for one migration, in order; used by preview. */
export function stepStatements(step: AnalysedMigration): string[] {
	const bookkeeping = inlineBoundQuery(bookkeepingQuery(step));
	if (step.migration.transaction === 'per-migration') return ['BEGIN', step.section.sql.trim(), bookkeeping, 'COMMIT'];
	return [...step.statements.map((statement) => statement.sql), bookkeeping];
}

function outcomeText(step: AnalysedMigration, ranCount: number, direction: Direction): string {
	if (step.migration.transaction === 'per-migration') {
		return `The migration was rolled back: the database is exactly as it was before ${step.migration.revision} ${direction === 'up' ? 'was applied' : 'was reverted'}.`;
	}
	return ranCount === 0
		? 'Nothing of this migration ran (Transaction: none).'
		: `This migration runs without a transaction: its first ${plural(ranCount, 'statement')} ran and stay; fix the failing statement and make the migration safe to re-run (IF NOT EXISTS), or undo those statements by hand. For an index built CONCURRENTLY, drop the INVALID index it leaves.`;
}

/**
 * The outcome of a failed step without a transaction, with the INVALID indexes an interrupted
 * CREATE INDEX CONCURRENTLY left (by this attempt or an earlier, killed one) and how to drop them.
 */
async function nonTransactionalOutcome(client: PgClient, step: AnalysedMigration, ranCount: number): Promise<string> {
	const invalid = await readInvalidIndexes(client).catch(() => []);
	if (invalid.length === 0) return outcomeText(step, ranCount, step.direction);
	const ran = ranCount === 0 ? 'None of its statements ran in this attempt' : `Its first ${ranCount} statement${ranCount === 1 ? '' : 's'} ran and stay`;
	return `This migration runs without a transaction (Transaction: none). ${ran}. ${invalidIndexAdvice(invalid)}`;
}

/** The whole section as one pseudo-statement, for errors whose position is relative to it. */
function wholeSection(step: AnalysedMigration): AnalysedStatement {
	return {sql: step.section.sql, start: 0, end: step.section.sql.length, kind: 'Section', nonTransactional: undefined, relations: [], pinnedSettingChange: undefined};
}

/**
 * An error without a position (a constraint violation, say) does not say which statement failed.
 * Replays the statements one by one inside a transaction that is rolled back, to find it.
 */
async function locateFailure(client: PgClient, step: AnalysedMigration): Promise<{statement: AnalysedStatement; error: PostgresError} | undefined> {
	try {
		await client.query('BEGIN');
		for (const statement of step.statements) {
			try {
				await client.query(statement.sql);
			} catch (error) {
				if (isPostgresError(error)) return {statement, error};
				return undefined;
			}
		}
		return undefined;
	} finally {
		await client.query('ROLLBACK').catch(() => {});
	}
}

/**
 * The error a failed transactional step is reported with, once its transaction is rolled back:
 * file:line:column when the server's position falls in the section (`sectionStart`: where the
 * section began in the query the server saw), else the statement found by replaying, else the
 * server's message with the outcome.
 */
export async function transactionalFailure(client: PgClient, step: AnalysedMigration, error: unknown, sectionStart: number): Promise<unknown> {
	if (!isPostgresError(error)) return error;
	const outcome = outcomeText(step, 0, step.direction);
	const sectionLength = step.section.sql.length;
	const position = error.position ? Number(error.position) - sectionStart : undefined;
	if (position !== undefined && position >= 1 && position <= sectionLength + 1) {
		return toMigrationSqlError({...error, message: error.message, position: String(position)} as PostgresError, step.migration.fileName, step.migration.text, step.section, wholeSection(step), outcome);
	}
	// Replaying is for errors that name no statement; never after a cancel, a timeout or a lock
	// that was not granted (class 57, 55P03): replaying would run, or wait for, it all again.
	const replayable = !error.position && !error.code?.startsWith('57') && error.code !== '55P03';
	const located = replayable ? await locateFailure(client, step) : undefined;
	if (located) return toMigrationSqlError(located.error, step.migration.fileName, step.migration.text, step.section, located.statement, outcome);
	return new FailureError(`${step.migration.fileName}: ${error.message}`, {hint: [error.detail ? `DETAIL: ${error.detail}` : '', outcome].filter(Boolean).join('\n'), cause: error});
}

async function executeTransactional(client: PgClient, step: AnalysedMigration, wrapping: Wrapping): Promise<void> {
	try {
		await runTransactionalScript(client, step, wrapping);
	} catch (error) {
		await client.query(wrappers[wrapping].undo).catch(() => {});
		if (wrapping === 'savepoint') await client.query('COMMIT').catch(() => {});
		throw await transactionalFailure(client, step, error, 0);
	}
}

async function executeStatements(client: PgClient, step: AnalysedMigration, signal?: AbortSignal): Promise<void> {
	let ran = 0;
	for (const statement of step.statements) {
		if (signal?.aborted) throw new CancelledError(`Cancelled during ${step.migration.fileName}.`, {hint: outcomeText(step, ran, step.direction)});
		try {
			await client.query(statement.sql);
		} catch (error) {
			if (!isPostgresError(error)) throw error;
			const outcome = await nonTransactionalOutcome(client, step, ran);
			if (signal?.aborted) throw new CancelledError(`Cancelled during ${step.migration.fileName}.`, {hint: outcome, cause: error});
			throw toMigrationSqlError(error, step.migration.fileName, step.migration.text, step.section, statement, outcome);
		}
		ran++;
	}
	const bookkeeping = bookkeepingQuery(step);
	await client.query({name: bookkeeping.name, text: bookkeeping.text, values: [...bookkeeping.values]});
}

/**
 * Runs one migration step and returns its duration. A transactional step goes to the server as
 * one query (BEGIN, the section, the version-table row, COMMIT — or the same in a savepoint), so a
 * failure rolls the step back; a step without a transaction runs statement by statement. Errors
 * name file:line:column. In savepoint wrapping a failure commits the steps before it, exactly as
 * if each had committed on its own.
 */
export async function executeStep(client: PgClient, step: AnalysedMigration, signal?: AbortSignal, wrapping: Wrapping = 'transaction'): Promise<number> {
	const started = performance.now();
	try {
		if (step.migration.transaction === 'per-migration') await executeTransactional(client, step, wrapping);
		else await executeStatements(client, step, signal);
	} catch (error) {
		throw asCancelledIfAborted(error, step, signal);
	}
	return performance.now() - started;
}

/** A transactional step's failure while the run was being cancelled is the cancel: reported as such, with what became of the step. */
export function asCancelledIfAborted(error: unknown, step: AnalysedMigration, signal: AbortSignal | undefined): unknown {
	if (!signal?.aborted || error instanceof CancelledError) return error;
	return new CancelledError(`Cancelled during ${step.migration.fileName}.`, {hint: outcomeText(step, 0, step.direction), cause: error});
}

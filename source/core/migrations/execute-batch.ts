import type {PgClient} from '../database/connect.js';
import {isPostgresError} from './sql-error.js';
import {transactionalFailure} from './execute-step.js';
import type {AnalysedMigration} from './statements.js';
import {batchRowsQuery, markMigrationStartStatement, readRecordedTimes, recordBatchedStatement} from './version-table.js';

/**
 * Consecutive transactional migrations sent as one script, one round trip for all of them:
 * `BEGIN; mark its start; section; INSERT version row; COMMIT;` for each. Every migration still
 * commits on its own with its row: PostgreSQL runs a multi-statement query in order and skips the
 * rest of it at the first error, so the migrations before a failing one stay committed and the
 * failing one is rolled back, exactly as when each is sent alone. What ran is read back from the
 * version table, never inferred. The version rows' values go as a bound parameter
 * (batchRowsQuery), not as SQL text.
 */

/** Sections larger than this together go in separate batches (the whole script is held in memory twice). */
const maxBatchChars = 256 * 1024;
const open = `BEGIN;\n${markMigrationStartStatement};\n`;

/** A step a batch can carry: a transactional up-migration whose text the wire carries as it is (no NUL, which ends a query string). */
export function batchable(step: AnalysedMigration): boolean {
	const {migration} = step;
	return step.direction === 'up' && migration.transaction === 'per-migration' && ![step.section.sql, migration.revision, migration.message, migration.checksum].some((text) => text.includes('\0'));
}

/** The batchable steps from `from` on, at most `size` of them and maxBatchChars of SQL. */
export function takeBatch(plan: readonly AnalysedMigration[], from: number, size: number): AnalysedMigration[] {
	const batch: AnalysedMigration[] = [];
	let chars = 0;
	for (const step of plan.slice(from, from + size)) {
		if (!batchable(step) || (batch.length > 0 && chars + step.section.sql.length > maxBatchChars)) break;
		batch.push(step);
		chars += step.section.sql.length;
	}
	return batch;
}

/** PostgreSQL reports error positions in characters (code points), not UTF-16 units. */
function codePointLength(text: string): number {
	let length = text.length;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0xd8_00 && code <= 0xdb_ff) length--;
	}
	return length;
}

type Segment = {readonly step: AnalysedMigration; /** Code points before the section in the script. */ readonly sectionStart: number; readonly sectionEnd: number};

function batchScript(steps: readonly AnalysedMigration[]): {text: string; segments: Segment[]} {
	const parts: string[] = [];
	const segments: Segment[] = [];
	let position = 0;
	for (const [index, step] of steps.entries()) {
		const tail = `\n;\n${recordBatchedStatement(index)};\nCOMMIT;\n`;
		const sectionStart = position + open.length;
		const sectionEnd = sectionStart + codePointLength(step.section.sql);
		parts.push(open, step.section.sql, tail);
		segments.push({step, sectionStart, sectionEnd});
		position = sectionEnd + codePointLength(tail);
	}
	return {text: parts.join(''), segments};
}

export type BatchOutcome = {
	/** The migrations committed, in order, with the time each took (the server's). */
	readonly applied: ReadonlyArray<{readonly step: AnalysedMigration; readonly durationMs: number}>;
	/** The migrations not committed, the failing one first. */
	readonly rest: readonly AnalysedMigration[];
	/**
	 * The error to report for rest[0]; undefined when rest[0] should be run alone instead (an error
	 * outside its own section, or a lock timeout, which the single-step runner retries).
	 */
	readonly error?: unknown;
};

type ResultRow = {cc_dev_recorded_revision?: unknown; cc_dev_recorded_ms?: unknown};

function recordedTimes(results: unknown): Map<string, number> {
	const times = new Map<string, number>();
	for (const result of Array.isArray(results) ? results : [results]) {
		for (const row of (result as {rows?: ResultRow[]}).rows ?? []) {
			if (typeof row.cc_dev_recorded_revision === 'string') times.set(row.cc_dev_recorded_revision, Number(row.cc_dev_recorded_ms));
		}
	}
	return times;
}

/** Runs a batch (see the top of this file); a failure is reported for the migration it happened in. */
export async function executeBatch(client: PgClient, steps: readonly AnalysedMigration[]): Promise<BatchOutcome> {
	const {text, segments} = batchScript(steps);
	const revisions = steps.map((step) => step.migration.revision);
	let failure: unknown;
	const rows = batchRowsQuery(steps.map((step) => step.migration));
	try {
		// Written together on the pipelining session: one round trip for the rows and the script.
		const [, results] = await Promise.all([client.query(rows.text, [...rows.values]), client.query(text)]);
		const times = recordedTimes(results);
		return {applied: steps.map((step) => ({step, durationMs: times.get(step.migration.revision) ?? 0})), rest: []};
	} catch (error) {
		failure = error;
	}
	// A connection that broke leaves nothing to read back: the error is reported as it is.
	if (!isPostgresError(failure)) throw failure;
	await client.query('ROLLBACK').catch(() => {});
	const recorded = await readRecordedTimes(client, revisions).catch(() => {
		throw failure;
	});
	const committed = steps.findIndex((step) => !recorded.has(step.migration.revision));
	const appliedCount = committed === -1 ? steps.length : committed;
	const applied = steps.slice(0, appliedCount).map((step) => ({step, durationMs: recorded.get(step.migration.revision) ?? 0}));
	const rest = steps.slice(appliedCount);
	const failing = segments[appliedCount];
	if (!failing) return {applied, rest};
	const position = failure.position === undefined ? undefined : Number(failure.position);
	const inSection = position !== undefined && position > failing.sectionStart && position <= failing.sectionEnd + 1;
	// Without a position the error happened while rest[0] ran: the statements before it all succeeded.
	const ownError = inSection || (position === undefined && failure.code !== '55P03');
	if (!ownError) return {applied, rest};
	return {applied, rest, error: await transactionalFailure(client, failing.step, failure, failing.sectionStart)};
}

import type {PgClient} from '../database/connect.js';

export const versionTable = 'cc_dev_migrations';
export const qualifiedVersionTable = `public.${versionTable}`;

/** How a revision came to be recorded. */
export type AppliedHow = 'applied' | 'adopted' | 'stamped' | 'restored';

/** One row of the version table. */
export type AppliedRevision = {
	readonly revision: string;
	readonly message: string;
	/** sha256 of the up section when it was applied. */
	readonly checksum: string;
	readonly appliedAt: Date;
	/** How long the up section took, in milliseconds (0 when adopted or stamped). */
	readonly executionMs: number;
	readonly appliedBy: string;
	readonly how: AppliedHow;
};

export const createVersionTableSql = `CREATE TABLE IF NOT EXISTS ${qualifiedVersionTable} (
    revision character varying(12) NOT NULL,
    message text NOT NULL,
    checksum character(64) NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    execution_ms integer DEFAULT 0 NOT NULL,
    applied_by text DEFAULT CURRENT_USER NOT NULL,
    how text DEFAULT 'applied' NOT NULL,
    CONSTRAINT cc_dev_migrations_pkey PRIMARY KEY (revision)
)`;

/** Which version tables the database has: cc-dev's, and Flask-Migrate's alembic_version. */
export type VersionTables = {readonly versions: boolean; readonly alembic: boolean};

/** Both tables' existence in one query (one round trip). */
export async function probeVersionTables(client: PgClient): Promise<VersionTables> {
	const result = await client.query<VersionTables>(`select to_regclass('${qualifiedVersionTable}') is not null as versions, to_regclass('public.alembic_version') is not null as alembic`);
	return {versions: result.rows[0]?.versions ?? false, alembic: result.rows[0]?.alembic ?? false};
}

type Row = {revision: string; message: string; checksum: string; applied_at: Date; execution_ms: number; applied_by: string; how: AppliedHow};

/** The version table's rows, oldest first; the table must exist (probeVersionTables). */
export async function readAppliedRows(client: PgClient): Promise<AppliedRevision[]> {
	const result = await client.query<Row>(`select revision, message, checksum, applied_at, execution_ms, applied_by, how from ${qualifiedVersionTable} order by applied_at, revision`);
	return result.rows.map((row) => ({
		revision: row.revision,
		message: row.message,
		checksum: row.checksum,
		appliedAt: row.applied_at,
		executionMs: row.execution_ms,
		appliedBy: row.applied_by,
		how: row.how,
	}));
}

/** A query whose values travel as bound parameters, never inside the SQL text. */
export type BoundQuery = {readonly name?: string; readonly text: string; readonly values: readonly unknown[]};

/** What a version-table row records about a migration. */
export type RecordedMigration = {readonly revision: string; readonly message: string; readonly checksum: string};

const elapsedSql = '(extract(epoch from clock_timestamp() - transaction_timestamp()) * 1000)::integer';

/**
 * Records one applied migration, timed by the server from the start of its transaction. A named
 * statement: parsed once per session, then only bound and executed.
 */
export function recordAppliedQuery(migration: RecordedMigration): BoundQuery {
	return {
		name: 'cc_dev_record_applied',
		text: `INSERT INTO ${qualifiedVersionTable} (revision, message, checksum, execution_ms, how) VALUES ($1, $2, $3, ${elapsedSql}, 'applied')`,
		values: [migration.revision, migration.message, migration.checksum],
	};
}

/**
 * A batch sends many migrations in one message, and PostgreSQL starts each of their transactions at
 * the time the message arrived: now() and transaction_timestamp() would give every migration of a
 * batch the batch's start. Each migration's own start is kept in a transaction-local setting
 * instead, set by this statement right after its BEGIN.
 */
export const markMigrationStartStatement = "SELECT set_config('cc_dev.migration_started', clock_timestamp()::text, true) AS cc_dev_started";
const migrationStartSql = "coalesce(nullif(current_setting('cc_dev.migration_started', true), '')::timestamptz, now())";

/**
 * The rows a batch will record, bound as one JSON parameter into a session setting, sent with the
 * batch: a multi-statement query cannot bind values, and version-table values are never written
 * into SQL text. recordBatchedStatement reads its row back from there by position.
 */
export function batchRowsQuery(migrations: readonly RecordedMigration[]): BoundQuery {
	const rows = migrations.map(({revision, message, checksum}) => ({revision, message, checksum}));
	return {text: "SELECT set_config('cc_dev.batch_rows', $1, false)", values: [JSON.stringify(rows)]};
}

/**
 * recordAppliedQuery for the migration at `position` of a batch (execute-batch.ts): its values from
 * batchRowsQuery's setting, timed from markMigrationStartStatement, returning the revision and the
 * time under names no migration's own statements would return.
 */
export function recordBatchedStatement(position: number): string {
	if (!Number.isInteger(position) || position < 0) throw new Error(`Not a batch position: ${position}`);
	const elapsed = `(extract(epoch from clock_timestamp() - ${migrationStartSql}) * 1000)::integer`;
	return [
		`INSERT INTO ${qualifiedVersionTable} (revision, message, checksum, applied_at, execution_ms, how)`,
		`SELECT r.revision, r.message, r.checksum, ${migrationStartSql}, ${elapsed}, 'applied'`,
		`FROM json_to_record(current_setting('cc_dev.batch_rows')::json -> ${position}) AS r(revision text, message text, checksum text)`,
		'RETURNING revision AS cc_dev_recorded_revision, execution_ms AS cc_dev_recorded_ms',
	].join(' ');
}

/** Which of these revisions the version table records, with the time each took. */
export async function readRecordedTimes(client: PgClient, revisions: readonly string[]): Promise<Map<string, number>> {
	const result = await client.query<{revision: string; execution_ms: number}>(`SELECT revision, execution_ms FROM ${qualifiedVersionTable} WHERE revision = ANY($1::text[])`, [[...revisions]]);
	return new Map(result.rows.map((row) => [row.revision, Number(row.execution_ms)]));
}

/** Records many revisions at once (adopted, stamped, restored), in one statement. */
export function recordRevisionsQuery(migrations: readonly RecordedMigration[], how: Exclude<AppliedHow, 'applied'>): BoundQuery {
	return {
		text: `INSERT INTO ${qualifiedVersionTable} (revision, message, checksum, execution_ms, how)
			SELECT r.revision, r.message, r.checksum, 0, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS r(revision, message, checksum)`,
		values: [migrations.map((migration) => migration.revision), migrations.map((migration) => migration.message), migrations.map((migration) => migration.checksum), how],
	};
}

/** Forgets revisions (a reverted migration, a stamp). */
export function forgetRevisionsQuery(revisions: readonly string[]): BoundQuery {
	return {name: 'cc_dev_forget', text: `DELETE FROM ${qualifiedVersionTable} WHERE revision = ANY($1::text[])`, values: [revisions]};
}

/** A SQL string literal, as read with standard_conforming_strings on (for scripts shown to people only). */
function literal(value: unknown): string {
	if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]`;
	return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * A bound query as one SQL statement with its values written in (preview, deploy --dry-run): a
 * script people read and may run with psql. The runner never sends this text; it binds the values.
 */
export function inlineBoundQuery(query: BoundQuery): string {
	return query.text.replace(/\s*\n\s*/g, ' ').replace(/\$(\d+)/g, (_, index: string) => literal(query.values[Number(index) - 1]));
}

/** The revision Flask-Migrate recorded in alembic_version; the table must exist (probeVersionTables). */
export async function readAlembicRevision(client: PgClient): Promise<string | undefined> {
	const result = await client.query<{version_num: string}>('select version_num from public.alembic_version limit 1');
	return result.rows[0]?.version_num;
}

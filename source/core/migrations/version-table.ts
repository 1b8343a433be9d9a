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

/** A SQL string literal (standard_conforming_strings on). */
export function quoteLiteral(value: string): string {
	if (value.includes('\u0000')) throw new Error('NUL characters cannot appear in SQL literals');
	return `'${value.replace(/'/g, "''")}'`;
}

export async function versionTableExists(client: PgClient): Promise<boolean> {
	const result = await client.query<{exists: boolean}>(`select to_regclass('${qualifiedVersionTable}') is not null as exists`);
	return result.rows[0]?.exists ?? false;
}

export async function ensureVersionTable(client: PgClient): Promise<void> {
	if (!(await versionTableExists(client))) await client.query(createVersionTableSql);
}

type Row = {revision: string; message: string; checksum: string; applied_at: Date; execution_ms: number; applied_by: string; how: AppliedHow};

export async function readApplied(client: PgClient): Promise<AppliedRevision[]> {
	if (!(await versionTableExists(client))) return [];
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

/** The statement that records a revision, timed by the server from the start of its transaction. */
export function insertRevisionSql(revision: string, message: string, checksum: string, how: AppliedHow, timed: boolean): string {
	const elapsed = timed ? `(extract(epoch from clock_timestamp() - transaction_timestamp()) * 1000)::integer` : '0';
	return `INSERT INTO ${qualifiedVersionTable} (revision, message, checksum, execution_ms, how) VALUES (${quoteLiteral(revision)}, ${quoteLiteral(message)}, ${quoteLiteral(checksum)}, ${elapsed}, ${quoteLiteral(how)})`;
}

export function deleteRevisionSql(revision: string): string {
	return `DELETE FROM ${qualifiedVersionTable} WHERE revision = ${quoteLiteral(revision)}`;
}

/** The revision Flask-Migrate recorded, when the database still has alembic_version. */
export async function readAlembicRevision(client: PgClient): Promise<string | undefined> {
	const exists = await client.query<{exists: boolean}>(`select to_regclass('public.alembic_version') is not null as exists`);
	if (!exists.rows[0]?.exists) return undefined;
	const result = await client.query<{version_num: string}>('select version_num from public.alembic_version limit 1');
	return result.rows[0]?.version_num;
}

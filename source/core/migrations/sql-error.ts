import {FailureError} from '../errors.js';
import {redact} from '../redact.js';
import type {Section} from './migration.js';
import {positionAt} from './text-position.js';

/** The fields PostgreSQL sends with an error (pg's DatabaseError). */
export type PostgresError = Error & {
	code?: string;
	detail?: string;
	hint?: string;
	position?: string;
	where?: string;
	table?: string;
	constraint?: string;
};

export function isPostgresError(error: unknown): error is PostgresError {
	return error instanceof Error && typeof (error as PostgresError).code === 'string' && /^[0-9A-Z]{5}$/.test((error as PostgresError).code!);
}

/** A statement of a migration failed: where (file:line:column), PostgreSQL's message, detail and hint. */
export class MigrationSqlError extends FailureError {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly sqlState: string | undefined;
	readonly detail: string | undefined;
	readonly postgresHint: string | undefined;
	/** The failing line of SQL with a caret under the column. */
	readonly excerpt: string;

	constructor(properties: {file: string; line: number; column: number; message: string; sqlState?: string; detail?: string; postgresHint?: string; excerpt: string; hint: string; cause: unknown}) {
		super(`${properties.file}:${properties.line}:${properties.column}: ${properties.message}`, {hint: properties.hint, cause: properties.cause});
		this.file = properties.file;
		this.line = properties.line;
		this.column = properties.column;
		this.sqlState = properties.sqlState;
		this.detail = properties.detail;
		this.postgresHint = properties.postgresHint;
		this.excerpt = properties.excerpt;
	}
}

function excerptAt(text: string, line: number, column: number): string {
	const source = text.split('\n')[line - 1]?.replace(/\r$/, '') ?? '';
	return `${String(line).padStart(5)} | ${source}\n      | ${' '.repeat(Math.max(column - 1, 0))}^`;
}

/**
 * Locates a PostgreSQL error in the migration file. `position` (1-based, in characters) is
 * relative to the statement that was sent; without one, the statement's first character is used.
 */
export function toMigrationSqlError(error: PostgresError, fileName: string, fileText: string, section: Section, statement: {readonly start: number}, outcome: string): MigrationSqlError {
	const withinStatement = error.position ? Math.max(Number(error.position) - 1, 0) : 0;
	const sectionOffset = statement.start + withinStatement;
	const {line, column} = positionAt(fileText, section.offset + sectionOffset);
	const postgresLines = [error.detail ? `DETAIL: ${error.detail}` : '', error.hint ? `HINT: ${error.hint}` : ''].filter(Boolean);
	return new MigrationSqlError({
		file: fileName,
		line,
		column,
		message: redact(error.message),
		sqlState: error.code,
		detail: error.detail,
		postgresHint: error.hint,
		excerpt: excerptAt(fileText, line, column),
		hint: [...postgresLines, outcome].join('\n'),
		cause: error,
	});
}

import {InputError} from '../errors.js';
import {parseSqlCancellable} from '../sql/parse-sql.js';
import type {Migration, Section} from './migration.js';
import {pinnedSetting} from './pinned-settings.js';
import {analyseSection, type AnalysedStatement, type AnalysisCache} from './section-analysis.js';
import {positionAt} from './text-position.js';

/** One SQL statement of a section, located by character offsets within the section. */
export type Statement = {
	readonly sql: string;
	readonly start: number;
	readonly end: number;
	/** The parse tree node type, e.g. IndexStmt. */
	readonly kind: string;
	readonly node: Record<string, unknown>;
};

/** file:line:column of a character offset in a section. */
function sectionLocation(fileName: string, section: Section, offset: number): string {
	const where = positionAt(section.sql, offset);
	return `${fileName}:${section.line + where.line - 1}:${where.line === 1 ? section.column + where.column - 1 : where.column}`;
}

/**
 * Splits a section into statements with the real PostgreSQL parser; a syntax error names
 * file:line:column. `keep` turns each statement into what the caller needs as soon as it is parsed
 * (the analysis keeps no parse trees); `signal` cancels the parse of a large section between pieces.
 */
export async function splitStatements<T = Statement>(section: Section, fileName: string, options: {readonly keep?: (statement: Statement) => T; readonly signal?: AbortSignal} = {}): Promise<T[]> {
	const keep = options.keep ?? ((statement: Statement) => statement as T);
	const parsed = await parseSqlCancellable(
		section.sql,
		(statement) =>
			keep({
				sql: section.sql.slice(statement.start, statement.end),
				start: statement.start,
				end: statement.end,
				kind: statement.kind,
				node: (statement.node as unknown as Record<string, Record<string, unknown>>)[statement.kind] ?? {},
			}),
		options.signal,
	);
	if (!parsed.ok) {
		throw new InputError(`${sectionLocation(fileName, section, parsed.offset)}: ${parsed.message}`, {hint: 'Fix the SQL at that position.'});
	}
	return [...parsed.statements];
}

/** Why a statement cannot run inside a transaction block, or undefined when it can. */
export function nonTransactionalReason(statement: Statement): string | undefined {
	const node = statement.node;
	switch (statement.kind) {
		case 'IndexStmt':
			return node['concurrent'] ? 'CREATE INDEX CONCURRENTLY' : undefined;
		case 'DropStmt':
			return node['concurrent'] ? 'DROP INDEX CONCURRENTLY' : undefined;
		case 'ReindexStmt':
			return JSON.stringify(node['params'] ?? []).includes('"concurrently"') ? 'REINDEX CONCURRENTLY' : undefined;
		case 'VacuumStmt':
			return node['is_vacuumcmd'] ? 'VACUUM' : undefined;
		case 'CreatedbStmt':
			return 'CREATE DATABASE';
		case 'DropdbStmt':
			return 'DROP DATABASE';
		case 'AlterSystemStmt':
			return 'ALTER SYSTEM';
		case 'CreateTableSpaceStmt':
			return 'CREATE TABLESPACE';
		default:
			return undefined;
	}
}

export type AnalysedMigration = {
	readonly migration: Migration;
	readonly direction: 'up' | 'down';
	readonly section: Section;
	readonly statements: readonly AnalysedStatement[];
};

export function locationOf(migration: Migration, section: Section, offset: number): string {
	return sectionLocation(migration.fileName, section, offset);
}

/**
 * Checks a migration's section can run in its transaction mode: statements that cannot run in a
 * transaction, and BEGIN/COMMIT in a migration that cc-dev already wraps, are reported before
 * anything runs, and so are syntax errors (exit 2, nothing changed). With a cache, a section
 * analysed before is not parsed again (section-analysis.ts).
 */
export async function analyseMigration(migration: Migration, direction: 'up' | 'down', cache?: AnalysisCache, signal?: AbortSignal): Promise<AnalysedMigration> {
	const section = direction === 'up' ? migration.up : migration.down!;
	const transactional = migration.transaction === 'per-migration';
	const statements = await analyseSection(section, migration.fileName, cache, signal);
	for (const statement of statements) {
		if (statement.pinnedSettingChange) {
			throw new InputError(`${locationOf(migration, section, statement.start)}: the statement ${statement.pinnedSettingChange}; cc-dev keeps ${pinnedSetting} on in every session.`, {
				hint: `Remove it: with ${pinnedSetting} off, a backslash in a string literal changes where statements end, so what runs would differ from what was checked. Write E'...' literals for backslash escapes instead.`,
			});
		}
	}
	if (transactional) {
		for (const statement of statements) {
			const reason = statement.nonTransactional;
			if (reason) {
				throw new InputError(`${locationOf(migration, section, statement.start)}: ${reason} cannot run inside a transaction, and this migration runs in one.`, {
					hint: 'Declare "-- Transaction: none" in its header and keep the statement on its own (one non-transactional step per migration).',
				});
			}
			if (statement.kind === 'TransactionStmt') {
				throw new InputError(`${locationOf(migration, section, statement.start)}: a transaction command (${statement.sql.split(/\s/)[0]}) inside a migration that cc-dev already runs in a transaction.`, {
					hint: 'Remove BEGIN/COMMIT: each migration runs in its own transaction (or declare "-- Transaction: none" to manage it yourself).',
				});
			}
		}
	}
	return {migration, direction, section, statements};
}

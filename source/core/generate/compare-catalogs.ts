import type {ConnectionTarget} from '../database/target.js';
import {diffComments} from './comments.js';
import {readCatalog, type Catalog} from './read-catalog.js';
import {engineStatements} from './schema-engine.js';

/**
 * What still differs between two catalogs: the statements that would turn `actual` into
 * `expected` (engine and comments). Empty when they are the same schema.
 */
export async function remainingDifferences(actual: Catalog, expected: Catalog): Promise<string[]> {
	const statements = await engineStatements(actual.engine, expected.engine);
	const comments = diffComments(actual.comments, expected.comments, expected.engine);
	return [...statements, ...comments.statements.map((statement) => statement.sql), ...comments.unsupported.map((comment) => `-- comment on ${comment.type} ${comment.identity}`)];
}

/** The statements that turn the schema of `expected` into that of `actual` (read-only on both): drift's catalog comparison. */
export async function catalogChanges(expected: ConnectionTarget, actual: ConnectionTarget, waitMs: number): Promise<string[]> {
	const [from, to] = await Promise.all([readCatalog(expected, {waitMs}), readCatalog(actual, {waitMs})]);
	return remainingDifferences(from, to);
}

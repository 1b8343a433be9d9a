import {diffComments} from './comments.js';
import type {Catalog} from './read-catalog.js';
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

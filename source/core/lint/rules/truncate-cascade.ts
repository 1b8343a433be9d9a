import {formatName, namesOfRangeVars, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

export const truncateCascade: StatementRule = {
	id: 'truncate-cascade',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'TRUNCATE ... CASCADE.',
	why: 'CASCADE also empties every table with a foreign key to the truncated ones, and the tables referencing those, recursively: with a -> b -> c, truncating a empties b and c too, including tables the migration never names.',
	fix: 'Remove CASCADE and name every table to empty in the TRUNCATE itself, so the statement fails instead of silently emptying a table you did not list.',
	check(statement, context) {
		const truncate = nodeAs(statement.node, 'TruncateStmt');
		if (truncate?.behavior !== 'DROP_CASCADE') return [];
		const tables = namesOfRangeVars(truncate.relations);
		if (tables.length > 0 && tables.every((table) => context.isNewTable(table))) return [];
		return [{message: `TRUNCATE ${tables.map((table) => formatName(table)).join(', ')} CASCADE also empties every table that references them, recursively.`}];
	},
};

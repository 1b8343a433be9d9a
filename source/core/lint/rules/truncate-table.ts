import {formatName, namesOfRangeVars, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

export const truncateTable: StatementRule = {
	id: 'truncate-table',
	kind: 'statement',
	severity: 'warning',
	sections: 'up',
	summary: 'TRUNCATE of a table that existed before the migration.',
	why: 'TRUNCATE deletes every row at once under an ACCESS EXCLUSIVE lock (every read and write waits for it), and the running release loses the data it expects: a deploy to production empties the production table.',
	fix: 'If the data really must go, say why with a suppression (-- cc-dev-lint-disable truncate-table: reason). To remove some rows, DELETE them in batches instead.',
	check(statement, context) {
		const truncate = nodeAs(statement.node, 'TruncateStmt');
		if (!truncate || truncate.behavior === 'DROP_CASCADE') return [];
		const tables = namesOfRangeVars(truncate.relations).filter((table) => !context.isNewTable(table));
		if (tables.length === 0) return [];
		return [{message: `TRUNCATE ${tables.map((table) => formatName(table)).join(', ')} deletes every row under an ACCESS EXCLUSIVE lock.`}];
	},
};

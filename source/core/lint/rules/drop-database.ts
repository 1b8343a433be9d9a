import {formatName, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

export const dropDatabase: StatementRule = {
	id: 'drop-database',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'DROP DATABASE in a migration.',
	why: 'A migration runs against every environment it is deployed to, production included: DROP DATABASE destroys a whole database and all its data for good (and cannot run inside a transaction, so nothing rolls it back).',
	fix: 'Drop databases by hand, deliberately, outside migrations (and take a backup first). A migration changes the schema of the database it runs in.',
	check(statement) {
		const drop = nodeAs(statement.node, 'DropdbStmt');
		if (!drop) return [];
		return [{message: `DROP DATABASE ${formatName(drop.dbname ?? '')} destroys a whole database.`}];
	},
};

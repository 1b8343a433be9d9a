import {formatName, nameOfList, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

export const enumValueInTransaction: StatementRule = {
	id: 'enum-value-in-transaction',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'ALTER TYPE ... ADD VALUE in a migration that cc-dev runs inside a transaction.',
	why: 'The new value cannot be used until the transaction that added it commits: any later statement of this migration that uses it fails ("unsafe use of new value"), and PostgreSQL before 12 refuses ADD VALUE in a transaction at all.',
	fix: 'Put ALTER TYPE ... ADD VALUE IF NOT EXISTS in a migration of its own with the header "-- Transaction: none", and use the new value in later migrations.',
	check(statement, context) {
		const alter = nodeAs(statement.node, 'AlterEnumStmt');
		if (!alter || alter.newVal === undefined || !context.transactional) return [];
		const type = nameOfList(alter.typeName);
		if (!type || context.created.types.has(type)) return [];
		return [{message: `ALTER TYPE ${formatName(type)} ADD VALUE '${alter.newVal}' runs inside the migration's transaction (Transaction: per-migration).`}];
	},
};

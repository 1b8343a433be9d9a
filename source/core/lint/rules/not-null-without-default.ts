import {addedColumnsOf, constraintsOf, formatName, isSerialType, typeInfoOf} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

const filled = new Set(['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED']);

export const notNullWithoutDefault: StatementRule = {
	id: 'not-null-without-default',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'A NOT NULL column added to an existing table without a default.',
	why: 'Existing rows would get NULL in the new column, so the statement fails as soon as the table has a row ("column contains null values"); and instances of the old release, which do not know the column, fail on every INSERT into the table.',
	fix: 'Give the column a constant DEFAULT (PostgreSQL 11+ adds it without rewriting the table), or add it nullable, backfill it in batches, and enforce NOT NULL later with CHECK (column IS NOT NULL) NOT VALID + VALIDATE CONSTRAINT.',
	check(statement, context) {
		const reports: RuleReport[] = [];
		for (const {table, column} of addedColumnsOf(statement.node)) {
			if (context.isNewTable(table)) continue;
			const constraints = constraintsOf(column);
			const notNull = constraints.some((constraint) => constraint.contype === 'CONSTR_NOTNULL' || constraint.contype === 'CONSTR_PRIMARY');
			if (!notNull) continue;
			if (constraints.some((constraint) => filled.has(constraint.contype ?? '')) || isSerialType(typeInfoOf(column.typeName))) continue;
			reports.push({
				message: `Column ${formatName(column.colname ?? '')} added to ${formatName(table)} as NOT NULL without a default.`,
				location: column.location,
			});
		}
		return reports;
	},
};

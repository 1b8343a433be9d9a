import type {Node} from 'libpg-query';
import {formatName, walk} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';
import {describeTransaction} from '../transactions.js';

/** Where the statement writes a string literal that is one of `values`, with its byte location. */
function usesOf(node: Node, values: ReadonlyMap<string, string>): Array<{value: string; location: number | undefined}> {
	const found: Array<{value: string; location: number | undefined}> = [];
	walk(node, (kind, body) => {
		if (kind !== 'A_Const') return;
		const value = (body as {sval?: {sval?: string}}).sval?.sval;
		if (value !== undefined && values.has(value)) found.push({value, location: (body as {location?: number}).location});
	});
	return found;
}

export const enumValueInTransaction: StatementRule = {
	id: 'enum-value-in-transaction',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'An enum value used in the transaction that added it (ALTER TYPE ... ADD VALUE).',
	why: 'PostgreSQL 12+ lets ALTER TYPE ... ADD VALUE run in a transaction, but the new value cannot be used until that transaction commits: the statement that uses it fails ("unsafe use of new value") and the migration with it.',
	fix: 'Add the value in one migration and use it in a later one (or, in a file that manages its own transactions, after the COMMIT). Write ADD VALUE IF NOT EXISTS so the step can be re-run.',
	check(statement, context) {
		const added = context.transaction.work.enumValues;
		if (!context.transaction.inside || added.size === 0) return [];
		const reports: RuleReport[] = [];
		const seen = new Set<string>();
		for (const use of usesOf(statement.node, added)) {
			if (seen.has(use.value)) continue;
			seen.add(use.value);
			reports.push({
				message: `'${use.value}' is used in the transaction that added it to the enum ${formatName(added.get(use.value)!)} (${describeTransaction(context.transaction, context.plainSql)}).`,
				location: use.location,
			});
		}
		return reports;
	},
};


import {formatName, nameOfRangeVar, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';
import {describeTransaction} from '../transactions.js';

export const updateInAlterTransaction: StatementRule = {
	id: 'update-in-alter-transaction',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'An UPDATE backfill in the same transaction as the ALTER TABLE that added its column (or otherwise altered the table).',
	why: 'ALTER TABLE takes its lock (ACCESS EXCLUSIVE for ADD COLUMN) until the transaction commits: an UPDATE after it in the same transaction keeps every read and write of the table waiting for the whole backfill, minutes on a large table.',
	fix: 'Commit the ALTER TABLE first: put the backfill in a later migration (or a job), in batches of a few thousand rows, each in its own transaction.',
	check(statement, context) {
		if (!context.transaction.inside) return [];
		const update = nodeAs(statement.node, 'UpdateStmt');
		const table = nameOfRangeVar(update?.relation);
		if (!update || !table) return [];
		const alteredOn = context.transaction.work.alteredTables.get(table.name);
		if (alteredOn === undefined) return [];
		const assignsNewColumn = (update.targetList ?? []).some((node) => {
			const name = nodeAs(node, 'ResTarget')?.name;
			return name !== undefined && context.transaction.work.addedColumns.has(`${table.name}.${name}`);
		});
		// A targeted fix-up of existing columns (with WHERE) is not a backfill.
		if (!assignsNewColumn && update.whereClause !== undefined) return [];
		const what = assignsNewColumn ? 'backfills a column added' : 'rewrites every row of a table altered';
		return [
			{
				message: `UPDATE ${formatName(table)} ${what} by the ALTER TABLE on line ${alteredOn}, in the same transaction (${describeTransaction(context.transaction, context.plainSql)}): the ALTER's lock is held for the whole update.`,
			},
		];
	},
};

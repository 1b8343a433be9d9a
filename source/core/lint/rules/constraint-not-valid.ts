import type {Constraint} from 'libpg-query';
import {alterTableOf, constraintsOf, formatName, nodeAs} from '../ast.js';
import type {ObjectName} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';
import {describeTransaction} from '../transactions.js';

const foreignKeyWhy =
	'Adding a foreign key checks every existing row while holding a SHARE ROW EXCLUSIVE lock on both tables: inserts, updates and deletes on them wait for the whole scan.';
const checkWhy = 'Adding a CHECK constraint scans every existing row while holding an ACCESS EXCLUSIVE lock: every read and write on the table waits for the whole scan.';
const validateWhy =
	'The constraint was added NOT VALID in this same transaction, so the ADD CONSTRAINT lock is still held while VALIDATE scans the table: the scan blocks the table exactly as a plain ADD CONSTRAINT would.';

function describe(constraint: Constraint, table: ObjectName): string {
	const kind = constraint.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK';
	const name = constraint.conname === undefined ? '' : ` ${formatName(constraint.conname)}`;
	return `${kind} constraint${name} added to ${formatName(table)} without NOT VALID.`;
}

function needsNotValid(constraint: Constraint): boolean {
	return (constraint.contype === 'CONSTR_FOREIGN' || constraint.contype === 'CONSTR_CHECK') && !constraint.skip_validation;
}

/** Column constraints that fill existing rows with a value: with one of them, a REFERENCES of the new column is checked. */
const valueGiving = new Set(['CONSTR_DEFAULT', 'CONSTR_GENERATED', 'CONSTR_IDENTITY']);

export const constraintNotValid: StatementRule = {
	id: 'constraint-not-valid',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'FOREIGN KEY or CHECK constraint added to an existing table without NOT VALID (or validated in the transaction that added it).',
	why: checkWhy,
	fix: 'Add the constraint with NOT VALID (new rows are checked at once, the lock is brief), then run ALTER TABLE ... VALIDATE CONSTRAINT in a later migration: validation takes a SHARE UPDATE EXCLUSIVE lock that lets reads and writes continue.',
	check(statement, context) {
		const alter = alterTableOf(statement.node);
		if (!alter || context.isNewTable(alter.table)) return [];
		const reports: RuleReport[] = [];
		for (const command of alter.commands) {
			if (command.subtype === 'AT_AddConstraint') {
				const constraint = nodeAs(command.def, 'Constraint');
				if (constraint && needsNotValid(constraint)) {
					reports.push({
						message: describe(constraint, alter.table),
						location: constraint.location,
						why: constraint.contype === 'CONSTR_FOREIGN' ? foreignKeyWhy : checkWhy,
					});
				}
			} else if (command.subtype === 'AT_AddColumn') {
				const column = nodeAs(command.def, 'ColumnDef');
				const constraints = column ? constraintsOf(column) : [];
				// PostgreSQL skips checking a REFERENCES of a new column without a DEFAULT clause: every row holds NULL.
				const allNull = !constraints.some((constraint) => valueGiving.has(constraint.contype ?? ''));
				for (const constraint of constraints) {
					if (!needsNotValid(constraint) || (allNull && constraint.contype === 'CONSTR_FOREIGN')) continue;
					reports.push({
						message: `${describe(constraint, alter.table).replace(/\.$/, '')} (on the new column ${formatName(column?.colname ?? '')}).`,
						location: constraint.location,
						why: constraint.contype === 'CONSTR_FOREIGN' ? foreignKeyWhy : checkWhy,
						fix: 'Add the column without the constraint, then add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a later migration.',
					});
				}
			} else if (command.subtype === 'AT_ValidateConstraint' && command.name !== undefined && context.transaction.inside) {
				if (context.transaction.work.notValid.has(`${alter.table.name}.${command.name}`)) {
					reports.push({
						message: `VALIDATE CONSTRAINT ${formatName(command.name)} runs in the same transaction that added it NOT VALID (${describeTransaction(context.transaction, context.plainSql)}).`,
						why: validateWhy,
						fix: 'Move VALIDATE CONSTRAINT to a later migration (in a file that manages its own transactions: after the COMMIT), so the ADD CONSTRAINT ... NOT VALID commits (and releases its lock) first.',
					});
				}
			}
		}
		return reports;
	},
};

import type {Constraint} from 'libpg-query';
import {alterTableOf, constraintsOf, formatName, nodeAs} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

const kinds: Readonly<Record<string, string>> = {
	CONSTR_PRIMARY: 'PRIMARY KEY',
	CONSTR_UNIQUE: 'UNIQUE',
	CONSTR_EXCLUSION: 'EXCLUDE',
};

const exclusionFix =
	'An exclusion constraint cannot be attached from an index built concurrently: create it together with the table, or add it in a maintenance window (and suppress this finding with the reason).';

function indexBuilding(constraint: Constraint): string | undefined {
	const kind = kinds[constraint.contype ?? ''];
	return kind === undefined || constraint.indexname !== undefined ? undefined : kind;
}

export const addPrimaryKeyOrUnique: StatementRule = {
	id: 'add-primary-key-or-unique',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'PRIMARY KEY, UNIQUE or EXCLUDE constraint added to an existing table, building its index in place.',
	why: 'The constraint builds its index while holding an ACCESS EXCLUSIVE lock (a PRIMARY KEY also checks every row for NULL): nobody can read or write the table until the build is done.',
	fix: 'Build the index first with CREATE UNIQUE INDEX CONCURRENTLY in a migration with "-- Transaction: none", then attach it: ALTER TABLE ... ADD CONSTRAINT name PRIMARY KEY USING INDEX index_name (or UNIQUE USING INDEX), which only takes the lock briefly.',
	check(statement, context) {
		const alter = alterTableOf(statement.node);
		if (!alter || context.isNewTable(alter.table)) return [];
		const reports: RuleReport[] = [];
		const report = (constraint: Constraint, kind: string, column?: string): void => {
			const name = constraint.conname === undefined ? '' : ` ${formatName(constraint.conname)}`;
			const on = column === undefined ? formatName(alter.table) : `the new column ${formatName(alter.table)}.${formatName(column)}`;
			reports.push({
				message: `${kind} constraint${name} added to ${on}, building its index under an ACCESS EXCLUSIVE lock.`,
				location: constraint.location,
				...(constraint.contype === 'CONSTR_EXCLUSION' ? {fix: exclusionFix} : {}),
			});
		};
		for (const command of alter.commands) {
			if (command.subtype === 'AT_AddConstraint') {
				const constraint = nodeAs(command.def, 'Constraint');
				const kind = constraint && indexBuilding(constraint);
				if (constraint && kind) report(constraint, kind);
			} else if (command.subtype === 'AT_AddColumn') {
				const column = nodeAs(command.def, 'ColumnDef');
				for (const constraint of column ? constraintsOf(column) : []) {
					const kind = indexBuilding(constraint);
					if (kind) report(constraint, kind, column?.colname);
				}
			}
		}
		return reports;
	},
};

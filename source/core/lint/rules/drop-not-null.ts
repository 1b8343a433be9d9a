import {alterTableOf, formatName} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

export const dropNotNull: StatementRule = {
	id: 'drop-not-null',
	kind: 'statement',
	severity: 'warning',
	sections: 'up',
	summary: 'ALTER COLUMN ... DROP NOT NULL on an existing column.',
	why: 'The release still running (and code rolled back to it) was written for a column that is never NULL: once new code starts writing NULLs, the old code can crash on them, and a rollback of the migration fails until every NULL is filled.',
	fix: 'Make sure every reader handles NULL first (ship that release), then drop the constraint in a later migration. Suppress this warning with the reason once that is done.',
	check(statement, context) {
		const alter = alterTableOf(statement.node);
		if (!alter || context.isNewTable(alter.table)) return [];
		const reports: RuleReport[] = [];
		for (const command of alter.commands) {
			if (command.subtype !== 'AT_DropNotNull' || command.name === undefined) continue;
			if (context.created.columns.has(`${alter.table.name}.${command.name}`)) continue;
			reports.push({message: `${formatName(alter.table)}.${formatName(command.name)} may now be NULL: code of the old release may assume it never is.`});
		}
		return reports;
	},
};

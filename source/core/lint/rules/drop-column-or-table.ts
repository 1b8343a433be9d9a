import {alterTableOf, formatName, nameOfList, nodeAs} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

export const dropColumnOrTable: StatementRule = {
	id: 'drop-column-or-table',
	kind: 'statement',
	severity: 'warning',
	sections: 'up',
	summary: 'A table or column dropped: code of the old release may still use it.',
	why: 'During a deploy (and after a code rollback) the old release still runs and may read or write it: its queries fail. The data is gone for good; a down migration can recreate the column, not its values.',
	fix: 'Stop using it first: remove it from the code (and ORM models) in one release, deploy, then drop it in a migration of a later release. Keep a backup if the data may be needed.',
	check(statement, context) {
		const drop = nodeAs(statement.node, 'DropStmt');
		if (drop) {
			if (drop.removeType !== 'OBJECT_TABLE') return [];
			const names = (drop.objects ?? []).flatMap((object) => {
				const name = nameOfList(nodeAs(object, 'List')?.items);
				return name && !context.isNewTable(name) ? [formatName(name)] : [];
			});
			if (names.length === 0) return [];
			return [{message: `DROP TABLE ${names.join(', ')}: code of the old release may still use ${names.length > 1 ? 'them' : 'it'}.`}];
		}
		const alter = alterTableOf(statement.node);
		if (!alter || context.isNewTable(alter.table)) return [];
		const reports: RuleReport[] = [];
		for (const command of alter.commands) {
			if (command.subtype !== 'AT_DropColumn' || command.name === undefined) continue;
			if (context.created.columns.has(`${alter.table.name}.${command.name}`)) continue;
			reports.push({message: `Column ${formatName(alter.table)}.${formatName(command.name)} dropped: code of the old release may still use it.`});
		}
		return reports;
	},
};

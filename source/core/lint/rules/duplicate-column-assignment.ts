import type {Node} from 'libpg-query';
import {formatName, nodeAs, walk} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

type Target = {readonly name: string; readonly partial: boolean; readonly location: number | undefined};

/** Column targets of a list of ResTarget nodes (UPDATE SET, INSERT's column list). */
function resTargets(nodes: readonly Node[] | undefined): Target[] {
	const targets: Target[] = [];
	for (const node of nodes ?? []) {
		const target = nodeAs(node, 'ResTarget');
		if (target?.name !== undefined) targets.push({name: target.name, partial: (target.indirection?.length ?? 0) > 0, location: target.location});
	}
	return targets;
}

/** Column definitions of a CREATE TABLE. */
function columnDefinitions(nodes: readonly Node[] | undefined): Target[] {
	const targets: Target[] = [];
	for (const node of nodes ?? []) {
		const column = nodeAs(node, 'ColumnDef');
		if (column?.colname !== undefined) targets.push({name: column.colname, partial: false, location: column.location});
	}
	return targets;
}

/** Plain names (a view's or CREATE TABLE AS's column list). */
function names(nodes: readonly Node[] | undefined): Target[] {
	const targets: Target[] = [];
	for (const node of nodes ?? []) {
		const name = nodeAs(node, 'String')?.sval;
		if (name !== undefined) targets.push({name, partial: false, location: undefined});
	}
	return targets;
}

/** The lists of one statement (and its sub-statements) where a column may appear once. */
function columnLists(statement: Node): Array<{what: string; targets: Target[]}> {
	const lists: Array<{what: string; targets: Target[]}> = [];
	walk([statement], (kind, body) => {
		switch (kind) {
			case 'UpdateStmt':
				lists.push({what: 'assigned', targets: resTargets((body as {targetList?: Node[]}).targetList)});
				break;
			case 'MergeWhenClause':
				lists.push({what: 'assigned', targets: resTargets((body as {targetList?: Node[]}).targetList)});
				break;
			case 'InsertStmt': {
				const insert = body as {cols?: Node[]; onConflictClause?: {targetList?: Node[]}};
				lists.push({what: 'listed', targets: resTargets(insert.cols)});
				lists.push({what: 'assigned', targets: resTargets(insert.onConflictClause?.targetList)});
				break;
			}
			case 'CreateStmt':
				lists.push({what: 'defined', targets: columnDefinitions((body as {tableElts?: Node[]}).tableElts)});
				break;
			case 'ViewStmt':
				lists.push({what: 'named', targets: names((body as {aliases?: Node[]}).aliases)});
				break;
			case 'IntoClause':
				lists.push({what: 'named', targets: names((body as {colNames?: Node[]}).colNames)});
				break;
			default:
				break;
		}
	});
	return lists;
}

export const duplicateColumnAssignment: StatementRule = {
	id: 'duplicate-column-assignment',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'The same column assigned (or listed, or defined) twice in one statement.',
	why: 'PostgreSQL refuses the statement ("multiple assignments to same column", "column specified more than once"), so the migration fails here during the deploy. It is almost always a copy-paste slip hiding the value that was meant.',
	fix: 'Keep one assignment per column (assigning different elements or fields of one column, such as a[1] and a[2], is fine).',
	check(statement) {
		const reports: RuleReport[] = [];
		for (const list of columnLists(statement.node)) {
			const byName = new Map<string, Target[]>();
			for (const target of list.targets) byName.set(target.name, [...(byName.get(target.name) ?? []), target]);
			for (const [name, targets] of byName) {
				if (targets.length < 2 || targets.every((target) => target.partial)) continue;
				reports.push({message: `Column ${formatName(name)} is ${list.what} ${targets.length} times in one statement.`, location: targets[1]!.location});
			}
		}
		return reports;
	},
};

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

type Body = Record<string, unknown>;

function lastString(nodes: unknown): string | undefined {
	const list = nodes as Node[] | undefined;
	const last = list?.at(-1);
	return last === undefined ? undefined : nodeAs(last, 'String')?.sval;
}

const sqlValueNames: Readonly<Record<string, string>> = {
	SVFOP_CURRENT_DATE: 'current_date',
	SVFOP_CURRENT_TIME: 'current_time',
	SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
	SVFOP_LOCALTIME: 'localtime',
	SVFOP_LOCALTIMESTAMP: 'localtimestamp',
	SVFOP_CURRENT_USER: 'current_user',
	SVFOP_SESSION_USER: 'session_user',
	SVFOP_USER: 'user',
};

/**
 * The name PostgreSQL gives an unnamed output column (FigureColname in its parser): 2 for a real
 * name, 1 for a cast's type name, 0 for "?column?"; undefined where it is not worked out here.
 */
function figureName(node: Node | undefined): {name: string; strength: number} | undefined {
	if (node === undefined) return undefined;
	const [kind, raw] = Object.entries(node)[0] ?? [];
	const body = (raw ?? {}) as Body;
	switch (kind) {
		case 'ColumnRef': {
			const name = lastString(body['fields']);
			return name === undefined ? undefined : {name, strength: 2};
		}
		case 'A_Indirection': {
			const name = lastString(body['indirection']);
			return name === undefined ? figureName(body['arg'] as Node | undefined) : {name, strength: 2};
		}
		case 'FuncCall': {
			const name = lastString(body['funcname']);
			return name === undefined ? undefined : {name, strength: 2};
		}
		case 'TypeCast': {
			const inner = figureName(body['arg'] as Node | undefined);
			if (inner !== undefined && inner.strength > 1) return inner;
			const type = lastString((body['typeName'] as Body | undefined)?.['names']);
			return type === undefined ? undefined : {name: type, strength: 1};
		}
		case 'CollateClause':
			return figureName(body['arg'] as Node | undefined);
		case 'A_ArrayExpr':
			return {name: 'array', strength: 2};
		case 'RowExpr':
			return {name: 'row', strength: 2};
		case 'CoalesceExpr':
			return {name: 'coalesce', strength: 2};
		case 'MinMaxExpr':
			return {name: body['op'] === 'IS_GREATEST' ? 'greatest' : 'least', strength: 2};
		case 'SQLValueFunction': {
			const name = sqlValueNames[String(body['op'])];
			return name === undefined ? undefined : {name, strength: 2};
		}
		case 'A_Expr':
			return {name: body['kind'] === 'AEXPR_NULLIF' ? 'nullif' : '?column?', strength: body['kind'] === 'AEXPR_NULLIF' ? 2 : 0};
		case 'A_Const':
		case 'BoolExpr':
		case 'NullTest':
		case 'BooleanTest':
		case 'ParamRef':
			return {name: '?column?', strength: 0};
		default:
			return undefined;
	}
}

/** The SELECT whose target list names a query's columns (the left-most one of a UNION). */
function namingSelect(query: Node | undefined): Body | undefined {
	let select = query === undefined ? undefined : (nodeAs(query, 'SelectStmt') as Body | undefined);
	while (select !== undefined && select['larg'] !== undefined) select = select['larg'] as Body;
	return select;
}

/**
 * The columns a view, CREATE TABLE AS or SELECT INTO creates: the given names first, then the
 * query's output names (its aliases, or the names PostgreSQL makes up for unnamed ones).
 */
function outputColumns(given: readonly Node[] | undefined, query: Body | undefined): Target[] {
	const named = names(given);
	const targets: Target[] = [...named];
	const list = (query?.['targetList'] ?? []) as Node[];
	for (const node of list.slice(named.length)) {
		const target = nodeAs(node, 'ResTarget');
		if (!target) continue;
		// `*` expands to columns not known here.
		if (target.name === undefined && target.val !== undefined && nodeAs(target.val, 'ColumnRef')?.fields?.some((field) => nodeAs(field, 'A_Star'))) continue;
		const name = target.name ?? figureName(target.val)?.name;
		if (name !== undefined) targets.push({name, partial: false, location: target.location});
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
			case 'CreateForeignTableStmt':
				lists.push({what: 'defined', targets: columnDefinitions((body as {base?: {tableElts?: Node[]}}).base?.tableElts)});
				break;
			case 'ViewStmt': {
				const view = body as {aliases?: Node[]; query?: Node};
				lists.push({what: 'named', targets: outputColumns(view.aliases, namingSelect(view.query))});
				break;
			}
			case 'CreateTableAsStmt': {
				const create = body as {into?: {colNames?: Node[]}; query?: Node};
				lists.push({what: 'named', targets: outputColumns(create.into?.colNames, namingSelect(create.query))});
				break;
			}
			case 'SelectStmt': {
				const into = (body as {intoClause?: {colNames?: Node[]}}).intoClause;
				if (into) lists.push({what: 'named', targets: outputColumns(into.colNames, namingSelect({SelectStmt: body} as Node))});
				break;
			}
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

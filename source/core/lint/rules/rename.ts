import {formatName, nameOfRangeVar, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

const relationKinds: Readonly<Record<string, string>> = {
	OBJECT_TABLE: 'table',
	OBJECT_VIEW: 'view',
	OBJECT_MATVIEW: 'materialized view',
};

export const rename: StatementRule = {
	id: 'rename',
	kind: 'statement',
	severity: 'warning',
	sections: 'up',
	summary: 'A table, view or column renamed.',
	why: 'During a deploy the old release keeps running next to the new one and still uses the old name: its queries fail ("does not exist") until every old instance is gone, and again if the code is rolled back.',
	fix: 'Expand and contract: add the new column (or a view under the new name), write to both, backfill, switch the code to the new name, and drop the old one in a later release once no running code uses it.',
	check(statement, context) {
		const renaming = nodeAs(statement.node, 'RenameStmt');
		if (!renaming?.newname) return [];
		const relation = nameOfRangeVar(renaming.relation);
		if (!relation || context.isNewTable(relation)) return [];
		if (renaming.renameType === 'OBJECT_COLUMN') {
			const kind = relationKinds[renaming.relationType ?? ''] ?? 'table';
			return [{message: `Column ${formatName(relation)}.${formatName(renaming.subname ?? '')} renamed to ${formatName(renaming.newname)} (${kind}).`}];
		}
		const kind = relationKinds[renaming.renameType ?? ''];
		if (kind === undefined) return [];
		return [{message: `The ${kind} ${formatName(relation)} is renamed to ${formatName(renaming.newname)}.`}];
	},
};

import type {Node} from 'libpg-query';
import {formatName, nameOfList, nameOfRangeVar, nodeAs, optionEnabled} from '../ast.js';
import type {RuleReport, StatementContext, StatementRule} from '../rule.js';

const createWhy =
	'CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE waits until the index is built, which takes minutes on a large table.';
const dropWhy =
	'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table: it waits behind every running query, and every query on the table queues behind it.';
const reindexWhy =
	'REINDEX without CONCURRENTLY blocks writes to the table, and reads that would use the index, until the rebuild is done.';

function checkDropIndex(node: Node, context: StatementContext): RuleReport[] {
	const drop = nodeAs(node, 'DropStmt');
	if (drop?.removeType !== 'OBJECT_INDEX' || drop.concurrent) return [];
	const names = (drop.objects ?? []).flatMap((object) => {
		const name = nameOfList(nodeAs(object, 'List')?.items);
		return name && !context.created.indexes.has(name) ? [formatName(name)] : [];
	});
	if (names.length === 0) return [];
	return [{message: `DROP INDEX ${names.join(', ')} without CONCURRENTLY.`, why: dropWhy}];
}

export const indexNotConcurrent: StatementRule = {
	id: 'index-not-concurrent',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'CREATE INDEX, DROP INDEX or REINDEX without CONCURRENTLY on a table that existed before the migration.',
	why: createWhy,
	fix: 'Write CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY) in a migration of its own with the header "-- Transaction: none", since CONCURRENTLY cannot run inside a transaction. Add IF NOT EXISTS / IF EXISTS so it can be re-run: a failed concurrent build leaves an INVALID index to drop before retrying.',
	check(statement, context) {
		const index = nodeAs(statement.node, 'IndexStmt');
		if (index) {
			const table = nameOfRangeVar(index.relation);
			if (index.concurrent || !table || context.isNewTable(table)) return [];
			const name = index.idxname === undefined ? '' : ` ${formatName(index.idxname)}`;
			return [{message: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX${name} on ${formatName(table)} without CONCURRENTLY.`}];
		}
		const reindex = nodeAs(statement.node, 'ReindexStmt');
		if (reindex) {
			// REINDEX SYSTEM has no concurrent form.
			if (optionEnabled(reindex.params, 'concurrently') || reindex.kind === 'REINDEX_OBJECT_SYSTEM') return [];
			const target = nameOfRangeVar(reindex.relation) ?? (reindex.name === undefined ? undefined : {schema: undefined, name: reindex.name});
			if (target && context.isNewTable(target)) return [];
			const what = target ? ` ${formatName(target)}` : '';
			return [{message: `REINDEX${what} without CONCURRENTLY.`, why: reindexWhy}];
		}
		return checkDropIndex(statement.node, context);
	},
};

import type {Node} from 'libpg-query';
import {alterTableOf, nodeAs, optionEnabled} from '../ast.js';
import type {StatementRule} from '../rule.js';
import {describeTransaction} from '../transactions.js';

const wholeReindexKinds: Readonly<Record<string, string>> = {
	REINDEX_OBJECT_SCHEMA: 'REINDEX SCHEMA',
	REINDEX_OBJECT_DATABASE: 'REINDEX DATABASE',
	REINDEX_OBJECT_SYSTEM: 'REINDEX SYSTEM',
};

/** The statement's name when PostgreSQL refuses it inside a transaction block (PreventInTransactionBlock), else undefined. */
export function nonTransactionalStatement(node: Node): string | undefined {
	const index = nodeAs(node, 'IndexStmt');
	if (index) return index.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined;
	const drop = nodeAs(node, 'DropStmt');
	if (drop) return drop.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined;
	const reindex = nodeAs(node, 'ReindexStmt');
	if (reindex) return optionEnabled(reindex.params, 'concurrently') ? 'REINDEX CONCURRENTLY' : wholeReindexKinds[reindex.kind ?? ''];
	const vacuum = nodeAs(node, 'VacuumStmt');
	if (vacuum) return vacuum.is_vacuumcmd ? 'VACUUM' : undefined;
	const cluster = nodeAs(node, 'ClusterStmt');
	if (cluster) return cluster.relation === undefined ? 'CLUSTER (of every table)' : undefined;
	if (nodeAs(node, 'CreatedbStmt')) return 'CREATE DATABASE';
	if (nodeAs(node, 'DropdbStmt')) return 'DROP DATABASE';
	if (nodeAs(node, 'AlterSystemStmt')) return 'ALTER SYSTEM';
	if (nodeAs(node, 'CreateTableSpaceStmt')) return 'CREATE TABLESPACE';
	if (nodeAs(node, 'DropTableSpaceStmt')) return 'DROP TABLESPACE';
	const alter = alterTableOf(node);
	if (alter?.commands.some((command) => command.subtype === 'AT_DetachPartition' && nodeAs(command.def, 'PartitionCmd')?.concurrent)) {
		return 'DETACH PARTITION CONCURRENTLY';
	}
	return undefined;
}

export const concurrentlyInTransaction: StatementRule = {
	id: 'concurrently-in-transaction',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'CONCURRENTLY (or VACUUM, REINDEX SCHEMA, ...) inside a transaction: the migration\'s own, or an explicit BEGIN.',
	why: 'PostgreSQL refuses to run it inside a transaction block ("cannot run inside a transaction block"), so the migration fails at this statement during the deploy.',
	fix: 'Move the statement to a migration of its own with the header "-- Transaction: none", outside any BEGIN ... COMMIT. Without a transaction a failure can leave such a migration half-applied, so keep it to this one statement and make it re-runnable (IF NOT EXISTS / IF EXISTS).',
	check(statement, context) {
		if (!context.transaction.inside) return [];
		const name = nonTransactionalStatement(statement.node);
		if (name === undefined) return [];
		return [{message: `${name} cannot run inside a transaction block, and it runs ${describeTransaction(context.transaction, context.plainSql)}.`}];
	},
};

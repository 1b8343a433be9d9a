import {alterTableOf, nodeAs} from '../ast.js';
import type {LintStatement, StatementRule} from '../rule.js';

/** The statement's name when it cannot run inside a transaction block, else undefined. */
function nonTransactionalStatement(statement: LintStatement): string | undefined {
	const index = nodeAs(statement.node, 'IndexStmt');
	if (index) return index.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined;
	const drop = nodeAs(statement.node, 'DropStmt');
	if (drop) return drop.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined;
	const reindex = nodeAs(statement.node, 'ReindexStmt');
	if (reindex) {
		return (reindex.params ?? []).some((parameter) => nodeAs(parameter, 'DefElem')?.defname === 'concurrently') ? 'REINDEX CONCURRENTLY' : undefined;
	}
	const vacuum = nodeAs(statement.node, 'VacuumStmt');
	if (vacuum) return vacuum.is_vacuumcmd ? 'VACUUM' : undefined;
	const alter = alterTableOf(statement.node);
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
	summary: 'CONCURRENTLY (or VACUUM) in a migration that cc-dev runs inside a transaction.',
	why: 'PostgreSQL refuses to run it inside a transaction block ("cannot run inside a transaction block"), so the migration fails at this statement during the deploy.',
	fix: 'Move the statement to a migration of its own with the header "-- Transaction: none". Without a transaction a failure can leave such a migration half-applied, so keep it to this one statement and make it re-runnable (IF NOT EXISTS / IF EXISTS).',
	check(statement, context) {
		if (!context.transactional) return [];
		const name = nonTransactionalStatement(statement);
		if (name === undefined) return [];
		return [{message: `${name} cannot run inside a transaction block, and this migration runs in one (Transaction: per-migration).`}];
	},
};

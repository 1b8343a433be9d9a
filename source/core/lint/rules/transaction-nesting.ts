import {nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

const statements: Readonly<Record<string, string>> = {
	TRANS_STMT_BEGIN: 'BEGIN',
	TRANS_STMT_START: 'START TRANSACTION',
	TRANS_STMT_COMMIT: 'COMMIT',
	TRANS_STMT_ROLLBACK: 'ROLLBACK',
	TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
	TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
	TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED',
};

export const transactionNesting: StatementRule = {
	id: 'transaction-nesting',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'BEGIN, COMMIT or ROLLBACK inside a migration that cc-dev already wraps in a transaction.',
	why: 'cc-dev already runs this migration in a transaction: BEGIN only warns, but COMMIT (or END, ROLLBACK) ends that transaction early, so what follows, including the version-table record, runs outside it and a failure leaves the database half-migrated.',
	fix: 'Remove the transaction statements: the migration is already atomic. If it must control transactions itself, declare "-- Transaction: none" in its header.',
	check(statement, context) {
		if (!context.transactional) return [];
		const transaction = nodeAs(statement.node, 'TransactionStmt');
		const name = statements[transaction?.kind ?? ''];
		if (name === undefined) return [];
		return [{message: `${name} in a migration that cc-dev runs inside a transaction (Transaction: per-migration).`}];
	},
};

import {nodeAs} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';
import {transactionCommand} from '../transactions.js';

const statements: Readonly<Record<string, string>> = {
	TRANS_STMT_BEGIN: 'BEGIN',
	TRANS_STMT_START: 'START TRANSACTION',
	TRANS_STMT_COMMIT: 'COMMIT',
	TRANS_STMT_ROLLBACK: 'ROLLBACK',
	TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
	TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
	TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED',
};

const savepoints: Readonly<Record<string, string>> = {
	TRANS_STMT_SAVEPOINT: 'SAVEPOINT',
	TRANS_STMT_RELEASE: 'RELEASE SAVEPOINT',
	TRANS_STMT_ROLLBACK_TO: 'ROLLBACK TO SAVEPOINT',
};

const nestedWhy =
	'PostgreSQL ignores a BEGIN inside a transaction block (it only warns): the first COMMIT then commits everything since the outer BEGIN, so the statements the inner block was meant to keep together are not the unit its author expects.';
const strayEndWhy =
	'No transaction is open here (PostgreSQL only warns): the statements before it already committed one by one, so they were never the all-or-nothing block this COMMIT or ROLLBACK suggests; a ROLLBACK here undoes nothing.';
const unclosedWhy =
	'The transaction is still open when the migration ends: cc-dev records the migration as applied inside it, and when the session closes PostgreSQL rolls all of it back, so the changes vanish while the run looked successful (or the next statement of the run fails).';
const savepointWhy = 'SAVEPOINT, RELEASE and ROLLBACK TO only work inside a transaction block: outside one PostgreSQL refuses them and the migration fails here.';

export const transactionNesting: StatementRule = {
	id: 'transaction-nesting',
	kind: 'statement',
	severity: 'error',
	sections: 'both',
	summary: 'BEGIN/COMMIT inside a migration cc-dev already wraps; in one that manages its own (Transaction: none): a nested BEGIN, a COMMIT without BEGIN, a BEGIN never committed.',
	why: 'cc-dev already runs this migration in a transaction: BEGIN only warns, but COMMIT (or END, ROLLBACK) ends that transaction early, so what follows, including the version-table record, runs outside it and a failure leaves the database half-migrated.',
	fix: 'Remove the transaction statements: the migration is already atomic. If it must control transactions itself, declare "-- Transaction: none" in its header.',
	check(statement, context) {
		const transaction = nodeAs(statement.node, 'TransactionStmt');
		if (!transaction) return [];
		const kind = transaction.kind ?? '';
		if (context.transactional) {
			const name = statements[kind];
			if (name === undefined) return [];
			const where = context.plainSql ? 'a file linted as running inside a transaction (--assume-transaction, the default for plain SQL files)' : 'a migration that cc-dev runs inside a transaction (Transaction: per-migration)';
			return [
				{
					message: `${name} in ${where}.`,
					...(context.plainSql ? {fix: 'If the file manages its own transactions, lint it with --assume-no-transaction; otherwise remove the transaction statements.'} : {}),
				},
			];
		}
		const reports: RuleReport[] = [];
		const command = transactionCommand(statement.node);
		const opener = context.transaction.opener;
		if (command === 'begin' && opener?.kind === 'begin') {
			reports.push({
				message: `${statements[kind]} inside the transaction already opened by BEGIN on line ${opener.line}: PostgreSQL ignores it.`,
				why: nestedWhy,
				fix: 'Remove the inner BEGIN (and its COMMIT), or COMMIT the first transaction before opening the next. Use SAVEPOINT for a block that may be rolled back on its own.',
			});
		} else if (command === 'end' && !context.transaction.inside) {
			reports.push({
				message: `${statements[kind]} without an open transaction: no BEGIN comes before it.`,
				why: strayEndWhy,
				fix: 'Add the BEGIN this COMMIT was meant to close, or remove it.',
			});
		} else if (savepoints[kind] !== undefined && !context.transaction.inside) {
			reports.push({message: `${savepoints[kind]} outside a transaction block.`, why: savepointWhy, fix: 'Open the transaction with BEGIN before the SAVEPOINT, or remove it.'});
		}
		return reports;
	},
	finish(end) {
		if (end.transactional || end.unclosedBegin === undefined) return [];
		return [
			{
				message: `The transaction opened by BEGIN on line ${end.unclosedBegin.line} is never committed or rolled back.`,
				location: end.unclosedBegin.location,
				why: unclosedWhy,
				fix: 'End the transaction with COMMIT (or ROLLBACK) before the end of the section.',
			},
		];
	},
};

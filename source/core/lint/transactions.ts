import type {Node} from 'libpg-query';
import {nodeAs} from './ast.js';

/** How a section is run: inside one transaction cc-dev opens (or a plain file is assumed to be), or statement by statement. */
export type SectionWrapping = 'transaction' | 'none';

/** What one transaction has done so far: what later statements of the same transaction must not rely on. */
export type TransactionWork = {
	/** `table.constraint` of constraints added NOT VALID. */
	readonly notValid: Set<string>;
	/** Enum values added (ALTER TYPE ... ADD VALUE): unusable until the transaction commits. */
	readonly enumValues: Map<string, string>;
	/** Existing tables altered (name → the 1-based line of the ALTER): their ALTER TABLE lock is held until commit. */
	readonly alteredTables: Map<string, number>;
	/** `table.column` of columns added to existing tables. */
	readonly addedColumns: Set<string>;
};

/** The transaction a statement runs in. */
export type TransactionState = {
	/** Whether the statement runs inside a transaction block. */
	readonly inside: boolean;
	/** Who opened it: cc-dev (or the assumption for a plain file), or a BEGIN in the file (1-based line). */
	readonly opener: {readonly kind: 'wrapper'} | {readonly kind: 'begin'; readonly line: number; readonly location: number} | undefined;
	readonly work: TransactionWork;
};

function emptyWork(): TransactionWork {
	return {notValid: new Set(), enumValues: new Map(), alteredTables: new Map(), addedColumns: new Set()};
}

export type TransactionCommand = 'begin' | 'end' | undefined;

/** Whether a statement opens (BEGIN, START TRANSACTION) or ends (COMMIT, END, ROLLBACK, ABORT) a transaction block. */
export function transactionCommand(node: Node): TransactionCommand {
	const kind = nodeAs(node, 'TransactionStmt')?.kind;
	if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return 'begin';
	if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE') return 'end';
	return undefined;
}

/**
 * Follows the transaction blocks of a section statement by statement, as PostgreSQL would run it.
 * Wrapped sections are one transaction throughout (a BEGIN or COMMIT inside is the
 * transaction-nesting rule's business). Unwrapped ones run each statement in a transaction of
 * its own, except between an explicit BEGIN and its COMMIT or ROLLBACK.
 */
export class TransactionTracker {
	readonly wrapping: SectionWrapping;
	#state: TransactionState;

	constructor(wrapping: SectionWrapping) {
		this.wrapping = wrapping;
		this.#state = wrapping === 'transaction' ? {inside: true, opener: {kind: 'wrapper'}, work: emptyWork()} : {inside: false, opener: undefined, work: emptyWork()};
	}

	/** The transaction the next statement runs in. Outside a block, every statement starts with a clean slate. */
	current(): TransactionState {
		if (!this.#state.inside) this.#state = {inside: false, opener: undefined, work: emptyWork()};
		return this.#state;
	}

	/** Moves past a statement that starts on file line `line`, at byte `location` of the section. A nested BEGIN is ignored, as PostgreSQL does. */
	advance(node: Node, line: number, location: number): void {
		if (this.wrapping === 'transaction') return;
		const command = transactionCommand(node);
		if (command === 'begin' && !this.#state.inside) this.#state = {inside: true, opener: {kind: 'begin', line, location}, work: emptyWork()};
		else if (command === 'end') this.#state = {inside: false, opener: undefined, work: emptyWork()};
	}

	/** The explicit transaction still open at the end of the section, if any. */
	unclosed(): {readonly line: number; readonly location: number} | undefined {
		const opener = this.#state.opener;
		return this.#state.inside && opener?.kind === 'begin' ? opener : undefined;
	}
}

/** How a finding says where the transaction comes from, e.g. "(Transaction: per-migration)". */
export function describeTransaction(state: TransactionState, plainSql: boolean): string {
	if (state.opener?.kind === 'begin') return `inside the transaction opened by BEGIN on line ${state.opener.line}`;
	return plainSql ? 'in the transaction this file is assumed to run in (--assume-transaction, the default for plain SQL files)' : 'inside the migration\'s transaction (Transaction: per-migration)';
}

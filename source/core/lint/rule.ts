import type {Node} from 'libpg-query';
import type {Migration} from '../migrations/migration.js';
import type {NodeKind, ObjectName} from './ast.js';
import type {SqlIdentifier} from '../sql/scan-sql.js';
import type {MigrationState, SchemaState} from './state.js';
import type {TransactionState} from './transactions.js';
import type {RuleId, Severity} from './types.js';

/** One statement of a section, as the rules see it. */
export type LintStatement = {
	readonly node: Node;
	readonly kind: NodeKind;
	/** UTF-8 byte offset, in the section's SQL, of the statement's first token. */
	readonly location: number;
	/** 1-based line of the statement's first token in the file. */
	readonly line: number;
	/** The statement's source, from its first token to its last (comments inside included). */
	readonly text: string;
	/**
	 * The statement's identifiers longer than 63 bytes, as written, with string indexes into
	 * `text` (the parse tree holds names already truncated to 63 bytes).
	 */
	readonly longWords: readonly SqlIdentifier[];
};

/** What a rule knows besides the statement. */
export type StatementContext = {
	readonly migration: Migration;
	readonly section: 'up' | 'down';
	/** True when the whole section runs inside one transaction (`Transaction: per-migration`, or a plain file assumed to). */
	readonly transactional: boolean;
	/** A plain SQL file rather than a cc-dev migration. */
	readonly plainSql: boolean;
	/** The transaction this statement runs in (explicit BEGIN ... COMMIT blocks included), and what it did before. */
	readonly transaction: TransactionState;
	/** How many statements of the section come after this one. */
	readonly remaining: number;
	/** What this section created before the current statement. */
	readonly created: MigrationState;
	/** What all the migrations read so far say about the schema. */
	readonly schema: SchemaState;
	/** Whether the table was created earlier in this section, so it holds no live rows. */
	readonly isNewTable: (name: ObjectName | undefined) => boolean;
};

/** A problem a rule found. `why` and `fix` default to the rule's own. */
export type RuleReport = {
	readonly message: string;
	/** UTF-8 byte offset in the section's SQL (a parse node's `location`); the statement's start when absent. */
	readonly location?: number | undefined;
	readonly why?: string;
	readonly fix?: string;
	/** `warning` when the rule cannot be sure: an error-level rule then reports it as a warning. */
	readonly severity?: 'warning';
};

/** A problem with the migration as a whole. */
export type MigrationReport = {
	readonly message: string;
	/** Character offset in the file. */
	readonly offset: number;
	readonly why?: string;
	readonly fix?: string;
};

type RuleBase = {
	readonly id: RuleId;
	readonly severity: Severity;
	/** One line for documentation and `--help`. */
	readonly summary: string;
	readonly why: string;
	readonly fix: string;
};

/** A rule that looks at statements one at a time. */
export type StatementRule = RuleBase & {
	readonly kind: 'statement';
	/** `up`: only the up section (the down section undoes it; dropping what up created is its job). */
	readonly sections: 'up' | 'both';
	readonly check: (statement: LintStatement, context: StatementContext) => readonly RuleReport[];
	/** Called once after the section's last statement (with the context that statement had), for what only the whole section shows. */
	readonly finish?: (context: SectionEnd) => readonly RuleReport[];
};

/** What a rule can look at once the section is read. */
export type SectionEnd = {
	readonly section: 'up' | 'down';
	readonly transactional: boolean;
	readonly plainSql: boolean;
	/** An explicit transaction still open at the end: its BEGIN's line and byte location. */
	readonly unclosedBegin: {readonly line: number; readonly location: number} | undefined;
};

/** What the linter learnt about a migration while reading it, for the migration rules. */
export type MigrationFacts = {
	/** Statements in the down section; undefined when there is none or it does not parse. */
	readonly downStatements: number | undefined;
};

/** A rule that looks at the migration file as a whole. */
export type MigrationRule = RuleBase & {
	readonly kind: 'migration';
	readonly check: (migration: Migration, facts: MigrationFacts) => readonly MigrationReport[];
};

/** A rule whose findings the linter itself produces (syntax errors, suppression problems). */
export type EngineRule = RuleBase & {readonly kind: 'engine'};

export type Rule = StatementRule | MigrationRule | EngineRule;

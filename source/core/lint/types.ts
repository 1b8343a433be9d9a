import type {Migration, TransactionMode} from '../migrations/migration.js';

/** How serious a finding is. `error` fails the run (exit 1); `warning` is reported only. */
export type Severity = 'error' | 'warning';

/** What a rule is set to: a severity, or `off` to not run it. */
export type RuleSetting = Severity | 'off';

/** Every rule id, in the order the rules are documented. */
export const ruleIds = [
	'syntax-error',
	'transaction-nesting',
	'index-not-concurrent',
	'concurrently-in-transaction',
	'detach-partition-not-concurrent',
	'constraint-not-valid',
	'domain-constraint-not-valid',
	'set-not-null',
	'not-null-without-default',
	'column-type-rewrite',
	'volatile-default',
	'add-primary-key-or-unique',
	'update-in-alter-transaction',
	'enum-value-in-transaction',
	'vacuum-full-or-cluster',
	'duplicate-column-assignment',
	'drop-database',
	'truncate-cascade',
	'truncate-table',
	'rename',
	'drop-column-or-table',
	'drop-not-null',
	'create-domain-with-constraint',
	'not-rerunnable',
	'down-missing',
	'identifier-too-long',
	'timestamp-without-time-zone',
	'unused-suppression',
	'suppression-without-reason',
] as const;

export type RuleId = (typeof ruleIds)[number];

/**
 * What the linter reads: a migration, or a plain SQL file dressed as one (its whole text the up
 * section, or the sections its tool marks; its Transaction mode the assumption the user chose
 * unless the file says otherwise; no down section expected).
 */
export type LintSource = Migration & {
	readonly plainSql?: boolean;
	/** How the down section runs, when it differs from the up section's (a dbmate `transaction:false` on one marker). */
	readonly downTransaction?: TransactionMode;
};

/** One problem in one migration file. */
export type LintFinding = {
	readonly rule: RuleId;
	readonly severity: Severity;
	/** The migration's file name, e.g. `28a8c0e6e895_initial_migration.sql`. */
	readonly file: string;
	/** The migration's path, as it was given to parseMigration. */
	readonly path: string;
	/** 1-based line in the file. */
	readonly line: number;
	/** 1-based column in the file (UTF-16 code units, like editors count). */
	readonly column: number;
	/** What is wrong, naming the objects involved. */
	readonly message: string;
	/** Why it hurts a live database (or old code still running during a deploy). */
	readonly why: string;
	/** The safe way to write it. */
	readonly fix: string;
};

export type LintOptions = {
	/** Per-rule severity overrides; `off` disables a rule. Unknown ids or values are a UsageError. */
	readonly severities?: Readonly<Record<string, RuleSetting>>;
	/**
	 * Migrations that come before the linted ones (typically the ones already applied). Their
	 * statements are read to know the schema (column types, validated NOT NULL checks) but they
	 * are not reported on. Without them, only the linted migrations themselves are read.
	 */
	readonly history?: readonly Migration[];
};

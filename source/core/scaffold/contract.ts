/**
 * The scaffolding contract shared by `cc-dev migrate new`, the interactive app and the validation
 * suite's "migration creation" check. Implemented in scaffold-migration.ts.
 *
 * A template is templates/<name>.sql (the project's templates/, else the ones shipped with cc-dev):
 *
 *   -- ---                                   front matter: YAML behind "-- ", between two "-- ---"
 *   -- order: 40                             position in lists (blank first)
 *   -- description: Add an index ...
 *   -- transaction: none                     per-migration (default) or none
 *   -- questions:                            each is asked (or taken from --<name>)
 *   --   - name: table
 *   --     message: Table to index
 *   --     kind: identifier                  identifier, identifiers, sql, text, integer, number, choice
 *   --     default: ix_{{table}}             optional; may use earlier answers
 *   -- example:                              answers that apply and revert on the current schema
 *   --   table: flashcards
 *   -- next: 'Step 2: ...'                   optional follow-up, with placeholders
 *   -- ---
 *   -- comments before "-- migrate:up" must not look like "-- Word: ..." (the file's headers)
 *   -- migrate:up
 *   CREATE INDEX CONCURRENTLY {{index}} ON public.{{table}} ...
 *   -- migrate:down
 *   ...
 *
 * Placeholders: every question, plus message, revision, revises, created, file and template.
 * Filters: {{x|literal}} (a SQL string literal), {{x|snake}} (for names built from answers),
 * {{x|column-rows}} (column definitions one per line; a bare `name jsonb` gets NOT NULL DEFAULT '{}').
 * The headers (Revision, Revises, Created, Message, Transaction) are written by scaffoldMigration.
 *
 * Two-step changes are one template per step, each scaffolded when its time comes:
 * add-foreign-key (NOT VALID) then validate-constraint; rename-column-expand then, a deploy later,
 * rename-column-contract. Every template's example answers apply and revert on the Cognition
 * Curator schema on their own, except `blank`, whose SQL raises an error until it is written
 * (`failsUntilEdited`).
 */

/** How an answer is checked. */
export type QuestionKind =
	/** A lowercase SQL identifier: table, column, index or constraint name (at most 63 characters). */
	| 'identifier'
	/** A comma-separated list of identifiers: "deck_id, status". */
	| 'identifiers'
	/** A fragment of SQL, one line: a type, column definitions, a condition. */
	| 'sql'
	/** Free text on one line (an enum label, a comment). */
	| 'text'
	/** A whole number greater than zero. */
	| 'integer'
	/** A number zero or greater. */
	| 'number'
	/** One of `choices`. */
	| 'choice';

export type TemplateQuestion = {
	/** Answer key and flag name: --table, --column... */
	readonly name: string;
	readonly message: string;
	/** Used when the user gives no answer; a question without one is required. May refer to earlier answers: ix_{{table}}_{{columns|snake}}. */
	readonly default?: string;
	/** How the answer is checked; default `sql`. */
	readonly kind?: QuestionKind;
	/** The allowed answers of a `choice` question. */
	readonly choices?: readonly string[];
};

export type TemplateInfo = {
	/** File name without .sql: blank, create-table, add-column... */
	readonly name: string;
	readonly description: string;
	readonly transaction: 'per-migration' | 'none';
	readonly questions: readonly TemplateQuestion[];
	/** Answers that make a migration that applies and reverts on the current schema (the suite uses them). */
	readonly example: Readonly<Record<string, string>>;
	/** True for `blank`: its SQL raises an error until someone writes the migration, so its example does not apply. */
	readonly failsUntilEdited?: boolean;
	/** What to do after scaffolding (the second step of a two-step change), with placeholders. */
	readonly next?: string;
};

export type ScaffoldRequest = {
	readonly migrationsDir: string;
	readonly templatesDir: string;
	readonly template: string;
	readonly message: string;
	readonly answers: Readonly<Record<string, string>>;
	/** Parents; default: the current head(s) of migrationsDir (several heads make a merge). */
	readonly revises?: readonly string[];
	readonly now?: Date;
};

export type ScaffoldResult = {
	readonly revision: string;
	readonly path: string;
	readonly text: string;
	/** The parents written in Revises (empty for the first migration). */
	readonly revises?: readonly string[];
	/** The template's follow-up step with the answers filled in, when it has one. */
	readonly next?: string;
};

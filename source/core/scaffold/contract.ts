/**
 * The scaffolding contract shared by `cc-dev migrate new`, the interactive app and the validation
 * suite's "migration creation" check. Implemented in scaffold-migration.ts.
 */
export type TemplateQuestion = {
	/** Answer key and flag name: --table, --column... */
	readonly name: string;
	readonly message: string;
	/** Used when the user gives no answer; a question without one is required. */
	readonly default?: string;
};

export type TemplateInfo = {
	/** File name without .sql: blank, create-table, add-column... */
	readonly name: string;
	readonly description: string;
	readonly transaction: 'per-migration' | 'none';
	readonly questions: readonly TemplateQuestion[];
	/** Answers that make a migration that applies and reverts on the current schema (the suite uses them). */
	readonly example: Readonly<Record<string, string>>;
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
};

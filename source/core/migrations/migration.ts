/** A section of a migration file: the SQL and where it starts in the file, for file:line:column. */
export type Section = {
	readonly sql: string;
	/** Character offset of the section's first character in the file. */
	readonly offset: number;
	/** 1-based line of that character. */
	readonly line: number;
	/** 1-based column of that character. */
	readonly column: number;
};

export type TransactionMode = 'per-migration' | 'none';

/** One migration file, parsed and validated. */
export type Migration = {
	/** 12 lowercase hex characters, as Alembic's ids are. */
	readonly revision: string;
	/** Parent revisions: none for the first, several for a merge. */
	readonly parents: readonly string[];
	readonly message: string;
	/** The Created header as written (ISO 8601). */
	readonly created: string | undefined;
	readonly transaction: TransactionMode;
	/** Absolute path of the file. */
	readonly path: string;
	/** The file name, for messages. */
	readonly fileName: string;
	/** The whole file text. */
	readonly text: string;
	readonly up: Section;
	/** Undefined when the file has no `-- migrate:down` marker. */
	readonly down: Section | undefined;
	/** sha256 of the up section, line endings normalised. */
	readonly checksum: string;
};

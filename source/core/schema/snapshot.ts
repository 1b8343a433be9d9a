/** The structure of a database schema, as data: what the suite, drift and tests compare. */
export type ColumnShape = {
	readonly name: string;
	/** The type as pg_dump prints it: character varying(200), timestamp with time zone. */
	readonly type: string;
	readonly nullable: boolean;
	readonly default?: string | null;
};

export type IndexShape = {
	readonly name: string;
	readonly unique: boolean;
	readonly method: string;
	readonly columns: readonly string[];
	/** The partial-index predicate, when there is one. */
	readonly where?: string | null;
};

export type ForeignKeyShape = {
	readonly name: string;
	readonly columns: readonly string[];
	readonly references: {readonly table: string; readonly columns: readonly string[]};
	readonly onDelete: string;
};

export type ConstraintShape = {
	readonly name: string;
	/** c: check, u: unique, x: exclusion. */
	readonly kind: string;
	readonly definition: string;
};

export type TableShape = {
	readonly columns: readonly ColumnShape[];
	readonly primaryKey: {readonly name: string; readonly columns: readonly string[]} | null;
	/** Indexes that are not the primary key's. */
	readonly indexes: readonly IndexShape[];
	readonly foreignKeys: readonly ForeignKeyShape[];
	readonly constraints?: readonly ConstraintShape[];
};

export type SchemaSnapshot = {
	readonly extensions: readonly string[];
	readonly enums: Readonly<Record<string, readonly string[]>>;
	readonly tables: Readonly<Record<string, TableShape>>;
};

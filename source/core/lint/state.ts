import type {ObjectName, TypeInfo} from './ast.js';
import {sameName} from './ast.js';

/** A set of object names where an unqualified name matches the same name in any schema. */
export class NameSet {
	readonly #names: ObjectName[] = [];

	add(name: ObjectName): void {
		this.#names.push(name);
	}

	has(name: ObjectName): boolean {
		return this.#names.some((entry) => sameName(entry, name));
	}

	delete(name: ObjectName): void {
		for (let index = this.#names.length - 1; index >= 0; index--) {
			if (sameName(this.#names[index]!, name)) this.#names.splice(index, 1);
		}
	}
}

/** What one section of one migration did so far: the objects it created are not live yet. */
export type MigrationState = {
	readonly tables: NameSet;
	readonly indexes: NameSet;
	readonly types: NameSet;
	/** `table.column` of columns added by this migration (to tables that existed before it). */
	readonly columns: Set<string>;
	/** Indexes dropped with IF EXISTS: creating one again after that is safe to re-run. */
	readonly droppedIfExists: NameSet;
};

export function createMigrationState(): MigrationState {
	return {tables: new NameSet(), indexes: new NameSet(), types: new NameSet(), columns: new Set(), droppedIfExists: new NameSet()};
}

/** A CHECK constraint known from the migrations read so far. */
export type KnownCheck = {
	/** The column when the check is exactly `column IS NOT NULL`. */
	readonly notNullColumn: string | undefined;
	valid: boolean;
	/** Known only from a VALIDATE CONSTRAINT: what it checks was never read. */
	readonly definitionUnknown?: boolean;
};

/**
 * What the migrations read so far say about the schema, keyed by table name (schemas ignored):
 * column types, to tell a binary-compatible type change from a rewrite, and CHECK constraints,
 * to know when SET NOT NULL can use a validated `IS NOT NULL` check instead of scanning.
 */
export class SchemaState {
	readonly #columns = new Map<string, Map<string, TypeInfo>>();
	readonly #checks = new Map<string, Map<string, KnownCheck>>();

	columnType(table: string, column: string): TypeInfo | undefined {
		return this.#columns.get(table)?.get(column);
	}

	setColumnType(table: string, column: string, type: TypeInfo | undefined): void {
		let columns = this.#columns.get(table);
		if (!columns) {
			columns = new Map();
			this.#columns.set(table, columns);
		}
		if (type === undefined) columns.delete(column);
		else columns.set(column, type);
	}

	dropColumn(table: string, column: string): void {
		this.#columns.get(table)?.delete(column);
		for (const [name, check] of this.#checks.get(table) ?? []) {
			if (check.notNullColumn === column) this.#checks.get(table)?.delete(name);
		}
	}

	renameColumn(table: string, from: string, to: string): void {
		const columns = this.#columns.get(table);
		const type = columns?.get(from);
		if (columns && type) {
			columns.delete(from);
			columns.set(to, type);
		}
		for (const [name, check] of this.#checks.get(table) ?? []) {
			if (check.notNullColumn === from) this.#checks.get(table)?.set(name, {notNullColumn: to, valid: check.valid});
		}
	}

	dropTable(table: string): void {
		this.#columns.delete(table);
		this.#checks.delete(table);
	}

	renameTable(from: string, to: string): void {
		const columns = this.#columns.get(from);
		const checks = this.#checks.get(from);
		this.dropTable(from);
		if (columns) this.#columns.set(to, columns);
		if (checks) this.#checks.set(to, checks);
	}

	addCheck(table: string, name: string, check: KnownCheck): void {
		let checks = this.#checks.get(table);
		if (!checks) {
			checks = new Map();
			this.#checks.set(table, checks);
		}
		checks.set(name, check);
	}

	/** Marks a check valid; one never read (added by a migration not read) is remembered as valid with an unknown definition. */
	validateCheck(table: string, name: string): void {
		const check = this.#checks.get(table)?.get(name);
		if (check) check.valid = true;
		else this.addCheck(table, name, {notNullColumn: undefined, valid: true, definitionUnknown: true});
	}

	dropCheck(table: string, name: string): void {
		this.#checks.get(table)?.delete(name);
	}

	/** Validated constraints of the table whose definition was never read: any of them may be `CHECK (column IS NOT NULL)`. */
	validatedUnknownChecks(table: string): string[] {
		return [...(this.#checks.get(table)?.entries() ?? [])].filter(([, check]) => check.definitionUnknown === true).map(([name]) => name);
	}

	/** Whether a validated `CHECK (column IS NOT NULL)` exists, which lets SET NOT NULL skip its scan. */
	hasValidNotNullCheck(table: string, column: string): boolean {
		for (const check of this.#checks.get(table)?.values() ?? []) {
			if (check.valid && check.notNullColumn === column) return true;
		}
		return false;
	}
}

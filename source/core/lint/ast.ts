import type {AlterTableCmd, ColumnDef, Constraint, Node, RangeVar, TypeName} from 'libpg-query';

type KeysOf<T> = T extends unknown ? keyof T : never;
/** The node type names of the PostgreSQL parse tree (`CreateStmt`, `AlterTableCmd`, ...). */
export type NodeKind = KeysOf<Node>;
/** The body of a node of one kind. */
export type NodeBody<K extends NodeKind> = Extract<Node, {[P in K]: unknown}>[K];

/** The node's kind, e.g. `AlterTableStmt`. */
export function kindOf(node: Node): NodeKind {
	for (const key in node) return key as NodeKind;
	throw new Error('empty parse node');
}

/** The body of `node` when it is of kind `kind`. */
export function nodeAs<K extends NodeKind>(node: Node | undefined, kind: K): NodeBody<K> | undefined {
	if (node === undefined || !(kind in node)) return undefined;
	return (node as unknown as Record<K, NodeBody<K>>)[kind];
}

/** A table (or index, type) name as written: schema optional. */
export type ObjectName = {readonly schema: string | undefined; readonly name: string};

export function nameOfRangeVar(relation: RangeVar | undefined): ObjectName | undefined {
	if (relation?.relname === undefined) return undefined;
	return {schema: relation.schemaname, name: relation.relname};
}

/** The strings of a list of String nodes (qualified names, column lists). */
export function stringsOf(nodes: readonly Node[] | undefined): string[] {
	const result: string[] = [];
	for (const node of nodes ?? []) {
		const value = nodeAs(node, 'String')?.sval;
		if (value !== undefined) result.push(value);
	}
	return result;
}

/** A qualified name from a list of String nodes: the last part is the name. */
export function nameOfList(nodes: readonly Node[] | undefined): ObjectName | undefined {
	const parts = stringsOf(nodes);
	const name = parts.at(-1);
	if (name === undefined) return undefined;
	return {schema: parts.length > 1 ? parts.at(-2) : undefined, name};
}

/** Whether two names can denote the same object (an unqualified name matches any schema). */
export function sameName(a: ObjectName, b: ObjectName): boolean {
	return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema);
}

function quoteIdentifier(name: string): string {
	return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** A name as SQL would write it: `users`, `audit."Log"`. */
export function formatName(name: ObjectName | string): string {
	if (typeof name === 'string') return quoteIdentifier(name);
	return name.schema === undefined ? quoteIdentifier(name.name) : `${quoteIdentifier(name.schema)}.${quoteIdentifier(name.name)}`;
}

/** A type reference reduced to what the rules compare: base name, modifiers, array or not. */
export type TypeInfo = {
	/** The type's name without schema, as PostgreSQL spells it internally (`varchar`, `int4`, `timestamptz`). */
	readonly name: string;
	readonly schema: string | undefined;
	/** Integer modifiers, e.g. [255] for varchar(255), [10, 2] for numeric(10,2). Empty when none. */
	readonly modifiers: readonly number[];
	readonly isArray: boolean;
};

export function typeInfoOf(typeName: TypeName | undefined): TypeInfo | undefined {
	const name = nameOfList(typeName?.names);
	if (!typeName || !name) return undefined;
	const modifiers: number[] = [];
	for (const modifier of typeName.typmods ?? []) {
		const value = nodeAs(modifier, 'A_Const')?.ival;
		if (value !== undefined) modifiers.push(value.ival ?? 0);
	}
	return {name: name.name, schema: name.schema, modifiers, isArray: (typeName.arrayBounds?.length ?? 0) > 0};
}

const displayTypeNames: Readonly<Record<string, string>> = {
	int2: 'smallint',
	int4: 'integer',
	int8: 'bigint',
	float4: 'real',
	float8: 'double precision',
	bool: 'boolean',
	bpchar: 'char',
	timestamp: 'timestamp',
	timestamptz: 'timestamptz',
};

/** A type as a person would write it: `varchar(255)`, `integer[]`. */
export function formatType(type: TypeInfo): string {
	const base = type.schema === 'pg_catalog' ? (displayTypeNames[type.name] ?? type.name) : formatName({schema: undefined, name: type.name});
	// interval's first modifier is its range mask; only the precision is written in parentheses.
	const written = type.name === 'interval' ? type.modifiers.slice(1) : type.modifiers;
	const modifiers = written.length > 0 ? `(${written.join(',')})` : '';
	return `${base}${modifiers}${type.isArray ? '[]' : ''}`;
}

/** Visits every node below `value` (depth first), calling `visit` with each node's kind and body. */
export function walk(value: unknown, visit: (kind: string, body: Record<string, unknown>) => void): void {
	if (Array.isArray(value)) {
		for (const item of value) walk(item, visit);
		return;
	}
	if (value === null || typeof value !== 'object') return;
	const object = value as Record<string, unknown>;
	for (const key in object) {
		const child = object[key];
		if (child === null || typeof child !== 'object') continue;
		// Node kinds are the capitalised keys (`ColumnDef`); other keys are fields (`relation`).
		const first = key.charCodeAt(0);
		if (first >= 65 && first <= 90 && !Array.isArray(child)) visit(key, child as Record<string, unknown>);
		walk(child, visit);
	}
}

export type AlterTable = {readonly table: ObjectName; readonly commands: readonly AlterTableCmd[]};

const alterTables = new WeakMap<Node, AlterTable | undefined>();

/** The table and commands of an `ALTER TABLE` statement (not ALTER INDEX, VIEW, ...). Cached per node: most rules ask. */
export function alterTableOf(node: Node): AlterTable | undefined {
	if (alterTables.has(node)) return alterTables.get(node);
	const statement = nodeAs(node, 'AlterTableStmt');
	let result: AlterTable | undefined;
	const table = nameOfRangeVar(statement?.relation);
	if (statement && table && (statement.objtype === undefined || statement.objtype === 'OBJECT_TABLE')) {
		const commands: AlterTableCmd[] = [];
		for (const command of statement.cmds ?? []) {
			const body = nodeAs(command, 'AlterTableCmd');
			if (body) commands.push(body);
		}
		result = {table, commands};
	}
	alterTables.set(node, result);
	return result;
}

/** The columns an `ALTER TABLE ... ADD COLUMN` adds, with their table. */
export function addedColumnsOf(node: Node): Array<{readonly table: ObjectName; readonly column: ColumnDef}> {
	const alter = alterTableOf(node);
	const result: Array<{table: ObjectName; column: ColumnDef}> = [];
	for (const command of alter?.commands ?? []) {
		const column = command.subtype === 'AT_AddColumn' ? nodeAs(command.def, 'ColumnDef') : undefined;
		if (column) result.push({table: alter!.table, column});
	}
	return result;
}

/** The constraints written on a column definition. */
export function constraintsOf(column: ColumnDef): Constraint[] {
	const result: Constraint[] = [];
	for (const node of column.constraints ?? []) {
		const constraint = nodeAs(node, 'Constraint');
		if (constraint) result.push(constraint);
	}
	return result;
}

/** The column an expression tests with `column IS NOT NULL`, if that is all it is. */
export function notNullTestColumn(expression: Node | undefined): string | undefined {
	const test = nodeAs(expression, 'NullTest');
	if (test?.nulltesttype !== 'IS_NOT_NULL') return undefined;
	const fields = stringsOf(nodeAs(test.arg, 'ColumnRef')?.fields);
	return fields.length === 1 ? fields[0] : undefined;
}

const serialTypes = new Set(['serial', 'serial2', 'serial4', 'serial8', 'smallserial', 'bigserial']);

/** Whether a column type is one of the serial pseudo-types (a sequence default). */
export function isSerialType(type: TypeInfo | undefined): boolean {
	return type !== undefined && type.schema === undefined && serialTypes.has(type.name);
}

/**
 * Whether a `(NAME value)` option such as VACUUM's FULL or REINDEX's CONCURRENTLY is on, read the
 * way PostgreSQL's defGetBoolean reads it: no value means on; true/false, on/off, 1/0.
 */
export function optionEnabled(options: readonly Node[] | undefined, name: string): boolean {
	for (const option of options ?? []) {
		const definition = nodeAs(option, 'DefElem');
		if (definition?.defname !== name) continue;
		if (definition.arg === undefined) return true;
		const integer = nodeAs(definition.arg, 'Integer');
		if (integer) return (integer.ival ?? 0) !== 0;
		const boolean = nodeAs(definition.arg, 'Boolean');
		if (boolean) return boolean.boolval === true;
		const text = (nodeAs(definition.arg, 'String')?.sval ?? '').toLowerCase();
		return !['false', 'off', 'no', '0'].includes(text);
	}
	return false;
}

/** The tables a list of RangeVar nodes names (TRUNCATE's relations). */
export function namesOfRangeVars(nodes: readonly Node[] | undefined): ObjectName[] {
	const result: ObjectName[] = [];
	for (const node of nodes ?? []) {
		const name = nameOfRangeVar(nodeAs(node, 'RangeVar'));
		if (name) result.push(name);
	}
	return result;
}

/** The names a `DROP ...` statement lists (`DROP INDEX a, b`). */
export function droppedNames(objects: readonly Node[] | undefined): ObjectName[] {
	const result: ObjectName[] = [];
	for (const object of objects ?? []) {
		const name = nameOfList(nodeAs(object, 'List')?.items);
		if (name) result.push(name);
	}
	return result;
}

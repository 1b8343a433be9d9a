import type {ColumnShape, ConstraintShape, ForeignKeyShape, IndexShape, SchemaSnapshot, TableShape} from './snapshot.js';
import {plural} from '../plural.js';

export type SchemaObjectKind = 'extension' | 'enum' | 'table' | 'column' | 'primary-key' | 'index' | 'foreign-key' | 'constraint';

/** One structural difference between an expected schema and an actual one. */
export type SchemaDifference = {
	readonly kind: SchemaObjectKind;
	/** missing: expected but absent; extra: present but not expected; changed: both, different. */
	readonly change: 'missing' | 'extra' | 'changed';
	/** users, users.email, users.ix_users_email, cardstatus. */
	readonly name: string;
	/** What differs for a change: type, nullability, default, values, definition. */
	readonly aspect?: string;
	readonly expected?: string;
	readonly actual?: string;
	/** One readable line, e.g. "column users.email: type is text, expected character varying(255)". */
	readonly message: string;
};

export type CompareOptions = {
	/** Tables left out on both sides (bookkeeping tables such as alembic_version). */
	readonly ignoreTables?: readonly string[];
	/**
	 * Report columns in another order (default false: PostgreSQL cannot re-add a column in place, so
	 * a down section that restores a dropped column puts it last; the text dump still shows the order).
	 */
	readonly columnOrder?: boolean;
};

/** The sizes of a snapshot, for summary lines. */
export type SnapshotCounts = {readonly tables: number; readonly columns: number; readonly indexes: number; readonly foreignKeys: number; readonly enums: number};

export function countSnapshot(snapshot: SchemaSnapshot): SnapshotCounts {
	const tables = Object.values(snapshot.tables);
	return {
		tables: tables.length,
		columns: tables.reduce((sum, table) => sum + table.columns.length, 0),
		indexes: tables.reduce((sum, table) => sum + table.indexes.length + (table.primaryKey ? 1 : 0), 0),
		foreignKeys: tables.reduce((sum, table) => sum + table.foreignKeys.length, 0),
		enums: Object.keys(snapshot.enums).length,
	};
}

export const describeIndex = (index: IndexShape): string =>
	`${index.unique ? 'unique ' : ''}${index.method} (${index.columns.join(', ')})${index.where ? ` where ${index.where}` : ''}`;
export const describeForeignKey = (key: ForeignKeyShape): string =>
	`(${key.columns.join(', ')}) references ${key.references.table}(${key.references.columns.join(', ')}) on delete ${key.onDelete.toLowerCase()}`;
const describeColumn = (column: ColumnShape): string =>
	`${column.type}${column.nullable ? '' : ' not null'}${column.default ? ` default ${column.default}` : ''}`;
const describeConstraint = (constraint: ConstraintShape): string => constraint.definition;

type Named = {readonly name: string};

/** Pairs two lists by name: [name, expected, actual] in expected order, then the extras. */
function pairByName<T extends Named>(expected: readonly T[], actual: readonly T[]): Array<[string, T | undefined, T | undefined]> {
	const actualByName = new Map(actual.map((item) => [item.name, item]));
	const expectedNames = new Set(expected.map((item) => item.name));
	return [
		...expected.map((item): [string, T | undefined, T | undefined] => [item.name, item, actualByName.get(item.name)]),
		...actual.filter((item) => !expectedNames.has(item.name)).map((item): [string, T | undefined, T | undefined] => [item.name, undefined, item]),
	];
}

class Collector {
	readonly differences: SchemaDifference[] = [];

	presence(kind: SchemaObjectKind, name: string, expected: string | undefined, actual: string | undefined): boolean {
		if (expected !== undefined && actual === undefined) {
			this.differences.push({kind, change: 'missing', name, expected, message: `missing ${kind.replace('-', ' ')} ${name}${expected ? ` (${expected})` : ''}`});
			return false;
		}
		if (expected === undefined && actual !== undefined) {
			this.differences.push({kind, change: 'extra', name, actual, message: `extra ${kind.replace('-', ' ')} ${name}${actual ? ` (${actual})` : ''}`});
			return false;
		}
		return expected !== undefined;
	}

	compare(kind: SchemaObjectKind, name: string, aspect: string, expected: string, actual: string): void {
		if (expected === actual) return;
		this.differences.push({kind, change: 'changed', name, aspect, expected, actual, message: `${kind.replace('-', ' ')} ${name}: ${aspect} is ${actual || '(none)'}, expected ${expected || '(none)'}`});
	}
}

function compareColumns(collector: Collector, table: string, expected: readonly ColumnShape[], actual: readonly ColumnShape[], columnOrder: boolean): void {
	for (const [name, want, have] of pairByName(expected, actual)) {
		const qualified = `${table}.${name}`;
		if (!collector.presence('column', qualified, want && describeColumn(want), have && describeColumn(have))) continue;
		collector.compare('column', qualified, 'type', want!.type, have!.type);
		collector.compare('column', qualified, 'nullability', want!.nullable ? 'null' : 'not null', have!.nullable ? 'null' : 'not null');
		collector.compare('column', qualified, 'default', want!.default ?? '', have!.default ?? '');
	}
	if (!columnOrder) return;
	const order = (columns: readonly ColumnShape[]) => columns.map((column) => column.name).filter((name) => expected.some((c) => c.name === name) && actual.some((c) => c.name === name)).join(', ');
	collector.compare('table', table, 'column order', order(expected), order(actual));
}

function compareTable(collector: Collector, name: string, expected: TableShape, actual: TableShape, columnOrder: boolean): void {
	compareColumns(collector, name, expected.columns, actual.columns, columnOrder);
	const key = (table: TableShape) => (table.primaryKey ? `${table.primaryKey.name} (${table.primaryKey.columns.join(', ')})` : '');
	if (key(expected) !== key(actual)) {
		if (collector.presence('primary-key', name, key(expected) || undefined, key(actual) || undefined)) collector.compare('primary-key', name, 'definition', key(expected), key(actual));
	}
	for (const [index, want, have] of pairByName(expected.indexes, actual.indexes)) {
		if (collector.presence('index', `${name}.${index}`, want && describeIndex(want), have && describeIndex(have))) collector.compare('index', `${name}.${index}`, 'definition', describeIndex(want!), describeIndex(have!));
	}
	for (const [foreignKey, want, have] of pairByName(expected.foreignKeys, actual.foreignKeys)) {
		if (collector.presence('foreign-key', `${name}.${foreignKey}`, want && describeForeignKey(want), have && describeForeignKey(have))) {
			collector.compare('foreign-key', `${name}.${foreignKey}`, 'definition', describeForeignKey(want!), describeForeignKey(have!));
		}
	}
	for (const [constraint, want, have] of pairByName(expected.constraints ?? [], actual.constraints ?? [])) {
		if (collector.presence('constraint', `${name}.${constraint}`, want && describeConstraint(want), have && describeConstraint(have))) {
			collector.compare('constraint', `${name}.${constraint}`, 'definition', describeConstraint(want!), describeConstraint(have!));
		}
	}
}

/**
 * The structural differences between two schemas: extensions, enums and their values, tables,
 * columns (type, nullability, default; order on request), primary keys, indexes, foreign keys and check/unique
 * constraints, all matched by name. An empty list means the schemas are the same.
 */
export function compareSnapshots(expected: SchemaSnapshot, actual: SchemaSnapshot, options: CompareOptions = {}): SchemaDifference[] {
	const collector = new Collector();
	const ignored = new Set(options.ignoreTables ?? []);
	const names = (list: readonly string[]) => list.map((name) => ({name}));
	for (const [name, want, have] of pairByName(names(expected.extensions), names(actual.extensions))) collector.presence('extension', name, want && '', have && '');

	const enumNames = (snapshot: SchemaSnapshot) => names(Object.keys(snapshot.enums).sort());
	for (const [name, want, have] of pairByName(enumNames(expected), enumNames(actual))) {
		const values = (snapshot: SchemaSnapshot) => snapshot.enums[name]!.join(', ');
		if (!collector.presence('enum', name, want && values(expected), have && values(actual))) continue;
		const wanted = expected.enums[name]!;
		const found = actual.enums[name]!;
		for (const value of wanted.filter((label) => !found.includes(label))) collector.differences.push({kind: 'enum', change: 'changed', name, aspect: 'values', expected: value, message: `enum ${name}: missing value '${value}'`});
		for (const value of found.filter((label) => !wanted.includes(label))) collector.differences.push({kind: 'enum', change: 'changed', name, aspect: 'values', actual: value, message: `enum ${name}: extra value '${value}'`});
		if (wanted.length === found.length && wanted.every((label) => found.includes(label))) collector.compare('enum', name, 'value order', wanted.join(', '), found.join(', '));
	}

	const tableNames = (snapshot: SchemaSnapshot) => names(Object.keys(snapshot.tables).filter((name) => !ignored.has(name)).sort());
	for (const [name, want, have] of pairByName(tableNames(expected), tableNames(actual))) {
		const columns = (snapshot: SchemaSnapshot) => {
			const count = snapshot.tables[name]!.columns.length;
			return `${plural(count, 'column')}`;
		};
		if (collector.presence('table', name, want && columns(expected), have && columns(actual))) compareTable(collector, name, expected.tables[name]!, actual.tables[name]!, options.columnOrder === true);
	}
	return collector.differences;
}

import type {Catalog} from './read-catalog.js';
import type {InspectedColumn} from './schema-engine.js';

/** Something the up section destroys, and what is lost. */
export type Drop = {
	readonly kind: 'table' | 'column' | 'type change' | 'enum value';
	/** Schema-qualified object: public.decks, public.decks.color, public.cardstatus. */
	readonly object: string;
	/** What it destroys, for the listing. */
	readonly destroys: string;
};

/** A dropped column (or table) next to an added one of the same type: probably a rename. */
export type ProbableRename = {
	readonly kind: 'column' | 'table';
	readonly table: string;
	readonly from: string;
	readonly to: string;
	/** How to write it without losing data. */
	readonly fix: string;
};

/** Values appended (or inserted) into an existing enum, nothing removed or reordered. */
export type EnumAddition = {
	/** "public"."cardstatus", the engine's key. */
	readonly key: string;
	readonly schema: string;
	readonly name: string;
	readonly added: readonly {readonly value: string; readonly before?: string; readonly after?: string}[];
};

export type SchemaChanges = {
	/** Engine keys ("public"."decks") of the tables the starting schema has. */
	readonly existingTables: ReadonlySet<string>;
	readonly enumAdditions: readonly EnumAddition[];
	readonly drops: readonly Drop[];
	readonly renames: readonly ProbableRename[];
};

const unquote = (key: string): string => key.replace(/"/g, '');

/** Type changes that keep every value: a longer varchar, varchar to text, a wider integer, an unconstrained numeric. */
export function isWidening(from: string, to: string): boolean {
	if (from === to) return true;
	const varchar = /^character varying(?:\((\d+)\))?$/;
	const fromVarchar = varchar.exec(from);
	const toVarchar = varchar.exec(to);
	if (fromVarchar && toVarchar) return toVarchar[1] === undefined || (fromVarchar[1] !== undefined && Number(toVarchar[1]) >= Number(fromVarchar[1]));
	if ((fromVarchar || /^character\(\d+\)$/.test(from)) && to === 'text') return true;
	const integers = ['smallint', 'integer', 'bigint'];
	if (integers.includes(from) && integers.includes(to)) return integers.indexOf(to) >= integers.indexOf(from);
	if (integers.includes(from) && to === 'numeric') return true;
	if (/^numeric/.test(from) && to === 'numeric') return true;
	if (from === 'real' && to === 'double precision') return true;
	if (from === 'timestamp without time zone' && to === 'timestamp with time zone') return true;
	return false;
}

function enumAdditions(start: Catalog, desired: Catalog): {additions: EnumAddition[]; removed: Drop[]} {
	const additions: EnumAddition[] = [];
	const removed: Drop[] = [];
	for (const [key, before] of Object.entries(start.engine.enums)) {
		const after = desired.engine.enums[key];
		if (!after) continue;
		const gone = before.elements.filter((value) => !after.elements.includes(value));
		for (const value of gone) removed.push({kind: 'enum value', object: `${unquote(key)} '${value}'`, destroys: `rows holding '${value}' cannot be kept (the type is rebuilt without it)`});
		const kept = after.elements.filter((value) => before.elements.includes(value));
		const sameOrder = kept.length === before.elements.length && kept.every((value, index) => value === before.elements[index]);
		if (gone.length > 0 || !sameOrder || after.elements.length === before.elements.length) continue;
		const added = after.elements.flatMap((value, index) => {
			if (before.elements.includes(value)) return [];
			const next = after.elements.slice(index + 1).find((other) => before.elements.includes(other));
			const previous = after.elements.slice(0, index).at(-1);
			return [next === undefined ? {value, ...(previous === undefined ? {} : {after: previous})} : {value, before: next}];
		});
		additions.push({key, schema: before.schema, name: before.name, added});
	}
	return {additions, removed};
}

function columnSignature(column: InspectedColumn): string {
	return column.dbtypestr;
}

/** What the change from `start` to `desired` means: tables that exist, enum values added, drops, probable renames. */
export function analyseChanges(start: Catalog, desired: Catalog): SchemaChanges {
	const existingTables = new Set(Object.keys(start.engine.tables));
	const {additions, removed} = enumAdditions(start, desired);
	const drops: Drop[] = [];
	const renames: ProbableRename[] = [];
	const droppedTables: string[] = [];
	for (const [key, table] of Object.entries(start.engine.tables)) {
		const after = desired.engine.tables[key];
		if (!after) {
			droppedTables.push(key);
			drops.push({kind: 'table', object: unquote(key), destroys: `the table and every row in it (${Object.keys(table.columns).length} columns)`});
			continue;
		}
		const droppedColumns: InspectedColumn[] = [];
		for (const [name, column] of Object.entries(table.columns)) {
			const next = after.columns[name];
			if (!next) {
				droppedColumns.push(column);
				drops.push({kind: 'column', object: `${unquote(key)}.${name}`, destroys: `the ${column.dbtypestr} values of every row`});
			} else if (!isWidening(column.dbtypestr, next.dbtypestr)) {
				drops.push({kind: 'type change', object: `${unquote(key)}.${name}`, destroys: `${column.dbtypestr} -> ${next.dbtypestr}: values that do not fit the new type are cut or make the change fail`});
			}
		}
		const addedColumns = Object.values(after.columns).filter((column) => !table.columns[column.name]);
		for (const dropped of droppedColumns) {
			const twin = addedColumns.find((added) => columnSignature(added) === columnSignature(dropped));
			if (!twin) continue;
			renames.push({
				kind: 'column',
				table: unquote(key),
				from: dropped.name,
				to: twin.name,
				fix: `cc-dev migrate new "rename ${table.name}.${dropped.name}" --template rename-column-expand --table ${table.name} --column ${dropped.name} --new-column ${twin.name} --type "${dropped.dbtypestr}", then rename-column-contract a deploy later: the data is kept and the running release keeps working`,
			});
		}
	}
	const addedTables = Object.entries(desired.engine.tables).filter(([key]) => !existingTables.has(key));
	for (const key of droppedTables) {
		const table = start.engine.tables[key]!;
		const shape = Object.values(table.columns).map(columnSignature).sort().join(',');
		const twin = addedTables.find(([, added]) => added.schema === table.schema && Object.values(added.columns).map(columnSignature).sort().join(',') === shape);
		if (twin) {
			renames.push({
				kind: 'table',
				table: unquote(key),
				from: table.name,
				to: twin[1].name,
				fix: `write ALTER TABLE ${unquote(key)} RENAME TO ${twin[1].name}; by hand (cc-dev migrate new "rename ${table.name}" --template blank), keeping the rows`,
			});
		}
	}
	return {existingTables, enumAdditions: additions, drops: [...drops, ...removed], renames};
}

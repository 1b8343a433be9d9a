import type {EnumAddition, SchemaChanges} from './schema-changes.js';

/**
 * The phases a generated change is split into, each one migration file when it has statements:
 * enum values first (they cannot be added inside a transaction, and later statements may use
 * them), then the change itself, then indexes built CONCURRENTLY (outside a transaction), then
 * the validations of what was added NOT VALID.
 */
export type PhaseName = 'enum-values' | 'change' | 'indexes' | 'validate';

export type Phase = {
	readonly name: PhaseName;
	readonly up: readonly string[];
	readonly down: readonly string[];
	/** Lint suppressions the file needs, with their reason (written as cc-dev-lint-disable lines). */
	readonly suppressions: readonly string[];
};

/** The engine's statements both ways, and cc-dev's COMMENT statements. */
export type SafeFormInput = {
	readonly up: readonly string[];
	readonly down: readonly string[];
	readonly upComments: readonly {readonly sql: string; readonly type: string; readonly identity: string}[];
	readonly downComments: readonly {readonly sql: string}[];
};

const qualified = /"([^"]+)"\."([^"]+)"/;
const createIndex = /^CREATE (UNIQUE )?INDEX (\S+) ON (?:ONLY )?(\S+) USING ([\s\S]*?);?$/;
const addConstraint = /^alter table ("[^"]+"\."[^"]+") add constraint "([^"]+)" ([\s\S]*?)( not valid)?;$/i;
const usingIndex = /^(PRIMARY KEY|UNIQUE) using index "([^"]+)"$/i;
const validate = /^alter table ("[^"]+"\."[^"]+") validate constraint "([^"]+)";$/i;
const setNotNull = /^alter table ("[^"]+"\."[^"]+") alter column "?([^"\s]+)"? set not null;$/i;
const enumRename = /^alter type ("[^"]+"\."[^"]+") rename to "([^"]+)__old_version_to_be_dropped";$/i;
const enumCreate = /^create type ("[^"]+"\."[^"]+") as enum /i;
const enumColumn = /^alter table ("[^"]+"\."[^"]+") alter column "?([^"\s]+)"? type ("[^"]+"\."[^"]+") using /i;
const enumDropOld = /^drop type "([^"]+)"\."([^"]+)__old_version_to_be_dropped";$/i;

/** `public.decks` or `"public"."decks"` as the engine's key `"public"."decks"`. */
function tableKey(name: string): string {
	const match = qualified.exec(name);
	if (match) return `"${match[1]}"."${match[2]}"`;
	const [schema, table] = name.split('.');
	return `"${(schema ?? '').replace(/"/g, '')}"."${(table ?? '').replace(/"/g, '')}"`;
}

function plain(key: string): string {
	const match = qualified.exec(key);
	return match ? `${ident(match[1]!)}.${ident(match[2]!)}` : key;
}

/** An identifier, quoted only when it must be. */
export function ident(name: string): string {
	return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

function checkName(table: string, column: string): string {
	const name = `${table}_${column}_not_null`;
	return name.length <= 63 ? name : `${name.slice(0, 54)}_not_null`;
}

function isEnumStatement(statement: string, enums: ReadonlySet<string>): boolean {
	const rename = enumRename.exec(statement);
	if (rename) return enums.has(rename[1]!);
	const create = enumCreate.exec(statement);
	if (create) return enums.has(create[1]!);
	const column = enumColumn.exec(statement);
	if (column) return enums.has(column[3]!);
	const dropOld = enumDropOld.exec(statement);
	if (dropOld) return enums.has(`"${dropOld[1]}"."${dropOld[2]}"`);
	return false;
}

function addValueStatements(addition: EnumAddition): string[] {
	return addition.added.map((entry) => {
		const position = entry.before !== undefined ? ` BEFORE ${literal(entry.before)}` : entry.after !== undefined ? ` AFTER ${literal(entry.after)}` : '';
		return `ALTER TYPE ${ident(addition.schema)}.${ident(addition.name)} ADD VALUE ${literal(entry.value)}${position};`;
	});
}

/** Drops in a down section made idempotent: an earlier down (a later file's) may have removed the object already. */
function idempotentDown(statement: string): string {
	return statement
		.replace(/^(alter table "[^"]+"\."[^"]+" drop constraint) "/i, '$1 if exists "')
		.replace(/^drop index "/i, 'drop index if exists "');
}

/**
 * Rewrites the engine's statements into cc-dev's safe forms, split into phases:
 * - a value added to an existing enum: `ALTER TYPE ... ADD VALUE` (not the engine's rebuild of the
 *   type, which rewrites every table using it under an exclusive lock), in its own file;
 * - an index on an existing table: built CONCURRENTLY in a `Transaction: none` file; a primary key
 *   or unique constraint on an existing table is then attached to that index;
 * - a foreign key or check on an existing table: added NOT VALID, validated in the next file;
 * - SET NOT NULL on an existing column: a NOT VALID check, validated, then SET NOT NULL (which uses
 *   the validated check instead of scanning the table under an exclusive lock), then the check dropped.
 * On new tables the plain forms are kept: there are no rows to protect.
 */
export function applySafeForms(statements: SafeFormInput, changes: SchemaChanges, existingColumns: (table: string, column: string) => boolean): Phase[] {
	const {up, down} = statements;
	const additions = new Set(changes.enumAdditions.map((addition) => addition.key));
	const phases: Record<PhaseName, {up: string[]; down: string[]; suppressions: string[]}> = {
		'enum-values': {up: changes.enumAdditions.flatMap(addValueStatements), down: [], suppressions: []},
		change: {up: [], down: [], suppressions: []},
		indexes: {up: [], down: [], suppressions: []},
		validate: {up: [], down: [], suppressions: []},
	};
	const existing = (name: string): boolean => changes.existingTables.has(tableKey(name));
	const concurrentIndexes = new Set<string>();
	for (const statement of up) {
		if (isEnumStatement(statement, additions)) continue;
		const index = createIndex.exec(statement);
		if (index && existing(index[3]!)) {
			const [, unique, name, table, rest] = index;
			const schema = qualified.exec(tableKey(table!))![1]!;
			const qualifiedIndex = `${ident(schema)}.${name}`;
			concurrentIndexes.add(name!);
			phases.indexes.up.push(`DROP INDEX CONCURRENTLY IF EXISTS ${qualifiedIndex};`, `CREATE ${unique ?? ''}INDEX CONCURRENTLY ${name} ON ${table} USING ${rest};`);
			phases.indexes.down.push(`DROP INDEX CONCURRENTLY IF EXISTS ${qualifiedIndex};`);
			continue;
		}
		const constraint = addConstraint.exec(statement);
		if (constraint) {
			const [, table, name, definition, notValid] = constraint;
			const attach = usingIndex.exec(definition!);
			if (attach && concurrentIndexes.has(attach[2]!)) {
				phases.validate.up.push(`ALTER TABLE ${plain(table!)} ADD CONSTRAINT ${ident(name!)} ${attach[1]} USING INDEX ${ident(attach[2]!)};`);
				phases.validate.down.push(`ALTER TABLE ${plain(table!)} DROP CONSTRAINT IF EXISTS ${ident(name!)};`);
				continue;
			}
			if (notValid && !existing(table!)) {
				phases.change.up.push(`alter table ${table} add constraint "${name}" ${definition};`);
				continue;
			}
			phases.change.up.push(statement);
			continue;
		}
		const validation = validate.exec(statement);
		if (validation) {
			if (existing(validation[1]!)) {
				phases.validate.up.push(`ALTER TABLE ${plain(validation[1]!)} VALIDATE CONSTRAINT ${ident(validation[2]!)};`);
			}
			continue;
		}
		const notNull = setNotNull.exec(statement);
		if (notNull && existing(notNull[1]!) && existingColumns(notNull[1]!, notNull[2]!)) {
			const table = plain(notNull[1]!);
			const tableName = qualified.exec(notNull[1]!)![2]!;
			const column = notNull[2]!;
			const check = ident(checkName(tableName, column));
			phases.change.up.push(`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${ident(column)} IS NOT NULL) NOT VALID;`);
			phases.change.down.push(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${check};`);
			phases.validate.up.push(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${check};`, `ALTER TABLE ${table} ALTER COLUMN ${ident(column)} SET NOT NULL;`, `ALTER TABLE ${table} DROP CONSTRAINT ${check};`);
			phases.validate.down.push(`ALTER TABLE ${table} ALTER COLUMN ${ident(column)} DROP NOT NULL;`, `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${ident(column)} IS NOT NULL) NOT VALID;`);
			continue;
		}
		phases.change.up.push(statement);
	}
	for (const comment of statements.upComments) {
		const onNewIndex = comment.type === 'index' && concurrentIndexes.has(comment.identity.split('.').at(-1) ?? '');
		(onNewIndex ? phases.validate : phases.change).up.push(comment.sql);
	}
	for (const statement of down) {
		if (isEnumStatement(statement, additions)) {
			const column = enumColumn.exec(statement);
			if (column && !existingColumns(column[1]!, column[2]!)) continue;
			phases['enum-values'].down.push(statement);
			continue;
		}
		phases.change.down.push(idempotentDown(statement));
	}
	phases.change.down.push(...statements.downComments.map((comment) => comment.sql));
	// Validations alone have nothing to undo: the down section is a comment, which lint must accept.
	if (phases.validate.up.length > 0 && phases.validate.down.length === 0) phases.validate.suppressions.push('down-missing');
	return (Object.entries(phases) as [PhaseName, {up: string[]; down: string[]; suppressions: string[]}][])
		.filter(([, phase]) => phase.up.length > 0)
		.map(([name, phase]) => ({name, up: phase.up, down: phase.down, suppressions: phase.suppressions}));
}

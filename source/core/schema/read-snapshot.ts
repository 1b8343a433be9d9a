import {z} from 'zod';
import {withClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import {queryRows} from '../database/typed-query.js';
import type {ColumnShape, ConstraintShape, ForeignKeyShape, IndexShape, SchemaSnapshot, TableShape} from './snapshot.js';

const actions: Record<string, string> = {a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT'};

const columnRow = z.object({table: z.string(), name: z.string(), type: z.string(), nullable: z.boolean(), default: z.string().nullable()});
const indexRow = z.object({table: z.string(), name: z.string(), unique: z.boolean(), primary: z.boolean(), method: z.string(), columns: z.array(z.string()), where: z.string().nullable()});
const foreignKeyRow = z.object({table: z.string(), name: z.string(), columns: z.array(z.string()), refTable: z.string(), refColumns: z.array(z.string()), onDelete: z.string()});
const constraintRow = z.object({table: z.string(), name: z.string(), kind: z.string(), definition: z.string()});

/** Reads the public schema's structure from the catalog: tables, columns, keys, indexes, enums, extensions. */
export async function readSnapshot(target: ConnectionTarget, options: {readonly schema?: string; readonly waitMs?: number; readonly signal?: AbortSignal} = {}): Promise<SchemaSnapshot> {
	const schema = options.schema ?? 'public';
	const connectOptions = {waitMs: options.waitMs ?? 5000, applicationName: 'cc-dev schema', ...(options.signal ? {signal: options.signal} : {})};
	return withClient(target, connectOptions, async (client) => {
		const extensionRows = await queryRows(client, 'extensions', z.object({extname: z.string()}), `select extname from pg_extension where extname <> 'plpgsql' order by extname`);
		const extensions = extensionRows.map((row) => row.extname);
		const enumRows = await queryRows(client, 'enums', z.object({name: z.string(), labels: z.array(z.string())}), `
			select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
			from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
			where n.nspname = $1 group by t.typname order by t.typname`, [schema]);
		const columns = await queryRows(client, 'columns', columnRow, `
			select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, not a.attnotnull as nullable,
			       pg_get_expr(d.adbin, d.adrelid) as default
			from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
			left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
			where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
			order by c.relname, a.attnum`, [schema]);
		const indexes = await queryRows(client, 'indexes', indexRow, `
			select t.relname as table, i.relname as name, x.indisunique as unique, x.indisprimary as primary, am.amname as method,
			       array(select pg_get_indexdef(x.indexrelid, k + 1, true) from generate_subscripts(x.indkey, 1) k order by k) as columns,
			       pg_get_expr(x.indpred, x.indrelid) as where
			from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
			join pg_namespace n on n.oid = t.relnamespace join pg_am am on am.oid = i.relam
			where n.nspname = $1 order by t.relname, i.relname`, [schema]);
		const foreignKeys = await queryRows(client, 'foreign keys', foreignKeyRow, `
			select t.relname as table, k.conname as name,
			       array(select a.attname::text from unnest(k.conkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o) as columns,
			       r.relname as "refTable",
			       array(select a.attname::text from unnest(k.confkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o) as "refColumns",
			       k.confdeltype::text as "onDelete"
			from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid join pg_namespace n on n.oid = t.relnamespace
			where n.nspname = $1 and k.contype = 'f' order by t.relname, k.conname`, [schema]);
		const constraints = await queryRows(client, 'constraints', constraintRow, `
			select t.relname as table, k.conname as name, k.contype::text as kind, pg_get_constraintdef(k.oid) as definition
			from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
			where n.nspname = $1 and k.contype in ('c', 'u', 'x') order by t.relname, k.conname`, [schema]);

		const tables: Record<string, {columns: ColumnShape[]; primaryKey: TableShape['primaryKey']; indexes: IndexShape[]; foreignKeys: ForeignKeyShape[]; constraints: ConstraintShape[]}> = {};
		const tableOf = (name: string) => (tables[name] ??= {columns: [], primaryKey: null, indexes: [], foreignKeys: [], constraints: []});
		for (const column of columns) tableOf(column.table).columns.push({name: column.name, type: column.type, nullable: column.nullable, default: column.default});
		for (const index of indexes) {
			if (index.primary) tableOf(index.table).primaryKey = {name: index.name, columns: index.columns};
			else tableOf(index.table).indexes.push({name: index.name, unique: index.unique, method: index.method, columns: index.columns, where: index.where});
		}
		for (const key of foreignKeys) {
			tableOf(key.table).foreignKeys.push({name: key.name, columns: key.columns, references: {table: key.refTable, columns: key.refColumns}, onDelete: actions[key.onDelete] ?? key.onDelete});
		}
		for (const constraint of constraints) tableOf(constraint.table).constraints.push({name: constraint.name, kind: constraint.kind, definition: constraint.definition});
		return {
			extensions,
			enums: Object.fromEntries(enumRows.map((row) => [row.name, row.labels])),
			tables,
		};
	});
}

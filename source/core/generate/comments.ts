import type {InspectedCatalog} from './schema-engine.js';

/** A comment on a schema object (COMMENT ON ...): the engine does not compare them, cc-dev does. */
export type SchemaComment = {
	/** pg_identify_object's type: table, table column, index, table constraint, function... */
	readonly type: string;
	/** Schema-qualified identity (read under an empty search_path). */
	readonly identity: string;
	readonly text: string;
};

/** Comments on the database's own objects: not the catalogs', not extensions' members, not extensions themselves. */
export async function readComments(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<SchemaComment[]> {
	const rows = await run(`
		select o.type, o.identity, d.description as text
		from pg_catalog.pg_description d
		cross join lateral pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o
		where d.classoid <> 'pg_catalog.pg_extension'::pg_catalog.regclass
		  and (o.schema is null or (o.schema not in ('pg_catalog', 'information_schema', 'pg_toast') and o.schema not like 'pg_temp%'))
		  and not exists (select 1 from pg_catalog.pg_depend e where e.classid = d.classoid and e.objid = d.objoid and e.deptype = 'e')
		  and not (o.type = 'schema' and o.identity = 'public')
		order by o.type, o.identity`);
	return rows as SchemaComment[];
}

const simpleKinds: Record<string, string> = {
	table: 'TABLE',
	view: 'VIEW',
	'materialized view': 'MATERIALIZED VIEW',
	index: 'INDEX',
	sequence: 'SEQUENCE',
	type: 'TYPE',
	'composite type': 'TYPE',
	domain: 'DOMAIN',
	function: 'FUNCTION',
	procedure: 'PROCEDURE',
	schema: 'SCHEMA',
	'table column': 'COLUMN',
	'view column': 'COLUMN',
	'materialized view column': 'COLUMN',
};
const onTableKinds: Record<string, string> = {'table constraint': 'CONSTRAINT', trigger: 'TRIGGER', policy: 'POLICY', rule: 'RULE'};

function literal(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** `COMMENT ON ... IS ...` for a comment, or undefined for a kind of object cc-dev cannot name. */
export function commentStatement(comment: Pick<SchemaComment, 'type' | 'identity'>, text: string | null): string | undefined {
	const value = text === null ? 'NULL' : literal(text);
	const simple = simpleKinds[comment.type];
	if (simple) return `COMMENT ON ${simple} ${comment.identity} IS ${value};`;
	const onTable = onTableKinds[comment.type];
	const match = /^(.+) on (.+)$/.exec(comment.identity);
	if (onTable && match) return `COMMENT ON ${onTable} ${match[1]} ON ${match[2]} IS ${value};`;
	return undefined;
}

function quoted(identity: string): string {
	return identity.split('.').map((part) => (part.startsWith('"') ? part : `"${part}"`)).join('.');
}

/** Whether the object a comment was on still exists in `catalog` (only asked for objects the engine lists). */
function stillExists(comment: SchemaComment, catalog: InspectedCatalog): boolean {
	const relations = (catalog['relations'] ?? {}) as Record<string, {columns?: Record<string, unknown>}>;
	if (comment.type.endsWith(' column')) {
		const dot = comment.identity.lastIndexOf('.');
		const column = comment.identity.slice(dot + 1).replace(/^"|"$/g, '');
		return relations[quoted(comment.identity.slice(0, dot))]?.columns?.[column] !== undefined;
	}
	if (['table', 'view', 'materialized view'].includes(comment.type)) return relations[quoted(comment.identity)] !== undefined;
	if (comment.type === 'index') return catalog.indexes[quoted(comment.identity)] !== undefined;
	if (comment.type === 'table constraint') {
		const match = /^(.+) on (.+)$/.exec(comment.identity);
		return match !== null && catalog.constraints[`${quoted(match[2]!)}.${quoted(match[1]!)}`] !== undefined;
	}
	return false;
}

export type CommentChanges = {
	readonly statements: readonly {readonly sql: string; readonly type: string; readonly identity: string}[];
	/** Comments on objects cc-dev cannot name in a COMMENT statement. */
	readonly unsupported: readonly SchemaComment[];
};

/** The COMMENT statements that turn `from`'s comments into `to`'s. */
export function diffComments(from: readonly SchemaComment[], to: readonly SchemaComment[], toCatalog: InspectedCatalog): CommentChanges {
	const key = (comment: SchemaComment): string => `${comment.type}\u0000${comment.identity}`;
	const before = new Map(from.map((comment) => [key(comment), comment]));
	const after = new Map(to.map((comment) => [key(comment), comment]));
	const statements: {sql: string; type: string; identity: string}[] = [];
	const unsupported: SchemaComment[] = [];
	const add = (comment: SchemaComment, text: string | null): void => {
		const sql = commentStatement(comment, text);
		if (sql === undefined) unsupported.push(comment);
		else statements.push({sql, type: comment.type, identity: comment.identity});
	};
	for (const [name, comment] of after) {
		if (before.get(name)?.text !== comment.text) add(comment, comment.text);
	}
	for (const [name, comment] of before) {
		if (!after.has(name) && stillExists(comment, toCatalog)) add(comment, null);
	}
	return {statements, unsupported};
}

import type {PgClient} from '../database/connect.js';

/**
 * Indexes PostgreSQL marks INVALID, other than ones being built right now: what an interrupted
 * CREATE INDEX CONCURRENTLY (a killed deploy, a cancelled statement) leaves behind. Such an index is
 * not used by queries but is kept up to date by every write, and a re-run of the migration that
 * creates it fails with "already exists". Qualified names, quoted as needed.
 */
export async function readInvalidIndexes(client: PgClient): Promise<string[]> {
	const result = await client.query<{name: string}>(
		`select format('%I.%I', n.nspname, c.relname) as name
		 from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
		 where not i.indisvalid and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
		 and not exists (select 1 from pg_stat_progress_create_index p where p.index_relid = i.indexrelid)
		 order by 1`,
	);
	return result.rows.map((row) => row.name);
}

/** What to do about INVALID indexes, for a status line or an error hint. */
export function invalidIndexAdvice(indexes: readonly string[]): string {
	const statements = indexes.map((name) => `DROP INDEX CONCURRENTLY IF EXISTS ${name};`).join(' ');
	return `${indexes.length === 1 ? 'An INVALID index is' : `${indexes.length} INVALID indexes are`} left by an interrupted CREATE INDEX CONCURRENTLY: ${indexes.join(', ')}. Drop ${indexes.length === 1 ? 'it' : 'them'} (${statements}) and run the migration again.`;
}

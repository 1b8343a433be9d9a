import {withClient} from '../database/connect.js';
import type {ConnectionTarget} from '../database/target.js';
import {versionTable} from '../migrations/version-table.js';

/**
 * Every object a migration can leave in a database, other than cc-dev's version table: relations
 * (tables, views, sequences, indexes), types, functions and procedures in the public schema, other
 * schemas, and extensions. Empty after a full downgrade when every down section undoes its up.
 */
export async function listSchemaObjects(target: ConnectionTarget, options: {readonly waitMs?: number} = {}): Promise<string[]> {
	return withClient(target, {waitMs: options.waitMs ?? 0, applicationName: 'cc-dev test'}, async (client) => {
		const result = await client.query<{object: string}>(
			`select format('%s %I', case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view' when 'm' then 'materialized view'
			         when 'S' then 'sequence' when 'i' then 'index' when 'I' then 'index' when 'f' then 'foreign table' else 'relation' end, c.relname) as object
			 from pg_class c
			 where c.relnamespace = 'public'::regnamespace and c.relkind <> 'c' and c.relname not like $1
			 union all
			 select format('type %I', t.typname) from pg_type t
			 where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'c', 'r', 'm') and (t.typtype <> 'c' or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))
			 union all
			 select format('function %s', p.oid::regprocedure) from pg_proc p
			 where p.pronamespace = 'public'::regnamespace and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
			 union all
			 select format('schema %I', n.nspname) from pg_namespace n
			 where n.nspname not in ('public', 'information_schema') and n.nspname not like 'pg\\_%'
			 union all
			 select format('extension %I', e.extname) from pg_extension e where e.extname <> 'plpgsql'
			 order by 1`,
			[`${versionTable}%`],
		);
		return result.rows.map((row) => row.object);
	});
}

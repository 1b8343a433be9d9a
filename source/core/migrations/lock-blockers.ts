import type {PgClient} from '../database/connect.js';
import type {AnalysedMigration} from './statements.js';

export type LockBlocker = {readonly pid: number; readonly description: string};

/** Every table a migration names. */
function relationsOf(step: AnalysedMigration): string[] {
	return [...new Set(step.statements.flatMap((statement) => statement.relations))];
}

/** Sessions holding locks on the tables a migration touches: who blocked it. */
export async function findLockBlockers(client: PgClient, step: AnalysedMigration): Promise<LockBlocker[]> {
	const relations = relationsOf(step);
	if (relations.length === 0) return [];
	const result = await client.query<{pid: number; application_name: string; state: string; age: string; relname: string; mode: string; query: string}>(
		`select distinct on (a.pid) a.pid, a.application_name, coalesce(a.state, '') as state,
		        coalesce(to_char(now() - a.xact_start, 'HH24:MI:SS'), '') as age, c.relname, l.mode, left(a.query, 120) as query
		 from pg_locks l join pg_class c on c.oid = l.relation join pg_stat_activity a on a.pid = l.pid
		 where l.granted and c.relname = any($1) and a.pid <> pg_backend_pid()
		 order by a.pid`,
		[relations],
	);
	return result.rows.map((row) => ({
		pid: row.pid,
		description: `${row.application_name || 'no application name'}, ${row.state}${row.age ? ` for ${row.age}` : ''}, ${row.mode} on ${row.relname}: ${row.query.replace(/\s+/g, ' ')}`,
	}));
}

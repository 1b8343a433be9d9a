import type {PgClient} from '../database/connect.js';
import {EnvironmentError} from '../errors.js';
import {isPostgresError} from '../migrations/sql-error.js';
import type {DeployEventSink, ExtensionStatus} from './deploy-events.js';

/** The extensions the Cognition Curator schema needs before its first migration (uuid_generate_v4). */
export const requiredExtensions: readonly string[] = ['uuid-ossp'];

export type ExtensionOutcome = {readonly name: string; readonly status: ExtensionStatus};

function quoteIdentifier(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

function extensionError(error: unknown, name: string, who: {user: string; database: string}): unknown {
	if (!isPostgresError(error)) return error;
	const statement = `CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(name)} WITH SCHEMA public;`;
	if (error.code === '42501') {
		return new EnvironmentError(`The role "${who.user}" may not create the extension ${name} in the database "${who.database}": ${error.message}.`, {
			hint: `Create it once as the database owner or a superuser (${statement}), or grant CREATE on the database to "${who.user}"; then deploy again.`,
			cause: error,
		});
	}
	if (error.code === '58P01' || error.code === '0A000') {
		return new EnvironmentError(`The extension ${name} is not available on this PostgreSQL server: ${error.message}.`, {
			hint: 'Install the PostgreSQL contrib package on the server (Railway\'s PostgreSQL has it).',
			cause: error,
		});
	}
	return new EnvironmentError(`Cannot create the extension ${name}: ${error.message}.`, {hint: `Run ${statement} by hand to see why.`, cause: error});
}

/** Which of `names` the database has, and who is asking. Issued at once: other queries can go out with it. */
export type ExtensionLookup = {readonly present: ReadonlySet<string>; readonly user: string; readonly database: string};

export async function lookupExtensions(client: PgClient, names: readonly string[]): Promise<ExtensionLookup> {
	const found = await client.query<{extname: string; user: string; database: string}>(
		'select e.extname, current_user as user, current_database() as database from (select 1) one left join pg_extension e on e.extname = any($1)',
		[names],
	);
	return {present: new Set(found.rows.map((row) => row.extname).filter(Boolean)), user: found.rows[0]?.user ?? 'unknown', database: found.rows[0]?.database ?? 'unknown'};
}

/**
 * Creates the extensions that are missing (a dry run only reports them). An extension already
 * there needs no privilege at all, so a restricted role deploys fine once it exists.
 */
export async function ensureExtensions(
	client: PgClient,
	names: readonly string[],
	options: {readonly dryRun: boolean; readonly onEvent?: DeployEventSink; readonly lookup?: Promise<ExtensionLookup>},
): Promise<ExtensionOutcome[]> {
	if (names.length === 0) return [];
	const {present, user, database} = await (options.lookup ?? lookupExtensions(client, names));
	const outcomes: ExtensionOutcome[] = [];
	for (const name of names) {
		let status: ExtensionStatus = 'present';
		if (!present.has(name)) {
			status = options.dryRun ? 'missing' : 'created';
			if (!options.dryRun) {
				try {
					await client.query(`CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(name)} WITH SCHEMA public`);
				} catch (error) {
					throw extensionError(error, name, {user, database});
				}
			}
		}
		outcomes.push({name, status});
		options.onEvent?.({type: 'extension', name, status});
	}
	return outcomes;
}

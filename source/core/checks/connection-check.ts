import {withClient} from '../database/connect.js';
import {createDbDenied} from '../database/scratch-database.js';
import {describeTarget} from '../database/target.js';
import {EnvironmentError} from '../errors.js';
import type {Migration} from '../migrations/migration.js';
import {passed, type Check} from './check.js';
import {pluralWord} from '../plural.js';

const createExtension = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"]+)"|([a-z_][\w-]*))/gi;

/** The extensions the migrations create, from their up sections. */
export function requiredExtensions(migrations: readonly Migration[]): string[] {
	const names = new Set<string>();
	for (const migration of migrations) {
		for (const match of migration.up.sql.matchAll(createExtension)) names.add((match[1] ?? match[2]!).toLowerCase());
	}
	return [...names].sort();
}

/** 1. The configured server answers within the wait bound; its version; the extensions the migrations need; the right to create databases. */
export const connectionCheck: Check = {
	id: 'connection',
	title: 'Database connection',
	passedTitle: 'Database connection working',
	async run(context) {
		let extensions: string[] = [];
		try {
			extensions = requiredExtensions(context.graph().ordered);
		} catch {
			// Invalid migrations are the next check's finding; connect anyway.
		}
		return withClient(context.target, {waitMs: context.waitMs, signal: context.signal, applicationName: 'cc-dev test'}, async (client) => {
			const facts = await client.query<{version: string; can_create: boolean}>(
				`select current_setting('server_version') as version,
				        coalesce((select rolsuper or rolcreatedb from pg_roles where rolname = current_user), false) as can_create`,
			);
			const {version, can_create: canCreate} = facts.rows[0]!;
			const available = await client.query<{name: string}>('select name from pg_available_extensions where name = any($1::text[])', [extensions]);
			const missing = extensions.filter((name) => !available.rows.some((row) => row.name === name));
			if (missing.length > 0) {
				throw new EnvironmentError(`PostgreSQL ${version} at ${describeTarget(context.target)} lacks the ${pluralWord(missing.length, 'extension')} ${missing.join(', ')} that the migrations create.`, {
					hint: 'Install the PostgreSQL contrib package on the server (postgresql-contrib), or use the postgres Docker image, which has it.',
				});
			}
			if (!canCreate) throw createDbDenied(context.target);
			const needs = extensions.length > 0 ? `; ${extensions.join(', ')} available` : '';
			return passed(`PostgreSQL ${version} at ${describeTarget(context.target)}${needs}; may create scratch databases`, `PostgreSQL ${version.split(' ')[0]}`);
		});
	},
};

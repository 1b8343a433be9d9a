import type {ExecutionContext} from 'ava';
import pg from 'pg';
import {freshDatabase} from '../../../helpers/database.js';

/**
 * What a real PostgreSQL 15 does with a statement, so that each rule's verdict is checked against
 * the server rather than against what its author believed.
 */
export type Server = {
	/** Runs SQL (several statements allowed) and returns the error message, or undefined when it succeeds. */
	errorOf(sql: string): Promise<string | undefined>;
	/** Runs `setup`, then whether `statement` gives `table` a new data file (a rewrite). */
	rewrites(table: string, statement: string): Promise<boolean>;
	/** The lock modes this session holds on each relation just after `statement`, inside a transaction then rolled back. */
	locksAfter(statement: string): Promise<Record<string, string[]>>;
	query(sql: string): Promise<pg.QueryResult>;
	/** Runs statements one by one, as cc-dev runs a migration without a transaction: the first error, or undefined. */
	errorOfEach(statements: readonly string[]): Promise<string | undefined>;
	/** Runs statements one by one in a session of its own that then ends, as a migration run's connection does. */
	inSession(statements: readonly string[]): Promise<void>;
};

/** A fresh database for the test with `setup` applied. */
export async function server(t: ExecutionContext, setup = ''): Promise<Server> {
	const target = await freshDatabase(t);
	const client = new pg.Client({connectionString: target.url});
	await client.connect();
	t.teardown(async () => client.end());
	if (setup !== '') await client.query(setup);
	const errorOf = async (sql: string): Promise<string | undefined> => {
		try {
			await client.query(sql);
			return undefined;
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			return (error as Error).message;
		}
	};
	return {
		errorOf,
		async rewrites(table, statement) {
			const before = await client.query<{node: string}>('SELECT pg_relation_filenode($1::regclass)::text AS node', [table]);
			await client.query(statement);
			const after = await client.query<{node: string}>('SELECT pg_relation_filenode($1::regclass)::text AS node', [table]);
			return before.rows[0]!.node !== after.rows[0]!.node;
		},
		async locksAfter(statement) {
			await client.query('BEGIN');
			try {
				await client.query(statement);
				const result = await client.query<{relname: string; mode: string}>(
					`SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
					 WHERE l.pid = pg_backend_pid() AND l.granted AND c.relnamespace <> 'pg_catalog'::regnamespace ORDER BY 1, 2`,
				);
				const locks: Record<string, string[]> = {};
				for (const row of result.rows) (locks[row.relname] ??= []).push(row.mode);
				return locks;
			} finally {
				await client.query('ROLLBACK');
			}
		},
		query: async (sql) => client.query(sql),
		async errorOfEach(statements) {
			for (const statement of statements) {
				const error = await errorOf(statement);
				if (error !== undefined) return error;
			}
			return undefined;
		},
		async inSession(statements) {
			const session = new pg.Client({connectionString: target.url});
			await session.connect();
			try {
				for (const statement of statements) await session.query(statement);
			} finally {
				await session.end();
			}
		},
	};
}

import {mkdirSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ExecutionContext} from 'ava';
import pg from 'pg';
import {loadConfig} from '../../source/core/config/load-config.js';
import {buildDatabaseUrl, parseDatabaseUrl, withDatabase, type ConnectionTarget} from '../../source/core/database/target.js';
import {createEmbeddedProvider} from '../../source/core/providers/embedded.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** CC_DEV_TEST_PORT lets several copies of the suite run at once on one machine, each with its own server. */
export const testPort = Number(process.env['CC_DEV_TEST_PORT'] ?? 54329);
export const testStateDir = path.join(repoRoot, '.cc-dev', testPort === 54329 ? 'test' : `test-${testPort}`);

/**
 * How long a test waits to reach the running test server: generous, because three copies of the suite
 * on a busy two-core machine make a connection slow now and then; only a broken server reaches it.
 */
export const serverWaitMs = 60_000;

/** The test server's configuration: the embedded provider on its own port and state folder. */
export function testConfig() {
	const env: NodeJS.ProcessEnv = {...process.env, CC_DEV_STATE_DIR: testStateDir, CC_DEV_EMBEDDED_FSYNC: 'off'};
	delete env['DATABASE_URL'];
	return loadConfig({cwd: repoRoot, port: testPort, provider: 'embedded'}, env);
}

async function withStartLock<T>(fn: () => Promise<T>): Promise<T> {
	const lock = path.join(repoRoot, '.cc-dev', 'test-start.lock');
	mkdirSync(path.dirname(lock), {recursive: true});
	const deadline = Date.now() + 120_000;
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			const age = Date.now() - (statSync(lock, {throwIfNoEntry: false})?.mtimeMs ?? Date.now());
			if (age > 60_000) rmSync(lock, {recursive: true, force: true});
			if (Date.now() > deadline) throw new Error('timed out waiting for the test server start lock');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lock, {recursive: true, force: true});
	}
}

let started: Promise<ConnectionTarget> | undefined;

/**
 * The PostgreSQL server the tests use: the project's own embedded provider (real PostgreSQL 15),
 * started once and shared by every test file; each test gets a database of its own.
 */
export function testServer(): Promise<ConnectionTarget> {
	started ??= withStartLock(async () => {
		const config = testConfig();
		await createEmbeddedProvider(config).start();
		return parseDatabaseUrl(buildDatabaseUrl({user: config.local.user, password: config.local.password, host: '127.0.0.1', port: testPort, database: 'postgres'}), 'the test server');
	});
	return started;
}

export async function adminQuery(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
	const target = await testServer();
	const client = new pg.Client({connectionString: target.url});
	await client.connect();
	try {
		return await client.query(sql, values);
	} finally {
		await client.end();
	}
}

/** A new, empty database for one test, dropped when the test ends. */
export async function freshDatabase(t: ExecutionContext): Promise<ConnectionTarget> {
	const name = `cc_test_${Math.random().toString(36).slice(2, 10)}`;
	await adminQuery(`CREATE DATABASE ${name}`);
	t.teardown(async () => {
		await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	});
	return withDatabase(await testServer(), name);
}

/** Runs queries against a test database and closes the connection. */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(target: ConnectionTarget, sql: string, values: unknown[] = []): Promise<R[]> {
	const client = new pg.Client({connectionString: target.url});
	await client.connect();
	try {
		return (await client.query<R>(sql, values)).rows;
	} finally {
		await client.end();
	}
}

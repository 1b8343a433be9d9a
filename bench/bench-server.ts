import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {loadConfig} from '../source/core/config/load-config.js';
import {buildDatabaseUrl, parseDatabaseUrl, withDatabase, type ConnectionTarget} from '../source/core/database/target.js';
import {createEmbeddedProvider} from '../source/core/providers/embedded.js';

export const repoRoot = path.resolve(import.meta.dirname, '..');
/** Its own port (CC_DEV_BENCH_PORT) so that benches of several checkouts can run at once. */
export const benchPort = Number(process.env['CC_DEV_BENCH_PORT'] ?? 54391);

/**
 * A dedicated embedded server for the benchmarks, with default (durable) settings. Its cluster
 * lives under the temporary folder (kept between runs): PostgreSQL runs as another OS user when
 * the bench runs as root, and must be able to reach it.
 */
function benchProvider() {
	const env: NodeJS.ProcessEnv = {...process.env, CC_DEV_STATE_DIR: path.join(tmpdir(), `cc-dev-bench-${benchPort}`)};
	delete env['DATABASE_URL'];
	const config = loadConfig({cwd: repoRoot, port: benchPort, provider: 'embedded'}, env);
	return {config, provider: createEmbeddedProvider(config)};
}

export async function startBenchServer(): Promise<ConnectionTarget> {
	const {config, provider} = benchProvider();
	await provider.start();
	return parseDatabaseUrl(buildDatabaseUrl({user: config.local.user, password: config.local.password, host: '127.0.0.1', port: benchPort, database: 'postgres'}), 'bench');
}

/** Stops the bench server at the end of a run: nothing of the bench keeps running after it. */
export async function stopBenchServer(): Promise<void> {
	await benchProvider().provider.stop();
}

export async function adminRun(server: ConnectionTarget, sql: string): Promise<void> {
	const client = new pg.Client({connectionString: server.url});
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

export async function scratch(server: ConnectionTarget, name: string): Promise<ConnectionTarget> {
	await adminRun(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	await adminRun(server, `CREATE DATABASE ${name}`);
	return withDatabase(server, name);
}

/** BENCH_KEEP=1 keeps the generated workloads in the temporary folder, for inspection. */
const keepTempDirs = process.env['BENCH_KEEP'] === '1';
const madeTempDirs: string[] = [];

/** A folder under the temporary folder (TMPDIR) for generated files: removed by removeTempDirs, or when the process exits. */
export function tempDir(prefix: string): string {
	const directory = mkdtempSync(path.join(tmpdir(), prefix));
	madeTempDirs.push(directory);
	return directory;
}

/** Removes the folders tempDir made so far (run.ts calls it after each part, whether it passed or failed); BENCH_KEEP=1 names them instead. */
export function removeTempDirs(): void {
	const made = madeTempDirs.splice(0);
	if (made.length === 0) return;
	if (keepTempDirs) {
		process.stderr.write(`bench: kept (BENCH_KEEP=1): ${made.join(', ')}\n`);
		return;
	}
	for (const directory of made) {
		try {
			// Retried: an interrupted part may still be writing into it.
			rmSync(directory, {recursive: true, force: true, maxRetries: 5, retryDelay: 100});
		} catch (error) {
			process.stderr.write(`bench: could not remove ${directory}: ${(error as Error).message}\n`);
		}
	}
}

// A part run on its own (`node --import=tsx bench/lint.ts`) or a process.exit() still leaves nothing behind.
process.once('exit', removeTempDirs);

export function write(file: string, text: string): string {
	writeFileSync(file, text);
	return file;
}

/** One line of the report: a cc-dev figure, its baseline measured in the same run, the goal and whether it holds. */
export type BenchRow = {
	readonly name: string;
	readonly ms: number;
	/** Milliseconds unless said otherwise (max RSS in MB). */
	readonly unit?: 'ms' | 'MB';
	/** Fastest and slowest of the runs: the spread on a busy machine. */
	readonly spread?: readonly [number, number];
	readonly baselineName?: string;
	readonly baselineMs?: number;
	readonly target?: string;
	readonly met?: boolean;
};

export function spread(values: readonly number[]): [number, number] {
	return [Math.min(...values), Math.max(...values)];
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}

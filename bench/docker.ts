/**
 * The Docker provider's benchmark: `db start` to the first accepted connection (fresh volume, and
 * container already there) and `db status`, each next to the docker CLI doing the same. Needs an
 * engine: the one DOCKER_HOST names, or the one test/helpers/docker-engine.ts starts.
 */
import {execFile} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {loadConfig} from '../source/core/config/load-config.js';
import {readServerFacts} from '../source/core/migrations/server-facts.js';
import {tryConnect} from '../source/core/providers/docker/wait-ready.js';
import {createDockerProvider} from '../source/core/providers/docker-provider.js';
import {composeText, projectEnv} from '../test/docker/docker-project.js';
import {ensureDockerEngine} from '../test/helpers/docker-engine.js';
import {tempDir} from './bench-server.js';

const execFileAsync = promisify(execFile);
const port = 55450;

type Row = {name: string; ms: number; baselineName?: string; baselineMs?: number; target?: string};

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}

async function repeat(times: number, fn: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number> {
	const samples: number[] = [];
	for (let index = 0; index < times; index++) {
		await before?.();
		samples.push(await timed(fn));
	}
	return median(samples);
}

export async function benchDocker(): Promise<Row[]> {
	const engine = await ensureDockerEngine();
	if (!engine.available) throw new Error(`no Docker engine: ${engine.reason}`);
	const dir = path.join(tempDir('ccdb-'), 'bench-docker');
	mkdirSync(dir);
	writeFileSync(path.join(dir, 'docker-compose.yml'), composeText(port));
	const env = projectEnv(engine);
	const config = loadConfig({cwd: dir}, env);
	const provider = createDockerProvider(config, {env});
	const docker = (...args: string[]) => execFileAsync('docker', args, {env});
	const name = (await provider.status()).details?.['container'] ?? '';
	const target = {host: '127.0.0.1', port, user: config.local.user, password: config.local.password, database: config.local.database};
	const untilConnected = async () => {
		for (;;) {
			try {
				return await tryConnect(target, 1000);
			} catch {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		}
	};
	try {
		await provider.destroy();
		const fresh = await timed(() => provider.start());
		const warm = await repeat(5, () => provider.start(), () => provider.stop());
		const baselineWarm = await repeat(5, async () => {
			await docker('start', name);
			await untilConnected();
		}, () => provider.stop());
		const running = await repeat(5, () => provider.start());
		const status = await repeat(20, () => createDockerProvider(config, {env}).status());
		const baselineStatus = await repeat(10, () => docker('inspect', name));
		const migrationsDir = path.resolve(import.meta.dirname, '..', 'migrations');
		const statusWithFacts = await repeat(10, async () => {
			await createDockerProvider(config, {env}).status();
			await readServerFacts(config.target, migrationsDir);
		});
		return [
			{name: 'docker: db start, fresh volume (create, initdb) to first connection', ms: fresh},
			{name: 'docker: db start, container exists, to first connection', ms: warm, baselineName: 'docker start + connect loop', baselineMs: baselineWarm, target: '< 3 s'},
			{name: 'docker: db start when already running', ms: running},
			{name: 'docker: db status (provider)', ms: status, baselineName: 'docker inspect (CLI)', baselineMs: baselineStatus, target: '< 300 ms'},
			{name: 'docker: db status with version, size, revision', ms: statusWithFacts, target: '< 300 ms'},
		];
	} finally {
		await provider.destroy().catch(() => {});
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const row of await benchDocker()) {
		process.stdout.write(`${row.name}: ${row.ms.toFixed(0)} ms${row.baselineName ? ` (${row.baselineName}: ${row.baselineMs?.toFixed(0)} ms)` : ''}\n`);
	}
}

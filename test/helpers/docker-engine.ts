import {execFile, spawn} from 'node:child_process';
import {accessSync, constants, mkdirSync, openSync, rmSync, statSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

/**
 * A Docker engine for the tests: the one DOCKER_HOST names when it answers, else a dockerd this
 * helper starts itself (Debian's docker.io, no bridge, no iptables, vfs, host networking only),
 * shared by all test files through a lock directory. Idempotent: the first caller starts it,
 * the others wait for it. The PostgreSQL image is built locally (no registry).
 */
export type DockerTestEngine =
	| {readonly available: true; readonly dockerHost: string; readonly image: string}
	| {readonly available: false; readonly reason: string};

const execFileAsync = promisify(execFile);
export const engineDir = '/tmp/cc-dev-docker';
export const engineSocket = path.join(engineDir, 'docker.sock');
export const localImage = 'cc-dev/postgres:15-local';
const buildScript = fileURLToPath(new URL('../fixtures/postgres-image/build-image.sh', import.meta.url));

function ping(socketPath: string): Promise<boolean> {
	return new Promise((resolve) => {
		const request = http.get({socketPath, path: '/_ping', timeout: 1000}, (response) => {
			response.resume();
			resolve(response.statusCode === 200);
		});
		request.on('timeout', () => request.destroy());
		request.on('error', () => resolve(false));
	});
}

function onPath(program: string): boolean {
	for (const dir of [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/sbin']) {
		try {
			accessSync(path.join(dir, program), constants.X_OK);
			return true;
		} catch {}
	}
	return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` holding the lock directory; others wait (a lock older than `staleMs` is taken over). */
async function withLock<T>(name: string, staleMs: number, fn: () => Promise<T>): Promise<T> {
	const lock = path.join(engineDir, `${name}.lock`);
	mkdirSync(engineDir, {recursive: true});
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			try {
				if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, {recursive: true, force: true});
			} catch {}
			await sleep(200);
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lock, {recursive: true, force: true});
	}
}

function startDaemon(): void {
	const log = openSync(path.join(engineDir, 'dockerd.log'), 'a');
	const daemon = spawn(
		'dockerd',
		[
			'--iptables=false',
			'--ip6tables=false',
			'--bridge=none',
			'--storage-driver=vfs',
			`--data-root=${path.join(engineDir, 'data')}`,
			`--exec-root=${path.join(engineDir, 'exec')}`,
			`--pidfile=${path.join(engineDir, 'dockerd.pid')}`,
			`-H`,
			`unix://${engineSocket}`,
		],
		{detached: true, stdio: ['ignore', log, log], env: {...process.env, PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/sbin`}},
	);
	daemon.unref();
}

async function ensureDaemon(): Promise<string | undefined> {
	if (await ping(engineSocket)) return undefined;
	if (!onPath('dockerd')) return 'dockerd is not installed (apt-get install -y docker.io)';
	if (process.getuid?.() !== 0) return 'starting dockerd needs root';
	return withLock('engine', 120_000, async () => {
		if (await ping(engineSocket)) return undefined;
		startDaemon();
		for (let waited = 0; waited < 30_000; waited += 200) {
			if (await ping(engineSocket)) return undefined;
			await sleep(200);
		}
		return `dockerd did not answer on ${engineSocket} within 30 s (see ${engineDir}/dockerd.log)`;
	});
}

async function ensureImage(dockerHost: string, image: string): Promise<string | undefined> {
	const env = {...process.env, DOCKER_HOST: dockerHost};
	if (image !== localImage) {
		const present = await execFileAsync('docker', ['image', 'inspect', image], {env}).then(() => true, () => false);
		return present ? undefined : `the image ${image} (CC_DEV_DB_IMAGE) is not present`;
	}
	// The build script returns at once when the image is there and built by the current recipe.
	return withLock('image', 300_000, async () => {
		try {
			await execFileAsync('sh', [buildScript, image], {env});
			return undefined;
		} catch (error) {
			return `building ${image} failed: ${String((error as {stderr?: string}).stderr ?? error).trim().split('\n').pop()}`;
		}
	});
}

let cached: Promise<DockerTestEngine> | undefined;

async function find(): Promise<DockerTestEngine> {
	const unavailable = process.env['CC_DEV_DOCKER_UNAVAILABLE'];
	if (unavailable) return {available: false, reason: unavailable};
	let dockerHost = process.env['DOCKER_HOST'];
	const given = dockerHost?.startsWith('unix://') ? dockerHost.slice('unix://'.length) : undefined;
	if (!given || !(await ping(given))) {
		const problem = await ensureDaemon();
		if (problem) return {available: false, reason: problem};
		dockerHost = `unix://${engineSocket}`;
	}
	if (!onPath('docker')) return {available: false, reason: 'the docker CLI is not installed (apt-get install -y docker.io)'};
	const image = process.env['CC_DEV_DB_IMAGE'] || localImage;
	const problem = await ensureImage(dockerHost!, image);
	if (problem) return {available: false, reason: problem};
	return {available: true, dockerHost: dockerHost!, image};
}

/** The engine for the tests, started and provisioned once per process (and once per machine). */
export function ensureDockerEngine(): Promise<DockerTestEngine> {
	return (cached ??= find());
}

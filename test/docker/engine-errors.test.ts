import {execFile} from 'node:child_process';
import {chmodSync, existsSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';
import {EnvironmentError} from '../../source/core/errors.js';
import {chooseProvider} from '../../source/core/providers/choose-provider.js';
import {probeDockerEngine} from '../../source/core/providers/docker-provider.js';
import {composeText, makeProject} from './docker-project.js';
import {tempFolder} from '../helpers/temp-folder.js';

const execFileAsync = promisify(execFile);
const probeScript = fileURLToPath(new URL('probe-engine.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const nowhere = {DOCKER_HOST: 'unix:///nonexistent'};

test('an engine that is not there: start, stop, status and destroy fail with a clear EnvironmentError', async (t) => {
	const {provider} = makeProject(t, undefined, {port: 55420, env: nowhere});
	for (const operation of [() => provider.start(), () => provider.status(), () => provider.stop(), () => provider.destroy()]) {
		const error = await t.throwsAsync(operation(), {instanceOf: EnvironmentError});
		t.is(error?.exitCode, 3);
		t.is(error?.message, 'The Docker daemon is not running: nothing answers at unix:///nonexistent (DOCKER_HOST).');
		t.regex(error?.hint ?? '', /^Start it \(sudo systemctl start docker, or open Docker Desktop\), check DOCKER_HOST, or use the embedded database: --provider embedded\.$/);
	}
});

test('the automatic choice falls back to the embedded database and says why', async (t) => {
	const {config, env} = makeProject(t, undefined, {port: 55421, env: nowhere});
	const started = Date.now();
	const {provider, reason} = await chooseProvider(config, env);
	t.true(Date.now() - started < 15_000, 'bounded (generously: other test processes share the CPU)');
	t.is(provider.name, 'embedded');
	t.is(reason, 'no Docker engine: The Docker daemon is not running: nothing answers at unix:///nonexistent (DOCKER_HOST)');
	t.deepEqual(await probeDockerEngine(env), {available: false, reason: 'The Docker daemon is not running: nothing answers at unix:///nonexistent (DOCKER_HOST).'});
});

test.serial('an engine that accepts but never answers: the probe gives up after its short timeout', async (t) => {
	const dir = tempFolder(t, 'ccdt-silent-');
	const socket = path.join(dir, 'docker.sock');
	const held: net.Socket[] = [];
	const server = net.createServer((connection) => held.push(connection));
	await new Promise<void>((resolve) => server.listen(socket, resolve));
	t.teardown(() => {
		for (const connection of held) connection.destroy();
		server.close();
	});
	const started = Date.now();
	const probe = await probeDockerEngine({DOCKER_HOST: `unix://${socket}`}, 300);
	t.true(Date.now() - started < 15_000, 'bounded (generously: other test processes share the CPU)');
	t.deepEqual(probe, {available: false, reason: `The Docker engine at unix://${socket} (DOCKER_HOST) did not answer within 300 ms.`});
});

type ProbeOutput = {
	probe: {available: boolean; reason?: string};
	chosen: {name: string; reason: string};
	status: {error: string; exitCode: number; message: string; hint: string};
};

async function runProbe(t: {teardown(fn: () => void): void}, env: NodeJS.ProcessEnv, uid?: number): Promise<ProbeOutput> {
	const dir = tempFolder(t, 'ccdt-probe-');
	chmodSync(dir, 0o755);
	writeFileSync(path.join(dir, 'docker-compose.yml'), composeText(55422));
	const {stdout} = await execFileAsync(process.execPath, ['--import=tsx', probeScript, dir], {
		cwd: repoRoot,
		env: {HOME: dir, TSX_DISABLE_CACHE: '1', ...env},
		...(uid === undefined ? {} : {uid, gid: uid}),
	});
	return JSON.parse(stdout) as ProbeOutput;
}

const hasDefaultSocket = existsSync('/var/run/docker.sock');
if (hasDefaultSocket) {
	test.skip('Docker not installed: skipped because /var/run/docker.sock exists on this machine', () => {});
} else {
	test('Docker not installed: its own message, exit 3, and the automatic choice says so', async (t) => {
		const output = await runProbe(t, {PATH: '/nonexistent-bin'});
		t.like(output.status, {error: 'EnvironmentError', exitCode: 3, message: 'Docker is not installed: no docker program on PATH and nothing at /var/run/docker.sock.'});
		t.regex(output.status.hint, /Install Docker Engine or Docker Desktop.*--provider embedded/);
		t.like(output.chosen, {name: 'embedded', reason: 'no Docker engine: Docker is not installed: no docker program on PATH and nothing at /var/run/docker.sock'});
	});
}

if (process.getuid?.() === 0) {
	test('permission denied on the socket: its own message and hint', async (t) => {
		const dir = tempFolder(t, 'ccdt-perm-');
		chmodSync(dir, 0o755);
		const socket = path.join(dir, 'docker.sock');
		const server = net.createServer((connection) => connection.destroy());
		await new Promise<void>((resolve) => server.listen(socket, resolve));
		chmodSync(socket, 0o600);
		t.teardown(() => {
			server.close();
		});
		const output = await runProbe(t, {PATH: process.env['PATH'] ?? '', DOCKER_HOST: `unix://${socket}`}, 65_534);
		t.like(output.status, {error: 'EnvironmentError', exitCode: 3, message: `Permission denied on the Docker socket ${socket}.`});
		t.regex(output.status.hint, /usermod -aG docker/);
		t.false(output.probe.available);
	});
} else {
	test.skip('permission denied on the socket: skipped because the test needs root to run a child as another user', () => {});
}

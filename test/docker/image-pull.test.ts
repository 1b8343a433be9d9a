import {execFile, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {promisify} from 'node:util';
import test, {type ExecutionContext} from 'ava';
import {withPullProgress} from '../../source/commands/db-docker.js';
import {EnvironmentError} from '../../source/core/errors.js';
import type {CoreEvent} from '../../source/core/events.js';
import {parseEngineHost} from '../../source/core/providers/docker/endpoint.js';
import {openDockerode} from '../../source/core/providers/docker/engine-client.js';
import {ensureImage} from '../../source/core/providers/docker/image.js';
import {ensureDockerEngine} from '../helpers/docker-engine.js';
import {dockerPort, makeProject} from './docker-project.js';
import {until} from '../helpers/until.js';
import {tempFolder} from '../helpers/temp-folder.js';

const execFileAsync = promisify(execFile);
const engine = await ensureDockerEngine();
const registryBinary = '/usr/bin/docker-registry';

function text(stream: PassThrough): () => string {
	const chunks: Buffer[] = [];
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	return () => Buffer.concat(chunks).toString('utf8');
}

/** A registry on 127.0.0.1 (Debian's docker-registry), for the real pull path. */
async function startRegistry(t: ExecutionContext): Promise<number> {
	const registryPort = await dockerPort(t);
	const dir = tempFolder(t, 'ccdt-registry-');
	writeFileSync(
		path.join(dir, 'config.yml'),
		`version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${registryPort}\n`,
	);
	const registry = spawn(registryBinary, ['serve', path.join(dir, 'config.yml')], {stdio: 'ignore'});
	t.teardown(() => {
		registry.kill();
	});
	await until(async () => fetch(`http://127.0.0.1:${registryPort}/v2/`).then((response) => response.ok, () => false), 'the registry to start', 60_000);
	return registryPort;
}

if (!engine.available) {
	test.skip(`docker image pull tests skipped: no Docker engine (${engine.reason})`, () => {});
} else {
	const env = {...process.env, DOCKER_HOST: engine.dockerHost};
	const endpoint = parseEngineHost(engine.dockerHost, 'DOCKER_HOST');

	test('an absent image that cannot be pulled: a clear error naming the image', async (t) => {
		const image = `127.0.0.1:${await dockerPort(t)}/cc-dev/nowhere:1`;
		const {provider} = makeProject(t, engine, {port: await dockerPort(t), env: {CC_DEV_DB_IMAGE: image}});
		const events: CoreEvent[] = [];
		const error = await t.throwsAsync(provider.start({onEvent: (event) => events.push(event)}), {instanceOf: EnvironmentError});
		t.regex(error?.message ?? '', new RegExp(`^Could not pull the image ${image.replaceAll('.', '\\.')}: .*connection refused`));
		t.regex(error?.hint ?? '', /CC_DEV_DB_IMAGE/);
		t.deepEqual(events.map((event) => event.type), ['pull-start']);
	});

	if (existsSync(registryBinary)) {
		test('an absent image is pulled with progress per layer; a present one without any registry access', async (t) => {
			const registryPort = await startRegistry(t);
			const image = `127.0.0.1:${registryPort}/cc-dev/pull-test:${Date.now()}`;
			const rootfs = tempFolder(t, 'ccdt-layer-');
			mkdirSync(path.join(rootfs, 'data'));
			writeFileSync(path.join(rootfs, 'data', 'random.bin'), randomBytes(3 * 1024 * 1024));
			await execFileAsync('sh', ['-c', `tar -C ${rootfs} -c . | docker import - ${image} && docker push ${image} && docker rmi ${image}`], {env});

			const docker = await openDockerode(endpoint);
			const events: CoreEvent[] = [];
			t.deepEqual(await ensureImage(docker, endpoint, image, (event) => events.push(event)), {pulled: true});
			t.teardown(() => execFileAsync('docker', ['rmi', image], {env}).catch(() => {}));
			t.is(events[0]?.type, 'pull-start');
			t.is(events.at(-1)?.type, 'pull-done');
			const progress = events.filter((event): event is Extract<CoreEvent, {type: 'pull-progress'}> => event.type === 'pull-progress');
			const statuses = new Set(progress.map((event) => event.phase));
			t.true(statuses.has('Pull complete'), [...statuses].join(', '));
			t.true(progress.some((event) => event.phase === 'Downloading' && event.total !== undefined && event.current !== undefined));

			// The renderer: one plain line per layer and status without a terminal, bars redrawn in place on one.
			const plain = new PassThrough();
			const plainText = text(plain);
			const tty = new PassThrough();
			const ttyText = text(tty);
			const others: CoreEvent[] = [];
			const plainSink = withPullProgress((event) => others.push(event), plain, false);
			const ttySink = withPullProgress(() => {}, tty, true);
			for (const event of events) {
				plainSink(event);
				ttySink(event);
			}
			const layer = progress[0]!.layer;
			t.regex(plainText(), new RegExp(`^Pulling ${image.replaceAll('.', '\\.')}\\n`));
			t.is(plainText().split('\n').filter((line) => line === `${layer}: Downloading`).length, 1, 'one line per status change');
			t.regex(plainText(), /Pulled .* \(\d+\.\d s\)\n$/);
			t.regex(ttyText(), /\u001B\[1A\u001B\[2K\w+: Downloading +\[=*\s*\] \d+\.\d MB \/ \d+\.\d MB/);
			t.true(others.every((event) => !event.type.startsWith('pull-')));

			// Present now: no pull, even with the registry gone.
			events.length = 0;
			t.deepEqual(await ensureImage(docker, endpoint, image, (event) => events.push(event)), {pulled: false});
			t.deepEqual(events, []);
		});
	} else {
		test.skip('image pull with progress skipped: docker-registry is not installed (apt-get install docker-registry)', () => {});
	}
}

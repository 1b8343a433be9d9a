import test from 'ava';
import pg from 'pg';
import {openDockerode} from '../../source/core/providers/docker/engine-client.js';
import {parseEngineHost} from '../../source/core/providers/docker/endpoint.js';
import {ensureDockerEngine} from '../helpers/docker-engine.js';
import {dockerPort, makeProject} from './docker-project.js';

const engine = await ensureDockerEngine();

async function query(target: {url: string}, sql: string): Promise<unknown[]> {
	const client = new pg.Client({connectionString: target.url});
	await client.connect();
	try {
		return (await client.query(sql)).rows;
	} finally {
		await client.end();
	}
}

if (engine.available) {
	test.serial('start from nothing, again while running, stop/start keeps data, status in every state, destroy', async (t) => {
		const port = await dockerPort(t);
		const project = makeProject(t, engine, {port});
		const {provider, config} = project;
		const docker = await openDockerode(parseEngineHost(engine.dockerHost, 'DOCKER_HOST'));

		const absent = await provider.status();
		t.is(absent.state, 'absent');
		t.is(absent.port, port);
		t.is(absent.provider, 'docker');

		const started = Date.now();
		const running = await provider.start({onEvent: project.onEvent});
		t.log(`start from nothing (fresh volume, initdb): ${Date.now() - started} ms`);
		t.is(running.state, 'running');
		t.is(running.port, port);
		t.truthy(running.startedAt);
		t.is(running.details?.['image'], engine.image);
		const steps = project.events.filter((event) => event.type === 'step-done').map((event) => (event as {id: string}).id);
		t.deepEqual(steps, ['docker-volume', 'docker-create', 'docker-start', 'docker-ready']);
		t.truthy(project.events.find((event) => event.type === 'connected'));

		// Compose recognition: labels and names on the container and the volume.
		const projectName = running.details?.['project'] ?? '';
		t.regex(projectName, /^ccdt-[a-z0-9]+$/);
		const info = await docker.getContainer(`${projectName}-db-1`).inspect();
		t.like(info.Config.Labels, {
			'com.docker.compose.project': projectName,
			'com.docker.compose.service': 'db',
			'com.docker.compose.oneoff': 'False',
			'com.docker.compose.container-number': '1',
		});
		const volume = await docker.getVolume(`${projectName}_postgres_data`).inspect();
		t.like(volume.Labels, {'com.docker.compose.project': projectName, 'com.docker.compose.volume': 'postgres_data'});
		const listed = await docker.listContainers({filters: {label: [`com.docker.compose.project=${projectName}`, 'com.docker.compose.service=db']}});
		t.is(listed.length, 1);

		await query(config.target, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');

		const again = Date.now();
		const second = await provider.start();
		t.log(`start while running: ${Date.now() - again} ms`);
		t.is(second.state, 'running');
		t.is((await docker.getContainer(`${projectName}-db-1`).inspect()).Id, info.Id, 'the same container');

		const stopped = await provider.stop();
		t.is(stopped.state, 'stopped');
		t.is(stopped.startedAt, undefined);
		t.is((await provider.stop()).state, 'stopped', 'stopping a stopped server is not an error');

		const warm = Date.now();
		await provider.start();
		t.log(`warm start (container exists): ${Date.now() - warm} ms`);
		t.deepEqual(await query(config.target, 'SELECT id FROM kept'), [{id: 42}]);

		await provider.destroy({onEvent: project.onEvent});
		t.is((await provider.status()).state, 'absent');
		await t.throwsAsync(docker.getVolume(`${projectName}_postgres_data`).inspect(), {message: /no such volume/i});
		await t.notThrowsAsync(provider.destroy(), 'destroying twice is harmless');
	});

	test.serial('a changed db service recreates the container and keeps the data', async (t) => {
		const [port, movedPort] = [await dockerPort(t), await dockerPort(t)];
		const first = makeProject(t, engine, {port});
		await first.provider.start();
		await query(first.config.target, 'CREATE TABLE survivor (id int)');
		const {loadConfig} = await import('../../source/core/config/load-config.js');
		const {createDockerProvider} = await import('../../source/core/providers/docker-provider.js');
		const moved = loadConfig({cwd: first.dir, port: movedPort}, first.env);
		const events: string[] = [];
		const status = await createDockerProvider(moved, {env: first.env, readyTimeoutMs: 180_000}).start({onEvent: (event) => event.type === 'info' && events.push(event.message)});
		t.is(status.port, movedPort);
		t.true(events.some((message) => message.includes('recreating container')));
		t.deepEqual(await query(moved.target, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'survivor'"), [{n: 1}]);
	});
} else {
	test.skip(`docker lifecycle tests skipped: no Docker engine (${engine.reason})`, () => {});
}

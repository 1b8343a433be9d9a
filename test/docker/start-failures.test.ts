import net from 'node:net';
import test from 'ava';
import {EnvironmentError} from '../../source/core/errors.js';
import {ensureDockerEngine} from '../helpers/docker-engine.js';
import {composeText, dockerPort, makeProject} from './docker-project.js';

const engine = await ensureDockerEngine();

if (engine.available) {
	test.serial('a published port that is already taken: the port, what holds it, and how to choose another', async (t) => {
		const port = await dockerPort(t);
		const holder = net.createServer();
		await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
		t.teardown(() => holder.close());
		const {provider} = makeProject(t, engine, {port});
		const error = await t.throwsAsync(provider.start(), {instanceOf: EnvironmentError});
		t.is(error?.message, `Port ${port} on 127.0.0.1 is already in use by node (pid ${process.pid}).`);
		t.regex(error?.hint ?? '', new RegExp(`cc-dev db start --port ${port + 1} \\(or set CC_DEV_DB_PORT\\)`));
		t.is((await provider.status()).state, 'stopped', 'the container exists but did not start');
		holder.close();
		t.is((await provider.start()).state, 'running', 'starts once the port is free');
	});

	test.serial('a server that exits at once: the error carries the last lines of its log', async (t) => {
		const port = await dockerPort(t);
		const compose = composeText(port).replace('    volumes:\n', '    command: ["postgres", "-c", "no_such_setting=1"]\n    volumes:\n');
		const {provider} = makeProject(t, engine, {port, compose});
		const error = await t.throwsAsync(provider.start(), {instanceOf: EnvironmentError});
		t.regex(error?.message ?? '', /^The database container ccdt-\w+-db-1 did not start: the container exited with code 1\.\nLast lines of its log:\n/);
		t.regex(error?.message ?? '', /unrecognized configuration parameter "no_such_setting"/);
		t.regex(error?.hint ?? '', /cc-dev db logs/);
	});

	test.serial('a server that never accepts connections: the bounded wait ends with its last log lines', async (t) => {
		const port = await dockerPort(t);
		const compose = composeText(port).replace('    volumes:\n', '    command: ["sh", "-c", "echo sleeping instead of serving; exec sleep 60"]\n    volumes:\n');
		const {provider, events, onEvent} = makeProject(t, engine, {port, compose, readyTimeoutMs: 1500});
		const error = await t.throwsAsync(provider.start({onEvent}), {instanceOf: EnvironmentError});
		t.true(events.some((event) => event.type === 'step-start' && event.id === 'docker-ready'), 'it failed in the wait for connections');
		t.true(events.some((event) => event.type === 'connect-attempt'), 'after trying to connect');
		const message = error?.message ?? '';
		const figures = new RegExp(`did not start: PostgreSQL did not accept connections on 127\\.0\\.0\\.1:${port} within 1\\.5 s \\(waited (\\d+(?:\\.\\d)?) s, (\\d+) attempts?; last error: .*ECONNREFUSED.*\\)`).exec(message);
		t.truthy(figures, message);
		t.true(Number(figures?.[1]) >= 1.5, `the wait measured ${figures?.[1]} s: it ends at its bound, not before`);
		t.regex(message, /sleeping instead of serving/);
	});

	test.serial('a volume initialised with another password: a clear error instead of a long wait', async (t) => {
		const port = await dockerPort(t);
		const first = makeProject(t, engine, {port});
		await first.provider.start();
		await first.provider.stop();
		const {loadConfig} = await import('../../source/core/config/load-config.js');
		const {createDockerProvider} = await import('../../source/core/providers/docker-provider.js');
		const {writeFileSync} = await import('node:fs');
		writeFileSync(first.config.composeFile!, composeText(port).replace('POSTGRES_PASSWORD: cognition_pass', 'POSTGRES_PASSWORD: changed_pass'));
		const changed = loadConfig({cwd: first.dir}, first.env);
		const error = await t.throwsAsync(createDockerProvider(changed, {env: first.env}).start(), {instanceOf: EnvironmentError});
		t.regex(error?.message ?? '', /rejects the credentials from docker-compose\.yml/);
		t.notRegex(error?.message ?? '', /changed_pass|cognition_pass/);
		t.regex(error?.hint ?? '', /was initialised with other settings.*cc-dev db destroy/);
	});
} else {
	test.skip(`docker start failure tests skipped: no Docker engine (${engine.reason})`, () => {});
}

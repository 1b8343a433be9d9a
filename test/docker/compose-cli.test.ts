import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import test from 'ava';
import {ensureDockerEngine} from '../helpers/docker-engine.js';
import {dockerPort, makeProject} from './docker-project.js';

const execFileAsync = promisify(execFile);
const engine = await ensureDockerEngine();

/** docker compose (v2 plugin) or docker-compose (v1), whichever answers. */
async function composeCommand(): Promise<string[] | undefined> {
	for (const command of [['docker', 'compose'], ['docker-compose']]) {
		try {
			await execFileAsync(command[0]!, [...command.slice(1), 'version']);
			return command;
		} catch {}
	}
	return undefined;
}

const compose = engine.available ? await composeCommand() : undefined;

if (!engine.available) {
	test.skip(`docker compose recognition skipped: no Docker engine (${engine.reason})`, () => {});
} else if (!compose) {
	test.skip('docker compose recognition skipped: neither the compose plugin nor docker-compose is installed (optional)', () => {});
} else {
	test('docker compose ps and down recognise the container and the volume cc-dev created', async (t) => {
		const project = makeProject(t, engine, {port: await dockerPort(t)});
		const status = await project.provider.start();
		const run = (...args: string[]) =>
			execFileAsync(compose[0]!, [...compose.slice(1), ...args], {cwd: project.dir, env: {...project.env, CC_DEV_DOCKER_NETWORK: ''}});
		const listed = await run('ps');
		t.regex(listed.stdout, new RegExp(`${status.details?.['container']}\\b.*Up|${status.details?.['container']}\\b.*running`, 's'));
		await run('down', '-v');
		t.is((await project.provider.status()).state, 'absent');
		const volumes = await execFileAsync('docker', ['volume', 'ls', '-q'], {env: project.env});
		t.false(volumes.stdout.split('\n').includes(status.details?.['volume'] ?? ''), 'down -v removed the named volume');
	});
}

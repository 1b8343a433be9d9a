import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {loadConfig} from '../../source/core/config/load-config.js';
import {InputError, UsageError} from '../../source/core/errors.js';
import {parseDuration} from '../../source/core/config/compose-file.js';
import {normalizeProjectName, readDockerService} from '../../source/core/providers/docker/compose-service.js';
import {buildContainerSpec} from '../../source/core/providers/docker/container-spec.js';
import {createDockerProvider} from '../../source/core/providers/docker-provider.js';
import {composeText, projectEnv} from './docker-project.js';
import {tempFolder} from '../helpers/temp-folder.js';

function project(t: {teardown(fn: () => void): void}, compose: string, folder = 'Cognition-Curator'): string {
	const parent = tempFolder(t, 'ccdt-compose-');
	const dir = path.join(parent, folder);
	mkdirSync(dir);
	writeFileSync(path.join(dir, 'docker-compose.yml'), compose);
	return dir;
}

const env = projectEnv(undefined, {DOCKER_HOST: 'unix:///nonexistent'});
delete env['CC_DEV_DOCKER_NETWORK'];
delete env['CC_DEV_DB_IMAGE'];

test('names and labels follow docker compose: project = folder name lowercased', (t) => {
	const config = loadConfig({cwd: project(t, composeText(5432))}, env);
	const service = readDockerService(config, env);
	t.is(service.project, 'cognition-curator');
	t.is(service.containerName, 'cognition-curator-db-1');
	t.deepEqual(service.volume, {key: 'postgres_data', name: 'cognition-curator_postgres_data', target: '/var/lib/postgresql/data', external: false});
	const spec = buildContainerSpec(config, service);
	t.like(spec.options.Labels, {
		'com.docker.compose.project': 'cognition-curator',
		'com.docker.compose.service': 'db',
		'com.docker.compose.oneoff': 'False',
		'com.docker.compose.container-number': '1',
	});
	t.deepEqual(spec.volumeLabels, {'com.docker.compose.project': 'cognition-curator', 'com.docker.compose.volume': 'postgres_data'});
	t.is(spec.options.Image, 'postgres:15-alpine');
	t.deepEqual(spec.options.HostConfig?.PortBindings, {'5432/tcp': [{HostIp: '127.0.0.1', HostPort: '5432'}]});
	t.is(spec.options.HostConfig?.NetworkMode, 'default');
	t.deepEqual(spec.options.Healthcheck, {Test: ['CMD-SHELL', 'pg_isready -U cognition_user -d cognition_curator_dev'], Interval: 5e9, Timeout: 5e9, Retries: 5, StartPeriod: 0});
	t.is(spec.options.Cmd, undefined);
});

test('COMPOSE_PROJECT_NAME and a top-level name win over the folder, as in docker compose', (t) => {
	const dir = project(t, `name: My_App\n${composeText(5432)}`);
	t.is(readDockerService(loadConfig({cwd: dir}, env), env).project, 'my_app');
	const named = {...env, COMPOSE_PROJECT_NAME: 'Other'};
	t.is(readDockerService(loadConfig({cwd: dir}, named), named).project, 'other');
	t.is(normalizeProjectName('-My Project.v2'), 'myprojectv2');
});

test('host networking: no publishing, PostgreSQL listens on the host port, --port and the image override apply', (t) => {
	const hostEnv = {...env, CC_DEV_DOCKER_NETWORK: 'host', CC_DEV_DB_IMAGE: 'cc-dev/postgres:15-local'};
	const config = loadConfig({cwd: project(t, composeText(5432)), port: 55499}, hostEnv);
	const spec = buildContainerSpec(config, readDockerService(config, hostEnv));
	t.is(spec.options.HostConfig?.NetworkMode, 'host');
	t.is(spec.options.HostConfig?.PortBindings, undefined);
	t.is(spec.options.Image, 'cc-dev/postgres:15-local');
	t.deepEqual(spec.options.Cmd, ['postgres', '-c', 'listen_addresses=127.0.0.1', '-c', 'port=55499']);
	t.true(spec.options.Env?.includes('PGPORT=55499'));
	const other = buildContainerSpec(loadConfig({cwd: path.dirname(config.composeFile!), port: 55498}, hostEnv), readDockerService(config, hostEnv));
	t.not(other.configHash, spec.configHash, 'another port means another container');
});

test('a compose file with an error: an unsupported field is named, with a hint', async (t) => {
	const dir = project(t, composeText(5432).replace('    image: postgres:15-alpine\n', '    image: postgres:15-alpine\n    env_file: .env\n'));
	const config = loadConfig({cwd: dir}, env);
	const error = await t.throwsAsync(createDockerProvider(config, {env}).start(), {instanceOf: InputError});
	t.is(error?.message, `${path.join(dir, 'docker-compose.yml')}: services.db.env_file: not supported by cc-dev`);
	t.is(error?.exitCode, 2);
	t.regex(error?.hint ?? '', /docker compose/);
	await t.throwsAsync(createDockerProvider(config, {env}).status(), {instanceOf: InputError, message: /services\.db\.env_file/});
});

test('a compose file with an error: a bad healthcheck duration, a missing image, a missing password, broken YAML', (t) => {
	const badDuration = project(t, composeText(5432).replace('interval: 5s', 'interval: soon'));
	t.throws(() => readDockerService(loadConfig({cwd: badDuration}, env), env), {instanceOf: InputError, message: /services\.db\.healthcheck\.interval: "soon" is not a duration/});
	t.throws(() => loadConfig({cwd: project(t, composeText(5432).replace('    image: postgres:15-alpine\n', ''))}, env), {instanceOf: InputError, message: /services\.db\.image: missing/});
	t.throws(() => loadConfig({cwd: project(t, composeText(5432).replace(/ {6}POSTGRES_PASSWORD.*\n/, ''))}, env), {instanceOf: InputError, message: /services\.db\.environment\.POSTGRES_PASSWORD: missing/});
	t.throws(() => loadConfig({cwd: project(t, 'services:\n  db: [\n')}, env), {instanceOf: InputError, message: /not valid YAML/});
	t.is(parseDuration('f', 'x', '1m30s'), 90e9);
	t.is(parseDuration('f', 'x', '500ms'), 5e8);
});

test('CC_DEV_DOCKER_NETWORK takes host or nothing', (t) => {
	const odd = {...env, CC_DEV_DOCKER_NETWORK: 'macvlan'};
	t.throws(() => readDockerService(loadConfig({cwd: project(t, composeText(5432))}, odd), odd), {instanceOf: UsageError, message: /CC_DEV_DOCKER_NETWORK must be "host"/});
});

import {PassThrough, Readable} from 'node:stream';
import test from 'ava';
import {runDbLogs} from '../../source/commands/db-docker.js';
import {openPsql} from '../../source/core/providers/psql.js';
import {EnvironmentError, FailureError, UsageError} from '../../source/core/errors.js';
import {chooseProvider} from '../../source/core/providers/choose-provider.js';
import {ensureDockerEngine} from '../helpers/docker-engine.js';
import {dockerPort, makeProject} from './docker-project.js';
import {eventually} from '../helpers/until.js';

const engine = await ensureDockerEngine();

function sink(): {stream: PassThrough; text: () => string} {
	const stream = new PassThrough();
	const chunks: Buffer[] = [];
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	return {stream, text: () => Buffer.concat(chunks).toString('utf8')};
}

if (engine.available) {
	// runDbLogs and openPsql read the engine and overrides from the process environment, as the CLI does.
	Object.assign(process.env, {DOCKER_HOST: engine.dockerHost, CC_DEV_DB_IMAGE: engine.image, CC_DEV_DOCKER_NETWORK: 'host'});
	test.serial('exec, pg_dump, psql and logs through the container; the url provider on top', async (t) => {
		const port = await dockerPort(t);
		const project = makeProject(t, engine, {port});
		const {provider, config} = project;

		const notYet = await t.throwsAsync(provider.execInContainer(['true']), {instanceOf: EnvironmentError});
		t.regex(notYet?.message ?? '', /does not exist yet/);
		await provider.start();

		const version = await provider.execInContainer(['psql', '-tAc', 'SHOW server_version_num']);
		t.is(version.exitCode, 0);
		t.regex(version.stdout, /^150\d{3}\n$/);

		const piped = await provider.execInContainer(['psql', '-v', 'ON_ERROR_STOP=1', '-tA'], {stdin: 'CREATE TABLE card (id uuid PRIMARY KEY);\nSELECT 40 + 2;\n'});
		t.is(piped.exitCode, 0);
		t.regex(piped.stdout, /42/);

		const failing = await provider.execInContainer(['sh', '-c', 'echo oops >&2; echo "$MY_VAR"; exit 7'], {env: {MY_VAR: 'from env'}});
		t.deepEqual(failing, {stdout: 'from env\n', stderr: 'oops\n', exitCode: 7});

		const dump = await provider.pgDump(['--schema-only', '--no-owner', '--no-privileges']);
		t.regex(dump, /CREATE TABLE public\.card/);
		t.regex(dump, /PostgreSQL database dump/);
		await t.throwsAsync(provider.pgDump(['--dbname=no_such_database']), {instanceOf: FailureError, message: /pg_dump in the database container failed.*no_such_database/s});

		// psql without a terminal: stdin is piped, like `cc-dev db psql < file.sql`.
		const out = sink();
		const err = sink();
		const code = await openPsql(config, {stdin: Readable.from(['SELECT count(*) AS cards FROM card;\n']), stdout: out.stream, stderr: err.stream});
		t.is(code, 0);
		t.regex(out.text(), /cards\s*\n-+\n\s*0\n\(1 row\)/);
		const bad = await openPsql(config, {stdin: Readable.from(['SELECT nope;\n']), stdout: sink().stream, stderr: err.stream}, ['-v', 'ON_ERROR_STOP=1']);
		t.is(bad, 3);
		t.regex(err.text(), /column "nope" does not exist/);

		// Logs: once, and followed until aborted.
		const logs = sink();
		t.is(await runDbLogs(config, {follow: false}, {stdin: process.stdin, stdout: logs.stream, stderr: logs.stream}), 0);
		t.regex(logs.text(), /database system is ready to accept connections/);
		const followed = sink();
		const controller = new AbortController();
		const following = runDbLogs(config, {follow: true, tail: 5, signal: controller.signal}, {stdin: process.stdin, stdout: followed.stream, stderr: followed.stream});
		await provider.execInContainer(['psql', '-c', 'SELECT pg_catalog.pg_sleep(0) FROM no_such_table']);
		await eventually(() => followed.text().includes('no_such_table'), 60_000);
		controller.abort();
		t.is(await following, 0);
		t.regex(followed.text(), /relation "no_such_table" does not exist/, 'a line written after the follow began');

		// The url provider: an external server is reported on, never managed.
		const external = {...config, provider: 'auto' as const, isExternal: true, target: {...config.target, source: 'DATABASE_URL'}};
		const chosen = await chooseProvider(external, project.env);
		t.is(chosen.provider.name, 'url');
		t.is(chosen.reason, 'DATABASE_URL is set');
		t.is((await chosen.provider.status()).state, 'running');
		const refused = await t.throwsAsync(chosen.provider.start(), {instanceOf: UsageError});
		t.regex(refused?.message ?? '', /DATABASE_URL points at an external server/);

		// With an engine that answers, the automatic choice is Docker.
		const auto = await chooseProvider({...config, provider: 'auto'}, project.env);
		t.is(auto.provider.name, 'docker');
		t.is(auto.reason, `a Docker engine answers at ${engine.dockerHost}`);

		await provider.stop();
		t.is((await chosen.provider.status()).state, 'stopped');
		await t.throwsAsync(openPsql(config, {stdin: Readable.from([]), stdout: sink().stream, stderr: sink().stream}), {instanceOf: EnvironmentError, message: /is not running \(exited\)/});
	});
} else {
	test.skip(`docker exec/logs/psql tests skipped: no Docker engine (${engine.reason})`, () => {});
}

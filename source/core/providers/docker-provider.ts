import type {Writable} from 'node:stream';
import type {Config} from '../config/load-config.js';
import {FailureError} from '../errors.js';
import {ignoreEvents} from '../events.js';
import {redact} from '../redact.js';
import {streamLogs, type LogStreamOptions} from './docker/container-logs.js';
import {execIn, execInteractive, type ExecOptions, type ExecResult, type InteractiveIo} from './docker/container-exec.js';
import {statusOf} from './docker/container-state.js';
import {createDockerContext, runningContainer, type DockerContext} from './docker/docker-context.js';
import {resolveEngineEndpoint} from './docker/endpoint.js';
import {pingEngine} from './docker/engine-client.js';
import {bringUp} from './docker/start-container.js';
import type {DatabaseProvider, ProviderOptions, ProviderStatus} from './provider.js';

export type {ExecOptions, ExecResult, InteractiveIo} from './docker/container-exec.js';
export type {LogStreamOptions} from './docker/container-logs.js';

/** The Docker provider: the db service of docker-compose.yml, run through dockerode. */
export type DockerProvider = DatabaseProvider & {
	readonly name: 'docker';
	/** Copies the container's log to the streams; with follow, until the container stops or the signal aborts. */
	logs(options: LogStreamOptions, output: {readonly stdout: Writable; readonly stderr: Writable}): Promise<void>;
	/** Interactive psql inside the container (docker exec -it); resolves to psql's exit code. */
	psql(io: InteractiveIo, args?: readonly string[]): Promise<number>;
	/** Runs a command inside the running container; PGUSER, PGDATABASE and PGPASSWORD point at the local database. */
	execInContainer(args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
	/** pg_dump of the container's own version; resolves to the dump text. */
	pgDump(args: readonly string[], options?: ExecOptions): Promise<string>;
};

export type DockerProviderOptions = {
	readonly env?: NodeJS.ProcessEnv;
	/** The bounded wait for PostgreSQL to accept connections after a start (default: the larger of config.waitMs and 30 s). */
	readonly readyTimeoutMs?: number;
};

export function createDockerProvider(config: Config, providerOptions: DockerProviderOptions = {}): DockerProvider {
	const env = providerOptions.env ?? process.env;
	let cached: DockerContext | undefined;
	// Resolved on first use, so that a broken compose file or DOCKER_HOST fails the operation, not the construction.
	const context = () => (cached ??= createDockerContext(config, env));
	const status = async (): Promise<ProviderStatus> => {
		const current = context();
		return statusOf(await current.inspect(), {
			service: current.service,
			spec: current.spec,
			endpoint: current.endpoint,
			image: config.local.image,
			containerPort: config.local.containerPort,
		});
	};
	const pgEnv = (options?: ExecOptions) => ({
		PGUSER: config.local.user,
		PGDATABASE: config.local.database,
		PGPASSWORD: config.local.password,
		...options?.env,
	});
	const execInContainer = async (args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> => {
		const current = context();
		const container = await runningContainer(current);
		try {
			return await execIn(await current.docker(), container, args, {...options, env: pgEnv(options)});
		} catch (error) {
			return current.fail(error, `run ${args[0] ?? 'a command'} in ${current.spec.name}`);
		}
	};

	return {
		name: 'docker',
		status: async () => status(),
		async start(options: ProviderOptions = {}) {
			await bringUp(context(), {
				onEvent: options.onEvent ?? ignoreEvents,
				...(options.signal ? {signal: options.signal} : {}),
				readyTimeoutMs: providerOptions.readyTimeoutMs ?? Math.max(config.waitMs, 30_000),
			});
			return status();
		},
		async stop(options: ProviderOptions = {}) {
			const current = context();
			const info = await current.inspect();
			if (info?.State.Running) {
				const started = Date.now();
				options.onEvent?.({type: 'step-start', id: 'docker-stop', title: `Stop container ${current.spec.name}`});
				const docker = await current.docker();
				await docker
					.getContainer(info.Id)
					.stop({t: current.service.stopTimeout ?? 10})
					.catch((error: unknown) => ((error as {statusCode?: number}).statusCode === 304 ? undefined : current.fail(error, `stop container ${current.spec.name}`)));
				options.onEvent?.({type: 'step-done', id: 'docker-stop', title: `Stop container ${current.spec.name}`, durationMs: Date.now() - started});
			}
			return status();
		},
		async destroy(options: ProviderOptions = {}) {
			const current = context();
			const docker = await current.docker();
			const info = await current.inspect();
			const ignoreMissing = (action: string) => (error: unknown) => ((error as {statusCode?: number}).statusCode === 404 ? undefined : current.fail(error, action));
			if (info) {
				await docker.getContainer(info.Id).remove({force: true, v: true}).catch(ignoreMissing(`remove container ${current.spec.name}`));
				options.onEvent?.({type: 'info', message: `Removed container ${current.spec.name}.`});
			}
			const volume = current.service.volume;
			if (volume && !volume.external) {
				const removed = await docker.getVolume(volume.name).remove().then(() => true, (error: unknown) => ignoreMissing(`remove volume ${volume.name}`)(error) ?? false);
				if (removed) options.onEvent?.({type: 'info', message: `Removed volume ${volume.name}.`});
			}
		},
		async logs(options, output) {
			const current = context();
			const info = await current.inspect();
			if (!info) return void (await runningContainer(current));
			const docker = await current.docker();
			await streamLogs(docker, docker.getContainer(info.Id), options, output).catch((error: unknown) => current.fail(error, 'read the container log'));
		},
		async psql(io, args = []) {
			const current = context();
			const container = await runningContainer(current);
			const command = ['psql', '-U', config.local.user, '-d', config.local.database, ...args];
			return execInteractive(await current.docker(), container, command, io, {PGPASSWORD: config.local.password});
		},
		execInContainer,
		async pgDump(args, options = {}) {
			const result = await execInContainer(['pg_dump', ...args], options);
			if (result.exitCode !== 0) {
				throw new FailureError(`pg_dump in the database container failed (exit ${result.exitCode}): ${redact(result.stderr.trim())}`, {
					hint: 'Check the arguments and that the database exists (cc-dev db status).',
				});
			}
			return result.stdout;
		},
	};
}

/** Whether a Docker engine answers, within a short timeout; for the automatic provider choice. */
export async function probeDockerEngine(
	env: NodeJS.ProcessEnv = process.env,
	timeoutMs = 300,
): Promise<{available: true; host: string} | {available: false; reason: string}> {
	try {
		const endpoint = resolveEngineEndpoint(env);
		await pingEngine(endpoint, timeoutMs);
		return {available: true, host: endpoint.host};
	} catch (error) {
		return {available: false, reason: (error as Error).message};
	}
}

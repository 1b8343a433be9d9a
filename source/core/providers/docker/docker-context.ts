import type Dockerode from 'dockerode';
import type {Config} from '../../config/load-config.js';
import {EnvironmentError} from '../../errors.js';
import {readDockerService, type DockerService} from './compose-service.js';
import {buildContainerSpec, type ContainerSpec} from './container-spec.js';
import type {ContainerInfo} from './container-state.js';
import {resolveEngineEndpoint, type EngineEndpoint} from './endpoint.js';
import {engineGet, openDockerode} from './engine-client.js';
import {classifyEngineError} from './engine-errors.js';

/** Everything one provider operation needs: the engine, the compose service and the container spec. */
export type DockerContext = {
	readonly config: Config;
	readonly endpoint: EngineEndpoint;
	readonly service: DockerService;
	readonly spec: ContainerSpec;
	/** The dockerode client, loaded on first use. */
	docker(): Promise<Dockerode>;
	/** The container's inspect answer, or undefined when there is none. Fast: no dockerode needed. */
	inspect(): Promise<ContainerInfo | undefined>;
	/** Turns a dockerode failure into a clear cc-dev error. */
	fail(error: unknown, action: string): never;
};

export function createDockerContext(config: Config, env: NodeJS.ProcessEnv): DockerContext {
	const endpoint = resolveEngineEndpoint(env);
	const service = readDockerService(config, env);
	const spec = buildContainerSpec(config, service);
	let client: Promise<Dockerode> | undefined;
	const docker = () => (client ??= openDockerode(endpoint));
	const fail = (error: unknown, action: string): never => {
		throw classifyEngineError(endpoint, error, action);
	};
	const inspect = async (): Promise<ContainerInfo | undefined> => {
		if (endpoint.protocol === 'ssh') {
			try {
				return (await (await docker()).getContainer(spec.name).inspect()) as unknown as ContainerInfo;
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 404) return undefined;
				return fail(error, `inspect container ${spec.name}`);
			}
		}
		const response = await engineGet(endpoint, `/containers/${encodeURIComponent(spec.name)}/json`, 10_000);
		if (response.statusCode === 404) return undefined;
		if (response.statusCode !== 200) {
			return fail(Object.assign(new Error(response.body), {statusCode: response.statusCode, json: safeJson(response.body)}), `inspect container ${spec.name}`);
		}
		return JSON.parse(response.body) as ContainerInfo;
	};
	return {config, endpoint, service, spec, docker, inspect, fail};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** The container, which must exist and run (for exec, psql); otherwise a clear error. */
export async function runningContainer(context: DockerContext): Promise<Dockerode.Container> {
	const info = await context.inspect();
	if (!info) {
		throw new EnvironmentError(`The database container ${context.spec.name} does not exist yet.`, {hint: 'Create and start it with cc-dev db start.'});
	}
	if (!info.State.Running) {
		throw new EnvironmentError(`The database container ${context.spec.name} is not running (${info.State.Status}).`, {hint: 'Start it with cc-dev db start.'});
	}
	return (await context.docker()).getContainer(info.Id);
}

/** Checks that a container with the expected name belongs to this compose project's db service. */
export function assertOwnContainer(context: DockerContext, info: ContainerInfo): void {
	const labels = info.Config.Labels ?? {};
	const project = labels['com.docker.compose.project'];
	const service = labels['com.docker.compose.service'];
	if (project !== context.service.project || service !== 'db') {
		throw new EnvironmentError(
			`A container named ${context.spec.name} exists but is not the db service of compose project "${context.service.project}" (it has project "${project ?? 'none'}", service "${service ?? 'none'}").`,
			{hint: 'Remove or rename that container (docker rm), or set COMPOSE_PROJECT_NAME to another project name.'},
		);
	}
}

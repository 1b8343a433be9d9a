import type Dockerode from 'dockerode';
import {EnvironmentError} from '../../errors.js';
import type {EventSink} from '../../events.js';
import {configHashLabel} from './container-spec.js';
import type {ContainerInfo} from './container-state.js';
import {assertOwnContainer, type DockerContext} from './docker-context.js';
import {engineMessage} from './engine-errors.js';
import {ensureImage} from './image.js';
import {findPortHolderProcess, isPortTaken, portTakenError} from './port-check.js';
import {waitUntilReady} from './wait-ready.js';

async function step<T>(onEvent: EventSink, id: string, title: string, run: () => Promise<T>): Promise<T> {
	const started = Date.now();
	onEvent({type: 'step-start', id, title});
	const result = await run();
	onEvent({type: 'step-done', id, title, durationMs: Date.now() - started});
	return result;
}

async function ensureVolume(context: DockerContext, docker: Dockerode, onEvent: EventSink): Promise<void> {
	const volume = context.service.volume;
	if (!volume) return;
	try {
		await docker.getVolume(volume.name).inspect();
		return;
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode !== 404) context.fail(error, `inspect volume ${volume.name}`);
	}
	if (volume.external) {
		throw new EnvironmentError(`The external volume ${volume.name} does not exist.`, {hint: `Create it with docker volume create ${volume.name}.`});
	}
	await step(onEvent, 'docker-volume', `Create volume ${volume.name}`, () =>
		docker.createVolume({Name: volume.name, Labels: {...context.spec.volumeLabels}}).catch((error: unknown) => context.fail(error, `create volume ${volume.name}`)),
	);
}

/** What holds the port: a container publishing it, else the listening process when /proc tells. */
async function portHolder(docker: Dockerode, port: number): Promise<string | undefined> {
	try {
		const containers = await docker.listContainers({filters: {publish: [String(port)]}});
		const name = containers[0]?.Names[0]?.replace(/^\//, '');
		if (name) return `the Docker container ${name}`;
	} catch {}
	return findPortHolderProcess(port);
}

async function checkPort(context: DockerContext, docker: Dockerode): Promise<void> {
	const {hostIp, hostPort} = context.config.local;
	if (await isPortTaken(hostIp, hostPort)) throw portTakenError(hostIp, hostPort, await portHolder(docker, hostPort));
}

async function createContainer(context: DockerContext, docker: Dockerode, onEvent: EventSink, signal?: AbortSignal): Promise<Dockerode.Container> {
	await ensureImage(docker, context.endpoint, context.config.local.image, onEvent, signal);
	await ensureVolume(context, docker, onEvent);
	return step(onEvent, 'docker-create', `Create container ${context.spec.name}`, () =>
		docker.createContainer(context.spec.options).catch((error: unknown) => context.fail(error, `create container ${context.spec.name}`)),
	);
}

async function startContainer(context: DockerContext, docker: Dockerode, container: Dockerode.Container, onEvent: EventSink): Promise<void> {
	await checkPort(context, docker);
	await step(onEvent, 'docker-start', `Start container ${context.spec.name}`, async () => {
		try {
			await container.start();
		} catch (error) {
			const message = engineMessage(error);
			if (/port is already allocated|address already in use/i.test(message)) {
				const {hostIp, hostPort} = context.config.local;
				throw portTakenError(hostIp, hostPort, await portHolder(docker, hostPort), error);
			}
			context.fail(error, `start container ${context.spec.name}`);
		}
	});
}

/** Brings the container to running (creating image, volume and container as needed) and waits until ready. */
export async function bringUp(context: DockerContext, options: {onEvent: EventSink; signal?: AbortSignal; readyTimeoutMs: number}): Promise<void> {
	const {onEvent, signal} = options;
	let info: ContainerInfo | undefined = await context.inspect();
	const docker = await context.docker();
	if (info) assertOwnContainer(context, info);
	const hash = info?.Config.Labels?.[configHashLabel];
	if (info && hash !== undefined && hash !== context.spec.configHash) {
		const kept = context.service.volume ? `; the data stays in volume ${context.service.volume.name}` : '';
		onEvent({type: 'info', message: `The db service settings changed: recreating container ${context.spec.name}${kept}.`});
		const old = docker.getContainer(info.Id);
		if (info.State.Running) await old.stop({t: context.service.stopTimeout ?? 10}).catch(() => {});
		await old.remove({force: true}).catch((error: unknown) => context.fail(error, `remove container ${context.spec.name}`));
		info = undefined;
	}
	const container = info ? docker.getContainer(info.Id) : await createContainer(context, docker, onEvent, signal);
	if (!info?.State.Running) await startContainer(context, docker, container, onEvent);
	const local = context.config.local;
	await step(onEvent, 'docker-ready', 'Wait for PostgreSQL to accept connections', () =>
		waitUntilReady({
			container,
			containerName: context.spec.name,
			volume: context.service.volume?.name,
			target: {
				host: local.hostIp === '0.0.0.0' || local.hostIp === '' ? '127.0.0.1' : local.hostIp,
				port: local.hostPort,
				user: local.user,
				password: local.password,
				database: local.database,
			},
			timeoutMs: options.readyTimeoutMs,
			onEvent,
			...(signal ? {signal} : {}),
		}),
	);
}

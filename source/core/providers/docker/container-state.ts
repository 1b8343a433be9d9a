import type {ProviderStatus} from '../provider.js';
import type {ContainerSpec} from './container-spec.js';
import type {DockerService} from './compose-service.js';
import type {EngineEndpoint} from './endpoint.js';

/** The parts of the engine's container inspect answer that status needs. */
export type ContainerInfo = {
	Id: string;
	Name?: string;
	State: {Status: string; Running: boolean; Restarting?: boolean; StartedAt?: string; ExitCode?: number; Health?: {Status?: string}};
	Config: {Image?: string; Env?: string[] | null; Labels?: Record<string, string> | null};
	HostConfig?: {NetworkMode?: string; PortBindings?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null};
};

/** The port clients use: the published one, or PGPORT on the host network. */
export function containerPort(info: ContainerInfo, containerPortNumber: number, fallback: number): number {
	if (info.HostConfig?.NetworkMode === 'host') {
		const pgport = info.Config.Env?.find((entry) => entry.startsWith('PGPORT='));
		return pgport ? Number(pgport.slice('PGPORT='.length)) : fallback;
	}
	const binding = info.HostConfig?.PortBindings?.[`${containerPortNumber}/tcp`]?.[0]?.HostPort;
	return binding ? Number(binding) : fallback;
}

/** The provider status of a container (or of none: absent). */
export function statusOf(
	info: ContainerInfo | undefined,
	context: {readonly service: DockerService; readonly spec: ContainerSpec; readonly endpoint: EngineEndpoint; readonly image: string; readonly containerPort: number},
): ProviderStatus {
	const {service, spec, endpoint} = context;
	const location = service.volume ? `docker volume ${service.volume.name}` : `container ${service.containerName}`;
	const base = {
		container: service.containerName,
		engine: endpoint.host,
		network: service.isHostNetwork ? 'host' : 'published port',
		project: service.project,
		...(service.volume ? {volume: service.volume.name} : {}),
	};
	if (!info) {
		return {provider: 'docker', state: 'absent', location, port: spec.hostPort, details: {...base, image: context.image}};
	}
	const isRunning = info.State.Running;
	const startedAt = isRunning && info.State.StartedAt ? new Date(info.State.StartedAt) : undefined;
	const health = info.State.Health?.Status;
	return {
		provider: 'docker',
		state: isRunning ? 'running' : 'stopped',
		location,
		port: containerPort(info, context.containerPort, spec.hostPort),
		...(startedAt ? {startedAt} : {}),
		details: {
			...base,
			image: info.Config.Image ?? context.image,
			containerState: info.State.Status,
			...(health && isRunning ? {health} : {}),
			...(info.State.Running ? {} : {exitCode: String(info.State.ExitCode ?? '')}),
			id: info.Id.slice(0, 12),
		},
	};
}

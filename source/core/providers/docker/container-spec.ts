import {createHash} from 'node:crypto';
import type {ContainerCreateOptions} from 'dockerode';
import type {Config} from '../../config/load-config.js';
import type {DockerService} from './compose-service.js';

/** The label holding a hash of the container's settings: a changed compose file or --port recreates it. */
export const configHashLabel = 'dev.cc-dev.config-hash';

export type ContainerSpec = {
	readonly name: string;
	readonly options: ContainerCreateOptions;
	readonly configHash: string;
	/** The port clients use on the host. */
	readonly hostPort: number;
	/** Labels of the named volume, as docker compose sets them. */
	readonly volumeLabels: Readonly<Record<string, string>>;
};

/** The compose labels that make `docker compose ps` and `docker compose down` recognise the container. */
export function composeLabels(config: Config, service: DockerService): Record<string, string> {
	return {
		'com.docker.compose.project': service.project,
		'com.docker.compose.service': 'db',
		'com.docker.compose.oneoff': 'False',
		'com.docker.compose.container-number': '1',
		'com.docker.compose.project.working_dir': config.projectRoot,
		...(config.composeFile ? {'com.docker.compose.project.config_files': config.composeFile} : {}),
		'com.docker.compose.image': config.local.image,
	};
}

function environment(config: Config, service: DockerService): string[] {
	const variables: Record<string, string> = {...config.local.environment};
	variables['POSTGRES_USER'] = config.local.user;
	variables['POSTGRES_PASSWORD'] = config.local.password;
	variables['POSTGRES_DB'] = config.local.database;
	// On the host network there is no publishing: the server itself listens on the host port,
	// and PGPORT makes psql, pg_dump and pg_isready inside the container find it.
	if (service.isHostNetwork) {
		variables['PGPORT'] = String(config.local.hostPort);
		// The official image trusts connections from 127.0.0.1 (initdb's default) and asks a password
		// only of other addresses; on the host network every client comes from 127.0.0.1, so ask it
		// there too, as a published port would.
		const initdbArgs = variables['POSTGRES_INITDB_ARGS'] ?? '';
		if (!/--auth(-host)?[= ]/.test(initdbArgs) && !variables['POSTGRES_HOST_AUTH_METHOD']) {
			variables['POSTGRES_INITDB_ARGS'] = `${initdbArgs} --auth-host=scram-sha-256`.trim();
		}
	}
	return Object.entries(variables).map(([name, value]) => `${name}=${value}`);
}

function command(config: Config, service: DockerService): string[] | undefined {
	if (!service.isHostNetwork) return service.command ? [...service.command] : undefined;
	const listen = config.local.hostIp === '0.0.0.0' || config.local.hostIp === '' ? '*' : config.local.hostIp;
	const base = service.command ? [...service.command] : ['postgres'];
	// Only a postgres command takes server options; any other relies on PGPORT.
	if (base[0] !== 'postgres' && !base[0]?.startsWith('-')) return base;
	return [...base, '-c', `listen_addresses=${listen}`, '-c', `port=${config.local.hostPort}`];
}

function healthcheck(config: Config, service: DockerService): ContainerCreateOptions['Healthcheck'] {
	if (service.isHealthcheckDisabled) return {Test: ['NONE']};
	const test = config.local.healthcheck;
	if (!test) return undefined;
	const timing = service.healthTiming;
	return {
		Test: [...test],
		Interval: timing.interval ?? 5e9,
		Timeout: timing.timeout ?? 5e9,
		Retries: timing.retries ?? 5,
		StartPeriod: timing.startPeriod ?? 0,
	};
}

/** The engine's create options for the db container, from docker-compose.yml and the overrides. */
export function buildContainerSpec(config: Config, service: DockerService): ContainerSpec {
	const local = config.local;
	const portKey = `${local.containerPort}/tcp`;
	const mounts: NonNullable<ContainerCreateOptions['HostConfig']>['Mounts'] = service.volume
		? [{Type: 'volume', Source: service.volume.name, Target: service.volume.target}]
		: [];
	const options: ContainerCreateOptions = {
		name: service.containerName,
		Image: local.image,
		Env: environment(config, service),
		...(command(config, service) ? {Cmd: command(config, service)} : {}),
		Healthcheck: healthcheck(config, service),
		StopSignal: service.stopSignal ?? 'SIGINT',
		...(service.stopTimeout === undefined ? {} : {StopTimeout: service.stopTimeout}),
		...(service.isHostNetwork ? {} : {ExposedPorts: {[portKey]: {}}}),
		HostConfig: {
			NetworkMode: service.isHostNetwork ? 'host' : 'default',
			...(service.isHostNetwork ? {} : {PortBindings: {[portKey]: [{HostIp: local.hostIp, HostPort: String(local.hostPort)}]}}),
			Mounts: mounts,
			Binds: [...service.binds],
			RestartPolicy: {Name: service.restart === 'no' || !service.restart ? '' : service.restart},
		},
	};
	const configHash = createHash('sha256').update(JSON.stringify(options)).digest('hex').slice(0, 16);
	options.Labels = {...service.labels, ...composeLabels(config, service), [configHashLabel]: configHash};
	return {
		name: service.containerName,
		options,
		configHash,
		hostPort: local.hostPort,
		volumeLabels: service.volume
			? {'com.docker.compose.project': service.project, 'com.docker.compose.volume': service.volume.key}
			: {},
	};
}

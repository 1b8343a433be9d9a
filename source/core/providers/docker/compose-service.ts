import path from 'node:path';
import type {Config} from '../../config/load-config.js';
import {InputError, UsageError} from '../../errors.js';

/** What the Docker provider needs of the compose project beyond the fields of `config.local`. */
export type DockerService = {
	/** The compose project: COMPOSE_PROJECT_NAME, the file's top-level name, or the project folder's name. */
	readonly project: string;
	/** <project>-db-1, or the service's container_name. */
	readonly containerName: string;
	/** The named volume holding the data, as Docker names it (<project>_<volume>), if any. */
	readonly volume: {readonly key: string; readonly name: string; readonly target: string; readonly external: boolean} | undefined;
	/** Bind mounts, HOST_PATH:TARGET[:MODE] with absolute host paths. */
	readonly binds: readonly string[];
	/** The service's command, if it sets one. */
	readonly command: readonly string[] | undefined;
	/** restart policy name (no, always, unless-stopped, on-failure). */
	readonly restart: string | undefined;
	readonly stopSignal: string | undefined;
	/** Seconds to wait after the stop signal before Docker kills the server. */
	readonly stopTimeout: number | undefined;
	/** Extra labels of the service. */
	readonly labels: Readonly<Record<string, string>>;
	/** Healthcheck timing in nanoseconds, as the engine API takes it. */
	readonly healthTiming: {readonly interval?: number; readonly timeout?: number; readonly retries?: number; readonly startPeriod?: number};
	readonly isHealthcheckDisabled: boolean;
	/** True when CC_DEV_DOCKER_NETWORK=host: no port publishing, PostgreSQL listens on the host port. */
	readonly isHostNetwork: boolean;
};

/** Lowercase, only [a-z0-9_-], no leading _ or -: docker compose's NormalizeProjectName. */
export function normalizeProjectName(name: string): string {
	return (name.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

/** The Docker view of the db service (read once, by config): names as compose gives them; unsupported fields are an error naming the field. */
export function readDockerService(config: Config, env: NodeJS.ProcessEnv = process.env): DockerService {
	const network = env['CC_DEV_DOCKER_NETWORK'] ?? '';
	if (!['', 'host', 'bridge', 'default'].includes(network)) {
		throw new UsageError(`CC_DEV_DOCKER_NETWORK must be "host" or unset (got "${network}").`, {
			hint: 'host: the container shares the host network and PostgreSQL listens on the host port (for engines without a bridge).',
		});
	}
	const local = config.local;
	const unsupported = local.unsupported[0];
	if (unsupported !== undefined) {
		throw new InputError(`${config.composeFile ?? 'docker-compose.yml'}: services.db.${unsupported}: not supported by cc-dev`, {
			hint: 'Remove it, or run this service with docker compose and point DATABASE_URL at it (or use --provider embedded).',
		});
	}
	const project = normalizeProjectName(env['COMPOSE_PROJECT_NAME'] || local.projectName || path.basename(config.projectRoot));
	if (project === '') throw new UsageError(`Cannot derive a compose project name from "${config.projectRoot}".`, {hint: 'Set COMPOSE_PROJECT_NAME.'});
	const volume = local.volume;
	return {
		project,
		containerName: local.containerName ?? `${project}-db-1`,
		volume: volume && {
			key: volume.key,
			name: volume.explicitName ?? (volume.external ? volume.key : `${project}_${volume.key}`),
			target: volume.target,
			external: volume.external,
		},
		binds: local.binds,
		command: local.command,
		restart: local.restart,
		stopSignal: local.stopSignal,
		stopTimeout: local.stopTimeout,
		labels: local.labels,
		healthTiming: local.healthTiming,
		isHealthcheckDisabled: local.isHealthcheckDisabled,
		isHostNetwork: network === 'host',
	};
}

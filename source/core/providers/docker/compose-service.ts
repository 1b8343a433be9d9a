import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'yaml';
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

type Raw = Record<string, unknown>;

const supported = new Set(['image', 'environment', 'ports', 'volumes', 'healthcheck', 'restart', 'container_name', 'command', 'labels', 'stop_signal', 'stop_grace_period']);
/** Fields that do not change how the database runs on one machine. */
const ignored = new Set(['networks', 'depends_on', 'logging', 'deploy', 'profiles', 'expose', 'hostname', 'init']);

/** Lowercase, only [a-z0-9_-], no leading _ or -: docker compose's NormalizeProjectName. */
export function normalizeProjectName(name: string): string {
	return (name.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

const units: Record<string, number> = {ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9};

/** A compose duration (1m30s, 10s, 500ms) in nanoseconds. */
export function parseDuration(file: string, field: string, raw: unknown): number {
	const text = String(raw).trim();
	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
	if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
		throw new InputError(`${file}: services.db.${field}: "${text}" is not a duration such as 10s, 1m30s or 500ms`);
	}
	return Math.round(parts.reduce((sum, part) => sum + Number(part[1]) * units[part[2]!]!, 0));
}

function fail(file: string, field: string, problem: string): never {
	throw new InputError(`${file}: services.db.${field}: ${problem}`, {
		hint: 'Remove it, or run this service with docker compose and point DATABASE_URL at it (or use --provider embedded).',
	});
}

function readRawService(file: string): {document: Raw; service: Raw} {
	const document = (parse(readFileSync(file, 'utf8')) ?? {}) as Raw;
	const service = ((document['services'] ?? {}) as Raw)['db'] as Raw;
	return {document, service};
}

function readStrings(file: string, field: string, raw: unknown): string[] | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw === 'string') return raw.trim().split(/\s+/);
	if (Array.isArray(raw) && raw.every((item) => typeof item === 'string' || typeof item === 'number')) return raw.map(String);
	return fail(file, field, 'must be a string or a list of strings');
}

function readBinds(file: string, projectRoot: string, raw: unknown): string[] {
	if (!Array.isArray(raw)) return [];
	const binds: string[] = [];
	for (const entry of raw) {
		let source: string | undefined;
		let rest: string;
		if (typeof entry === 'string') {
			const [first, ...others] = entry.split(':');
			source = first;
			rest = others.join(':');
		} else if (typeof entry === 'object' && entry !== null && (entry as Raw)['type'] === 'bind') {
			source = String((entry as Raw)['source']);
			rest = String((entry as Raw)['target']);
		} else if (typeof entry === 'object' && entry !== null && (entry as Raw)['type'] !== 'volume') {
			return fail(file, 'volumes', 'only named volumes and bind mounts are supported');
		} else continue;
		if (source && rest && /^[./~]/.test(source)) {
			const absolute = source.startsWith('~') ? path.join(process.env['HOME'] ?? '/', source.slice(1)) : path.resolve(projectRoot, source);
			binds.push(`${absolute}:${rest}`);
		}
	}
	return binds;
}

function readHealthTiming(file: string, raw: unknown): Pick<DockerService, 'healthTiming' | 'isHealthcheckDisabled'> {
	if (typeof raw !== 'object' || raw === null) return {healthTiming: {}, isHealthcheckDisabled: false};
	const check = raw as Raw;
	const duration = (name: string) => (check[name] === undefined ? {} : {[name === 'start_period' ? 'startPeriod' : name]: parseDuration(file, `healthcheck.${name}`, check[name])});
	const retries = check['retries'] === undefined ? {} : {retries: Number(check['retries'])};
	return {
		healthTiming: {...duration('interval'), ...duration('timeout'), ...duration('start_period'), ...retries},
		isHealthcheckDisabled: check['disable'] === true,
	};
}

function readLabels(file: string, raw: unknown): Record<string, string> {
	if (raw === undefined || raw === null) return {};
	if (Array.isArray(raw)) {
		return Object.fromEntries(
			raw.map((item) => {
				const [name = '', value = ''] = String(item).split(/=(.*)/s);
				return [name, value];
			}),
		);
	}
	if (typeof raw === 'object') return Object.fromEntries(Object.entries(raw as Raw).map(([key, value]) => [key, String(value ?? '')]));
	return fail(file, 'labels', 'must be a map or a list');
}

/** Reads the Docker-only parts of the db service; unsupported fields are an error naming the field. */
export function readDockerService(config: Config, env: NodeJS.ProcessEnv = process.env): DockerService {
	const network = env['CC_DEV_DOCKER_NETWORK'] ?? '';
	if (!['', 'host', 'bridge', 'default'].includes(network)) {
		throw new UsageError(`CC_DEV_DOCKER_NETWORK must be "host" or unset (got "${network}").`, {
			hint: 'host: the container shares the host network and PostgreSQL listens on the host port (for engines without a bridge).',
		});
	}
	const file = config.composeFile;
	const {document, service} = file ? readRawService(file) : {document: {} as Raw, service: {} as Raw};
	const shown = file ?? 'docker-compose.yml';
	for (const key of Object.keys(service)) {
		if (!supported.has(key) && !ignored.has(key) && !key.startsWith('x-')) {
			fail(shown, key, 'not supported by cc-dev');
		}
	}
	const topName = typeof document['name'] === 'string' ? document['name'] : undefined;
	const project = normalizeProjectName(env['COMPOSE_PROJECT_NAME'] || topName || path.basename(config.projectRoot));
	if (project === '') throw new UsageError(`Cannot derive a compose project name from "${config.projectRoot}".`, {hint: 'Set COMPOSE_PROJECT_NAME.'});

	const local = config.local.volume;
	let volume: DockerService['volume'];
	if (local) {
		const declared = ((document['volumes'] ?? {}) as Raw)[local.name] as Raw | null | undefined;
		const external = declared?.['external'] === true;
		const explicit = typeof declared?.['name'] === 'string' ? declared['name'] : undefined;
		volume = {key: local.name, name: explicit ?? (external ? local.name : `${project}_${local.name}`), target: local.target, external};
	}
	const grace = service['stop_grace_period'];
	return {
		project,
		containerName: typeof service['container_name'] === 'string' ? service['container_name'] : `${project}-db-1`,
		volume,
		binds: readBinds(shown, config.projectRoot, service['volumes']),
		command: readStrings(shown, 'command', service['command']),
		restart: typeof service['restart'] === 'string' ? service['restart'] : undefined,
		stopSignal: typeof service['stop_signal'] === 'string' ? service['stop_signal'] : undefined,
		stopTimeout: grace === undefined ? undefined : Math.ceil(parseDuration(shown, 'stop_grace_period', grace) / 1e9),
		labels: readLabels(shown, service['labels']),
		...readHealthTiming(shown, service['healthcheck']),
		isHostNetwork: network === 'host',
	};
}

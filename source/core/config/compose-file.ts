import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import path from 'node:path';
import type * as Zod from 'zod';
import {InputError} from '../errors.js';
import {interpolate, interpolateTree} from './compose-interpolate.js';

/**
 * The `db` service of docker-compose.yml: the one reading of that file, shared by the connection
 * target, the embedded provider and the Docker provider.
 */
export type ComposeDatabase = {
	/** The image, e.g. postgres:15-alpine. */
	readonly image: string;
	/** POSTGRES_USER. */
	readonly user: string;
	/** POSTGRES_PASSWORD. */
	readonly password: string;
	/** POSTGRES_DB. */
	readonly database: string;
	/** Host address the port is published on (127.0.0.1). */
	readonly hostIp: string;
	/** Port published on the host. */
	readonly hostPort: number;
	/** Port inside the container. */
	readonly containerPort: number;
	/** The named volume mounted in the service (its key under the top-level `volumes`), if any. */
	readonly volume: ComposeVolume | undefined;
	/** Bind mounts as the engine takes them: ABSOLUTE_HOST_PATH:TARGET[:MODE]. */
	readonly binds: readonly string[];
	/** The healthcheck command, as an exec array. */
	readonly healthcheck: readonly string[] | undefined;
	/** Healthcheck timing in nanoseconds, as the engine API takes it. */
	readonly healthTiming: {readonly interval?: number; readonly timeout?: number; readonly retries?: number; readonly startPeriod?: number};
	readonly isHealthcheckDisabled: boolean;
	/** Every environment variable of the service. */
	readonly environment: Readonly<Record<string, string>>;
	/** The file's top-level `name` (the compose project name), if set. */
	readonly projectName: string | undefined;
	readonly containerName: string | undefined;
	readonly command: readonly string[] | undefined;
	/** restart policy name (no, always, unless-stopped, on-failure). */
	readonly restart: string | undefined;
	readonly stopSignal: string | undefined;
	/** stop_grace_period in whole seconds. */
	readonly stopTimeout: number | undefined;
	readonly labels: Readonly<Record<string, string>>;
	/** Service fields cc-dev does not implement (the Docker provider refuses them). */
	readonly unsupported: readonly string[];
};

export type ComposeVolume = {
	/** The volume's key in the file, e.g. postgres_data. */
	readonly key: string;
	readonly target: string;
	/** `external: true` in the top-level declaration: Docker names it exactly `name` or `key`. */
	readonly external: boolean;
	/** The declaration's explicit `name`, if any. */
	readonly explicitName: string | undefined;
};

export const composeDefaults: ComposeDatabase = {
	image: 'postgres:15-alpine',
	user: 'cognition_user',
	password: 'cognition_pass',
	database: 'cognition_curator_dev',
	hostIp: '127.0.0.1',
	hostPort: 5432,
	containerPort: 5432,
	volume: {key: 'postgres_data', target: '/var/lib/postgresql/data', external: false, explicitName: undefined},
	binds: [],
	healthcheck: ['CMD-SHELL', 'pg_isready -U cognition_user -d cognition_curator_dev'],
	healthTiming: {},
	isHealthcheckDisabled: false,
	environment: {
		POSTGRES_USER: 'cognition_user',
		POSTGRES_PASSWORD: 'cognition_pass',
		POSTGRES_DB: 'cognition_curator_dev',
	},
	projectName: undefined,
	containerName: undefined,
	command: undefined,
	restart: undefined,
	stopSignal: undefined,
	stopTimeout: undefined,
	labels: {},
	unsupported: [],
};

/** Service fields cc-dev reads. */
const modelled = new Set(['image', 'environment', 'ports', 'volumes', 'healthcheck', 'restart', 'container_name', 'command', 'labels', 'stop_signal', 'stop_grace_period']);
/** Fields that do not change how the database runs on one machine. */
const ignored = new Set(['networks', 'depends_on', 'logging', 'deploy', 'profiles', 'expose', 'hostname', 'init']);

const hint = 'Fix docker-compose.yml; cc-dev reads the db service as the single source of image, credentials, port and volume.';

function fail(file: string, field: string, problem: string): never {
	throw new InputError(`${file}: services.db.${field}: ${problem}`, {hint});
}

/** The shape of the parts of the file cc-dev reads, checked after interpolation. */
function buildSchema(z: typeof Zod) {
	const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
	const duration = z.union([z.string(), z.number()]);
	const mapOrList = z.union([z.array(z.string()), z.record(z.string(), scalar)]);
	const service = z.looseObject({
		image: z.string({error: (issue) => (issue.input === undefined ? 'missing: name the PostgreSQL image, e.g. postgres:15-alpine' : 'must be a string')}).trim().min(1, 'missing: name the PostgreSQL image, e.g. postgres:15-alpine'),
		environment: mapOrList.optional().nullable(),
		ports: z
			.array(z.union([z.string(), z.number(), z.looseObject({target: z.coerce.number({error: 'must be a port number'}).int('must be a port number'), published: z.coerce.number({error: 'must be a port number'}).int('must be a port number').optional(), host_ip: z.string().optional()})]), {
				error: (issue) => (issue.input === undefined ? 'missing: publish the PostgreSQL port, e.g. "127.0.0.1:5432:5432"' : 'must be a list'),
			})
			.min(1, 'missing: publish the PostgreSQL port, e.g. "127.0.0.1:5432:5432"')
			.max(1, 'cc-dev supports exactly one published port'),
		volumes: z
			.array(z.union([z.string(), z.looseObject({type: z.string(), source: z.string().optional(), target: z.string(), read_only: z.coerce.boolean().optional()})]))
			.optional()
			.nullable(),
		healthcheck: z
			.looseObject({
				test: z.union([z.string(), z.array(z.string())]).optional(),
				interval: duration.optional(),
				timeout: duration.optional(),
				start_period: duration.optional(),
				retries: z.coerce.number({error: 'must be a whole number'}).int('must be a whole number').nonnegative('must be a whole number').optional(),
				disable: z.boolean().optional(),
			})
			.optional()
			.nullable(),
		container_name: z.string().optional(),
		command: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional().nullable(),
		restart: z.string().optional(),
		stop_signal: z.string().optional(),
		stop_grace_period: duration.optional(),
		labels: mapOrList.optional().nullable(),
	});
	const volumeDeclaration = z.looseObject({external: z.boolean().optional(), name: z.string().optional()}).nullable();
	return z.looseObject({
		name: z.string().optional(),
		services: z.looseObject({db: service}, {error: 'must be a map of services'}),
		volumes: z.record(z.string(), volumeDeclaration).optional().nullable(),
	});
}

type ComposeDocument = Zod.infer<ReturnType<typeof buildSchema>>;
type Service = ComposeDocument['services']['db'];

let loaded: {parse: (text: string) => unknown; schema: ReturnType<typeof buildSchema>} | undefined;

/** yaml and zod load on first use (about 50 ms): a command given DATABASE_URL never reads the file. */
function libraries(): NonNullable<typeof loaded> {
	if (!loaded) {
		const require = createRequire(import.meta.url);
		const {parse} = require('yaml') as typeof import('yaml');
		const z = require('zod') as typeof Zod;
		loaded = {parse, schema: buildSchema(z)};
	}
	return loaded;
}

const units: Record<string, number> = {ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9};

/** A compose duration (1m30s, 10s, 500ms; a bare number is seconds) in nanoseconds. */
export function parseDuration(file: string, field: string, raw: string | number): number {
	if (typeof raw === 'number') return raw * 1e9;
	const text = raw.trim();
	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
	if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
		fail(file, field, `"${text}" is not a duration such as 10s, 1m30s or 500ms`);
	}
	return Math.round(parts.reduce((sum, part) => sum + Number(part[1]) * units[part[2]!]!, 0));
}

function readEnvironment(raw: Service['environment'], env: NodeJS.ProcessEnv): Record<string, string> {
	const result: Record<string, string> = {};
	const entries: Array<[string, string | undefined]> = Array.isArray(raw)
		? raw.map((item) => {
				const at = item.indexOf('=');
				return at === -1 ? [item, undefined] : [item.slice(0, at), item.slice(at + 1)];
			})
		: Object.entries(raw ?? {}).map(([key, value]) => [key, value === null ? undefined : String(value)]);
	for (const [name, value] of entries) {
		// A name without a value passes the variable through from the environment, as in compose.
		const resolved = value ?? env[name];
		if (resolved !== undefined) result[name] = resolved;
	}
	return result;
}

function readLabels(raw: Service['labels']): Record<string, string> {
	if (Array.isArray(raw)) {
		return Object.fromEntries(
			raw.map((item) => {
				const at = item.indexOf('=');
				return at === -1 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
			}),
		);
	}
	return Object.fromEntries(Object.entries(raw ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

/** Short syntax: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/tcp], the host IP possibly [IPv6]. */
function readShortPort(file: string, text: string): {hostIp: string; hostPort: number; containerPort: number} {
	const bad = (): never => fail(file, 'ports[0]', `"${text}" is not HOST_IP:HOST_PORT:CONTAINER_PORT`);
	const match = /^(?:(\[[^\]]+\]|[^:]*):)?(?:([^:]*):)?([^:]+?)(?:\/tcp)?$/.exec(text);
	if (!match) return bad();
	const [, first, second, last] = match;
	// With two parts the first is the host port; with three, the host IP and the host port.
	const [hostIp, hostPort] = second === undefined ? ['0.0.0.0', first] : [first!.replace(/^\[|\]$/g, '') || '0.0.0.0', second];
	const numbers = [hostPort ?? last!, last!];
	if (!numbers.every((part) => /^\d+$/.test(part))) return bad();
	return {hostIp, hostPort: Number(numbers[0]), containerPort: Number(numbers[1])};
}

function readPort(file: string, entry: Service['ports'][number]): {hostIp: string; hostPort: number; containerPort: number} {
	const result =
		typeof entry === 'object'
			? {hostIp: entry.host_ip ?? '0.0.0.0', hostPort: entry.published ?? entry.target, containerPort: entry.target}
			: readShortPort(file, String(entry));
	for (const port of [result.hostPort, result.containerPort]) {
		if (!Number.isInteger(port) || port < 1 || port > 65_535) fail(file, 'ports[0]', `port ${port} is not between 1 and 65535`);
	}
	return result;
}

/** Bind mount when the source starts with /, . or ~ (compose's rule), otherwise a named volume. */
function isHostPath(source: string): boolean {
	return /^[./~]/.test(source);
}

function hostPath(source: string, projectDir: string, env: NodeJS.ProcessEnv): string {
	if (source === '~' || source.startsWith('~/')) return path.join(env['HOME'] || homedir(), source.slice(1));
	return path.resolve(projectDir, source);
}

type Mounts = {volume: ComposeVolume | undefined; binds: string[]};

function readMounts(file: string, raw: Service['volumes'], declared: ComposeDocument['volumes'], env: NodeJS.ProcessEnv): Mounts {
	const projectDir = path.dirname(path.resolve(file));
	const named: Array<{key: string; target: string; readOnly: boolean}> = [];
	const binds: string[] = [];
	for (const [index, entry] of (raw ?? []).entries()) {
		const field = `volumes[${index}]`;
		let type: string;
		let source: string | undefined;
		let target: string;
		let mode: string | undefined;
		if (typeof entry === 'string') {
			const [first = '', second, third] = entry.split(':');
			if (second === undefined) fail(file, field, `"${entry}" is an anonymous volume: give it a name (NAME:${first}) so the data survives the container`);
			[source, target, mode] = [first, second, third];
			type = isHostPath(first) ? 'bind' : 'volume';
		} else {
			({type, source, target} = entry);
			mode = entry.read_only ? 'ro' : undefined;
		}
		if (!source) fail(file, field, 'needs a source: a volume name or a host path');
		if (type === 'bind') {
			binds.push([hostPath(source, projectDir, env), target, ...(mode ? [mode] : [])].join(':'));
		} else if (type === 'volume') {
			if (declared?.[source] === undefined) fail(file, field, `volume "${source}" is not declared under the top-level volumes`);
			named.push({key: source, target, readOnly: mode === 'ro'});
		} else {
			fail(file, field, `type ${type} is not supported: use a named volume or a bind mount`);
		}
	}
	if (named.length > 1) fail(file, 'volumes', 'cc-dev supports one named volume (the data directory); use bind mounts for the others');
	const first = named[0];
	if (!first) return {volume: undefined, binds};
	const declaration = declared?.[first.key] ?? null;
	return {volume: {key: first.key, target: first.target, external: declaration?.external === true, explicitName: declaration?.name}, binds};
}

function readHealth(file: string, raw: Service['healthcheck']): Pick<ComposeDatabase, 'healthcheck' | 'healthTiming' | 'isHealthcheckDisabled'> {
	if (!raw) return {healthcheck: undefined, healthTiming: {}, isHealthcheckDisabled: false};
	const test = typeof raw.test === 'string' ? ['CMD-SHELL', raw.test] : raw.test;
	const timing: {interval?: number; timeout?: number; retries?: number; startPeriod?: number} = {};
	if (raw.interval !== undefined) timing.interval = parseDuration(file, 'healthcheck.interval', raw.interval);
	if (raw.timeout !== undefined) timing.timeout = parseDuration(file, 'healthcheck.timeout', raw.timeout);
	if (raw.start_period !== undefined) timing.startPeriod = parseDuration(file, 'healthcheck.start_period', raw.start_period);
	if (raw.retries !== undefined) timing.retries = raw.retries;
	return {healthcheck: test, healthTiming: timing, isHealthcheckDisabled: raw.disable === true || test?.[0] === 'NONE'};
}

function issueField(issue: Zod.core.$ZodIssue): string {
	return issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

function checkShape(file: string, document: unknown): ComposeDocument {
	const checked = libraries().schema.safeParse(document);
	if (checked.success) return checked.data;
	const issue = checked.error.issues[0]!;
	throw new InputError(`${file}: ${issueField(issue)}: ${issue.message}`, {hint});
}

/** The db service as written, before interpolation; a file without one is refused. */
function rawService(file: string, document: Record<string, unknown>): unknown {
	const services = document['services'];
	if (typeof services !== 'object' || services === null) throw new InputError(`${file}: no services section`, {hint: 'docker-compose.yml needs a services.db entry.'});
	const db = (services as Record<string, unknown>)['db'];
	if (typeof db !== 'object' || db === null || Array.isArray(db)) {
		throw new InputError(`${file}: no db service`, {hint: 'Add a services.db entry (postgres:15-alpine) to docker-compose.yml.'});
	}
	return db;
}

/** Parses docker-compose.yml text: interpolation first, then the shape, then cc-dev's reading. Errors name the field. */
export function parseComposeDatabase(text: string, file: string, env: NodeJS.ProcessEnv = process.env): ComposeDatabase {
	let parsed: unknown;
	try {
		parsed = libraries().parse(text);
	} catch (error) {
		throw new InputError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, {hint: 'Fix the YAML syntax of docker-compose.yml.', cause: error});
	}
	const raw = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
	// Only the parts cc-dev reads are interpolated: another service's ${VAR:?} must not stop cc-dev.
	const document = checkShape(file, {
		...raw,
		name: typeof raw['name'] === 'string' ? interpolate(raw['name'], env, {file, field: 'name'}) : raw['name'],
		services: {db: interpolateTree(rawService(file, raw), env, {file, field: 'services.db'})},
		volumes: interpolateTree(raw['volumes'], env, {file, field: 'volumes'}),
	});
	const service = document.services.db;
	const environment = readEnvironment(service.environment, env);
	const user = environment['POSTGRES_USER'] || 'postgres';
	const password = environment['POSTGRES_PASSWORD'];
	if (!password) fail(file, 'environment.POSTGRES_PASSWORD', 'missing: the official image refuses to start without it');
	const command = service.command ?? undefined;
	return {
		image: service.image,
		user,
		password,
		database: environment['POSTGRES_DB'] || user,
		...readPort(file, service.ports[0]!),
		...readMounts(file, service.volumes, document.volumes, env),
		...readHealth(file, service.healthcheck),
		environment,
		projectName: document.name,
		containerName: service.container_name,
		command: typeof command === 'string' ? command.trim().split(/\s+/) : command?.map(String),
		restart: service.restart,
		stopSignal: service.stop_signal,
		stopTimeout: service.stop_grace_period === undefined ? undefined : Math.ceil(parseDuration(file, 'stop_grace_period', service.stop_grace_period) / 1e9),
		labels: readLabels(service.labels),
		unsupported: Object.keys(service).filter((key) => !modelled.has(key) && !ignored.has(key) && !key.startsWith('x-')),
	};
}

export function readComposeDatabase(file: string, env: NodeJS.ProcessEnv = process.env): ComposeDatabase {
	return parseComposeDatabase(readFileSync(file, 'utf8'), file, env);
}

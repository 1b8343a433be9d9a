import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {InputError} from '../errors.js';

/** The `db` service of docker-compose.yml, as cc-dev uses it. */
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
	/** Named volume mounted at the data directory, with its mount path. */
	readonly volume: {readonly name: string; readonly target: string} | undefined;
	/** The healthcheck command, as an exec array. */
	readonly healthcheck: readonly string[] | undefined;
	/** Every environment variable of the service. */
	readonly environment: Readonly<Record<string, string>>;
};

export const composeDefaults: ComposeDatabase = {
	image: 'postgres:15-alpine',
	user: 'cognition_user',
	password: 'cognition_pass',
	database: 'cognition_curator_dev',
	hostIp: '127.0.0.1',
	hostPort: 5432,
	containerPort: 5432,
	volume: {name: 'postgres_data', target: '/var/lib/postgresql/data'},
	healthcheck: ['CMD-SHELL', 'pg_isready -U cognition_user -d cognition_curator_dev'],
	environment: {
		POSTGRES_USER: 'cognition_user',
		POSTGRES_PASSWORD: 'cognition_pass',
		POSTGRES_DB: 'cognition_curator_dev',
	},
};

type Raw = Record<string, unknown>;

function fail(file: string, field: string, problem: string): never {
	throw new InputError(`${file}: services.db.${field}: ${problem}`, {
		hint: 'Fix docker-compose.yml; cc-dev reads the db service as the single source of image, credentials, port and volume.',
	});
}

/** Expands ${VAR}, ${VAR:-default} and $VAR as docker compose does. */
function interpolate(value: string, env: NodeJS.ProcessEnv): string {
	return value.replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/g, (_m, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
		const name = braced ?? bare ?? '';
		const found = env[name];
		return found === undefined || found === '' ? (fallback ?? '') : found;
	});
}

function readEnvironment(file: string, raw: unknown, env: NodeJS.ProcessEnv): Record<string, string> {
	if (raw === undefined) return {};
	const result: Record<string, string> = {};
	if (Array.isArray(raw)) {
		for (const item of raw) {
			if (typeof item !== 'string') fail(file, 'environment', 'each list item must be a string NAME=value');
			const at = item.indexOf('=');
			if (at < 1) fail(file, 'environment', `"${item}" is not NAME=value`);
			result[item.slice(0, at)] = interpolate(item.slice(at + 1), env);
		}
		return result;
	}
	if (typeof raw === 'object' && raw !== null) {
		for (const [key, value] of Object.entries(raw)) {
			result[key] = interpolate(value === null || value === undefined ? '' : String(value), env);
		}
		return result;
	}
	return fail(file, 'environment', 'must be a map or a list');
}

function readPort(file: string, raw: unknown, env: NodeJS.ProcessEnv): {hostIp: string; hostPort: number; containerPort: number} {
	if (!Array.isArray(raw) || raw.length === 0) fail(file, 'ports', 'missing: publish the PostgreSQL port, e.g. "127.0.0.1:5432:5432"');
	if (raw.length > 1) fail(file, 'ports', 'cc-dev supports exactly one published port');
	const entry = raw[0];
	if (typeof entry === 'object' && entry !== null) {
		const long = entry as Raw;
		const published = Number(long['published']);
		const target = Number(long['target']);
		if (!Number.isInteger(published) || !Number.isInteger(target)) fail(file, 'ports[0]', 'needs numeric published and target');
		return {hostIp: typeof long['host_ip'] === 'string' ? long['host_ip'] : '127.0.0.1', hostPort: published, containerPort: target};
	}
	const text = interpolate(String(entry), env).replace(/\/tcp$/, '');
	const parts = text.split(':');
	const numbers = parts.slice(-2).map(Number);
	const [hostPort, containerPort] = parts.length === 1 ? [Number(parts[0]), Number(parts[0])] : numbers;
	if (!Number.isInteger(hostPort) || !Number.isInteger(containerPort) || hostPort! < 1 || hostPort! > 65_535) {
		fail(file, 'ports[0]', `"${text}" is not HOST_IP:HOST_PORT:CONTAINER_PORT`);
	}
	const hostIp = parts.length === 3 ? parts[0]! : '0.0.0.0';
	return {hostIp, hostPort: hostPort!, containerPort: containerPort!};
}

function readVolume(file: string, raw: unknown): ComposeDatabase['volume'] {
	if (raw === undefined) return undefined;
	if (!Array.isArray(raw)) fail(file, 'volumes', 'must be a list');
	for (const entry of raw) {
		const text = typeof entry === 'string' ? entry : undefined;
		if (!text) continue;
		const [source, target] = text.split(':');
		if (source && target && !source.startsWith('.') && !source.startsWith('/')) return {name: source, target};
	}
	return undefined;
}

function readHealthcheck(file: string, raw: unknown): readonly string[] | undefined {
	if (raw === undefined) return undefined;
	if (typeof raw !== 'object' || raw === null) fail(file, 'healthcheck', 'must be a map with a test');
	const test = (raw as Raw)['test'];
	if (typeof test === 'string') return ['CMD-SHELL', test];
	if (Array.isArray(test) && test.every((part) => typeof part === 'string')) return test as string[];
	return fail(file, 'healthcheck.test', 'must be a string or a list of strings');
}

/** Parses the `db` service of a docker-compose.yml text. Errors name the field. */
export function parseComposeDatabase(text: string, file: string, env: NodeJS.ProcessEnv = process.env): ComposeDatabase {
	let document: unknown;
	try {
		// Loaded on first use (20 ms): commands given DATABASE_URL never read the compose file.
		const {parse} = createRequire(import.meta.url)('yaml') as typeof import('yaml');
		document = parse(text);
	} catch (error) {
		throw new InputError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
			hint: 'Fix the YAML syntax of docker-compose.yml.',
			cause: error,
		});
	}
	const services = (document as Raw | null)?.['services'];
	if (typeof services !== 'object' || services === null) {
		throw new InputError(`${file}: no services section`, {hint: 'docker-compose.yml needs a services.db entry.'});
	}
	const db = (services as Raw)['db'];
	if (typeof db !== 'object' || db === null) {
		throw new InputError(`${file}: no db service`, {hint: 'Add a services.db entry (postgres:15-alpine) to docker-compose.yml.'});
	}
	const service = db as Raw;
	const image = service['image'];
	if (typeof image !== 'string' || image.trim() === '') fail(file, 'image', 'missing: name the PostgreSQL image, e.g. postgres:15-alpine');
	const environment = readEnvironment(file, service['environment'], env);
	const user = environment['POSTGRES_USER'] ?? 'postgres';
	const password = environment['POSTGRES_PASSWORD'];
	if (!password) fail(file, 'environment.POSTGRES_PASSWORD', 'missing: the official image refuses to start without it');
	return {
		image: interpolate(image, env),
		user,
		password,
		database: environment['POSTGRES_DB'] ?? user,
		...readPort(file, service['ports'], env),
		volume: readVolume(file, service['volumes']),
		healthcheck: readHealthcheck(file, service['healthcheck']),
		environment,
	};
}

export function readComposeDatabase(file: string, env: NodeJS.ProcessEnv = process.env): ComposeDatabase {
	return parseComposeDatabase(readFileSync(file, 'utf8'), file, env);
}

import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {UsageError} from '../../errors.js';

/** Where the Docker engine answers, found the way the docker CLI finds it. */
export type EngineEndpoint = {
	/** The engine address as the docker CLI writes it: unix:///var/run/docker.sock, tcp://host:2376. */
	readonly host: string;
	/** Where the address came from, for messages: DOCKER_HOST, the context name, or the default. */
	readonly source: string;
	readonly protocol: 'unix' | 'http' | 'https' | 'ssh';
	/** The socket file, for unix endpoints. */
	readonly socketPath?: string;
	readonly hostname?: string;
	readonly port?: number;
	/** The user, for ssh endpoints. */
	readonly username?: string;
	/** TLS material (PEM) for https endpoints. */
	readonly tls?: {readonly ca?: Buffer; readonly cert?: Buffer; readonly key?: Buffer};
};

export const defaultSocket = '/var/run/docker.sock';

function dockerConfigDir(env: NodeJS.ProcessEnv): string {
	return env['DOCKER_CONFIG'] || path.join(homedir(), '.docker');
}

function readTls(dir: string): EngineEndpoint['tls'] {
	const read = (name: string) => (existsSync(path.join(dir, name)) ? readFileSync(path.join(dir, name)) : undefined);
	return {ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem')};
}

/** Parses a docker host address (unix://, tcp://, http(s)://, ssh://, or a bare socket path). */
export function parseEngineHost(host: string, source: string, tlsDir?: string): EngineEndpoint {
	if (host.startsWith('/')) return {host: `unix://${host}`, source, protocol: 'unix', socketPath: host};
	let url: URL;
	try {
		url = new URL(host);
	} catch {
		throw new UsageError(`${source} is not a Docker engine address: "${host}".`, {
			hint: 'Use unix:///var/run/docker.sock or tcp://HOST:PORT, as the docker CLI does.',
		});
	}
	switch (url.protocol) {
		case 'unix:':
			return {host, source, protocol: 'unix', socketPath: url.pathname || defaultSocket};
		case 'tcp:':
		case 'http:':
		case 'https:': {
			const secure = url.protocol === 'https:' || tlsDir !== undefined;
			return {
				host,
				source,
				protocol: secure ? 'https' : 'http',
				hostname: url.hostname.replace(/^\[|\]$/g, ''),
				port: url.port ? Number(url.port) : secure ? 2376 : 2375,
				...(secure && tlsDir ? {tls: readTls(tlsDir)} : {}),
			};
		}
		case 'ssh:':
			return {host, source, protocol: 'ssh', hostname: url.hostname, port: url.port ? Number(url.port) : 22, ...(url.username ? {username: decodeURIComponent(url.username)} : {})};
		default:
			throw new UsageError(`${source}: unsupported Docker engine address "${host}".`, {
				hint: 'cc-dev talks to the engine over unix://, tcp:// or ssh://.',
			});
	}
}

function contextEndpoint(name: string, env: NodeJS.ProcessEnv): EngineEndpoint | undefined {
	if (name === 'default') return undefined;
	const hash = createHash('sha256').update(name).digest('hex');
	const metaFile = path.join(dockerConfigDir(env), 'contexts', 'meta', hash, 'meta.json');
	if (!existsSync(metaFile)) {
		throw new UsageError(`Docker context "${name}" does not exist.`, {hint: 'List contexts with `docker context ls`, or set DOCKER_HOST.'});
	}
	const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as {Endpoints?: {docker?: {Host?: string}}};
	const host = meta.Endpoints?.docker?.Host;
	if (!host) return undefined;
	const tlsDir = path.join(dockerConfigDir(env), 'contexts', 'tls', hash, 'docker');
	return parseEngineHost(host, `docker context "${name}"`, existsSync(tlsDir) ? tlsDir : undefined);
}

function currentContext(env: NodeJS.ProcessEnv): string | undefined {
	const file = path.join(dockerConfigDir(env), 'config.json');
	if (!existsSync(file)) return undefined;
	try {
		const config = JSON.parse(readFileSync(file, 'utf8')) as {currentContext?: unknown};
		return typeof config.currentContext === 'string' && config.currentContext !== '' ? config.currentContext : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The engine endpoint as the docker CLI resolves it: DOCKER_CONTEXT, then DOCKER_HOST (with
 * DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), then the current context of ~/.docker/config.json, then
 * the default socket.
 */
export function resolveEngineEndpoint(env: NodeJS.ProcessEnv = process.env): EngineEndpoint {
	const explicitContext = env['DOCKER_CONTEXT'];
	if (explicitContext) {
		const found = contextEndpoint(explicitContext, env);
		if (found) return found;
	}
	const dockerHost = env['DOCKER_HOST'];
	if (dockerHost) {
		const verify = env['DOCKER_TLS_VERIFY'] !== undefined && env['DOCKER_TLS_VERIFY'] !== '' && env['DOCKER_TLS_VERIFY'] !== '0';
		return parseEngineHost(dockerHost, 'DOCKER_HOST', verify ? (env['DOCKER_CERT_PATH'] || dockerConfigDir(env)) : undefined);
	}
	const current = explicitContext ? undefined : currentContext(env);
	if (current) {
		const found = contextEndpoint(current, env);
		if (found) return found;
	}
	return {host: `unix://${defaultSocket}`, source: 'the default socket', protocol: 'unix', socketPath: defaultSocket};
}

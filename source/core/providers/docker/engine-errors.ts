import {accessSync, constants, existsSync} from 'node:fs';
import path from 'node:path';
import {CcDevError, EnvironmentError, FailureError} from '../../errors.js';
import type {EngineEndpoint} from './endpoint.js';

const otherProviders = 'or use the embedded database: --provider embedded';

/** True when a docker or dockerd program is on PATH (or Docker Desktop's socket folder exists). */
export function isDockerInstalled(env: NodeJS.ProcessEnv = process.env): boolean {
	for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
		for (const program of ['docker', 'dockerd']) {
			try {
				accessSync(path.join(dir, program), constants.X_OK);
				return true;
			} catch {}
		}
	}
	return existsSync('/Applications/Docker.app');
}

type SocketError = Error & {code?: string; statusCode?: number; json?: {message?: string} | string | null; reason?: string};

function where(endpoint: EngineEndpoint): string {
	return endpoint.source === 'the default socket' ? endpoint.host : `${endpoint.host} (${endpoint.source})`;
}

/** The clear message for an engine that cannot be reached: not installed, not running, no permission, no answer. */
export function engineUnreachable(endpoint: EngineEndpoint, error: unknown, timeoutMs?: number): EnvironmentError {
	const code = (error as SocketError | undefined)?.code;
	if (code === 'EACCES' || code === 'EPERM') {
		return new EnvironmentError(`Permission denied on the Docker socket ${endpoint.socketPath ?? endpoint.host}.`, {
			hint: `Add your user to the docker group (sudo usermod -aG docker $USER, then log out and back in), ${otherProviders}.`,
			cause: error,
		});
	}
	if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'ECONNABORTED' || code === 'ENGINE_TIMEOUT') {
		return new EnvironmentError(`The Docker engine at ${where(endpoint)} did not answer${timeoutMs ? ` within ${timeoutMs} ms` : ''}.`, {
			hint: `Check that the Docker daemon is healthy (docker info), ${otherProviders}.`,
			cause: error,
		});
	}
	if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'ENOTSOCK' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND') {
		if (endpoint.source === 'the default socket' && !isDockerInstalled()) {
			return new EnvironmentError('Docker is not installed: no docker program on PATH and nothing at /var/run/docker.sock.', {
				hint: `Install Docker Engine or Docker Desktop, ${otherProviders}.`,
				cause: error,
			});
		}
		const checkHost = endpoint.source === 'DOCKER_HOST' ? ', check DOCKER_HOST' : '';
		return new EnvironmentError(`The Docker daemon is not running: nothing answers at ${where(endpoint)}.`, {
			hint: `Start it (sudo systemctl start docker, or open Docker Desktop)${checkHost}, ${otherProviders}.`,
			cause: error,
		});
	}
	return new EnvironmentError(`Cannot talk to the Docker engine at ${where(endpoint)}: ${(error as Error | undefined)?.message ?? String(error)}.`, {
		hint: `Check that docker info works, ${otherProviders}.`,
		cause: error,
	});
}

/** The engine's own message for an HTTP error (dockerode puts it in json.message or reason). */
export function engineMessage(error: unknown): string {
	const failure = error as SocketError;
	if (typeof failure.json === 'object' && failure.json?.message) return failure.json.message.trim();
	if (typeof failure.json === 'string' && failure.json.trim() !== '') return failure.json.trim();
	// dockerode: "(HTTP code 500) server error - <the engine's message>"
	const detail = /^\(HTTP code \d+\) [\w ]+ - (.+)$/s.exec(failure.message ?? '')?.[1]?.trim();
	return detail || failure.reason || failure.message || String(error);
}

/** Turns anything a dockerode call throws into a cc-dev error with a clear message. */
export function classifyEngineError(endpoint: EngineEndpoint, error: unknown, action: string): CcDevError {
	if (error instanceof CcDevError) return error;
	const failure = error as SocketError;
	if (typeof failure?.statusCode === 'number') {
		return new FailureError(`Docker could not ${action}: ${engineMessage(error)}`, {cause: error});
	}
	if (failure?.code) return engineUnreachable(endpoint, error);
	return new FailureError(`Docker could not ${action}: ${failure?.message ?? String(error)}`, {cause: error});
}

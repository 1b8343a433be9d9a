import type Dockerode from 'dockerode';
import type {EngineEndpoint} from './endpoint.js';
import {classifyEngineError, engineUnreachable} from './engine-errors.js';

export type EngineResponse = {readonly statusCode: number; readonly body: string};

/**
 * One GET to the engine's API over plain node:http, for the fast read-only paths (ping, inspect):
 * loading dockerode costs ~150 ms, which `db status` and the provider probe do not need to pay.
 */
export function engineGet(endpoint: EngineEndpoint, apiPath: string, timeoutMs: number): Promise<EngineResponse> {
	return new Promise((resolve, reject) => {
		// Taken with getBuiltinModule, never imported: an ESM import of node:http reads every export
		// to build its namespace, and reading its lazy fetch-era exports loads Node's fetch (undici),
		// about 100 ms of CPU for `db status` and the app. test/commands/no-undici.test.ts.
		const transport = process.getBuiltinModule(endpoint.protocol === 'https' ? 'node:https' : 'node:http');
		const request = transport.request(
			{
				method: 'GET',
				path: apiPath,
				timeout: timeoutMs,
				...(endpoint.protocol === 'unix'
					? {socketPath: endpoint.socketPath}
					: {host: endpoint.hostname, port: endpoint.port, ...(endpoint.tls ?? {})}),
				headers: {Host: 'docker'},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({statusCode: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')}));
				response.on('error', reject);
			},
		);
		request.on('timeout', () => {
			request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), {code: 'ENGINE_TIMEOUT'}));
		});
		request.on('error', (error) => reject(engineUnreachable(endpoint, error, timeoutMs)));
		request.end();
	});
}

/** Answers whether the engine responds to /_ping within the timeout; throws the classified error otherwise. */
export async function pingEngine(endpoint: EngineEndpoint, timeoutMs: number): Promise<void> {
	if (endpoint.protocol === 'ssh') {
		const docker = await openDockerode(endpoint, timeoutMs);
		await docker.ping().catch((error: unknown) => {
			throw classifyEngineError(endpoint, error, 'answer a ping');
		});
		return;
	}
	const response = await engineGet(endpoint, '/_ping', timeoutMs);
	if (response.statusCode !== 200) {
		throw classifyEngineError(endpoint, Object.assign(new Error(response.body), {statusCode: response.statusCode}), 'answer a ping');
	}
}

/** A dockerode client for the endpoint, loaded lazily so that commands without Docker never load it. */
export async function openDockerode(endpoint: EngineEndpoint, timeoutMs?: number): Promise<Dockerode> {
	const {default: Docker} = await import('dockerode');
	const timeout = timeoutMs === undefined ? {} : {timeout: timeoutMs};
	switch (endpoint.protocol) {
		case 'unix':
			return new Docker({socketPath: endpoint.socketPath, ...timeout});
		case 'ssh':
			return new Docker({protocol: 'ssh', host: endpoint.hostname, port: endpoint.port, ...(endpoint.username ? {username: endpoint.username} : {}), ...timeout});
		default:
			return new Docker({protocol: endpoint.protocol, host: endpoint.hostname, port: endpoint.port, ...(endpoint.tls ?? {}), ...timeout});
	}
}

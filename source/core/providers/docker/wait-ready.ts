import type Dockerode from 'dockerode';
import {CancelledError, EnvironmentError} from '../../errors.js';
import type {EventSink} from '../../events.js';
import {redact} from '../../redact.js';
import {lastLogLines} from './container-logs.js';

export type ReadyTarget = {
	readonly host: string;
	readonly port: number;
	readonly user: string;
	readonly password: string;
	readonly database: string;
};

type PgError = Error & {code?: string};

/** One real connection attempt; resolves to the server version, or rejects with the driver's error. */
export async function tryConnect(target: ReadyTarget, timeoutMs: number): Promise<string> {
	const {default: pg} = await import('pg');
	const client = new pg.Client({...target, connectionTimeoutMillis: timeoutMs});
	client.on('error', () => {});
	try {
		await client.connect();
		const result = await client.query<{server_version: string}>('SHOW server_version');
		return result.rows[0]?.server_version ?? '';
	} finally {
		await client.end().catch(() => {});
	}
}

/** Errors that prove the server is up but refuses these credentials: waiting longer will not help. */
const credentialCodes = new Set(['28P01', '28000', '3D000']);

function credentialError(containerName: string, volume: string | undefined, error: PgError): EnvironmentError {
	const what = error.code === '3D000' ? 'has no such database' : 'rejects the credentials';
	return new EnvironmentError(
		`PostgreSQL in ${containerName} ${what} from docker-compose.yml: ${redact(error.message)}.`,
		{
			hint: volume
				? `The volume ${volume} was initialised with other settings. Restore them, or start afresh with cc-dev db destroy (deletes the data).`
				: 'Check POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB in docker-compose.yml.',
			cause: error,
		},
	);
}

/**
 * Polls with real connections until PostgreSQL accepts one, watching the container meanwhile: a
 * container that exits fails at once, and so does the bounded wait, both with its last log lines.
 */
export async function waitUntilReady(options: {
	readonly container: Dockerode.Container;
	readonly containerName: string;
	readonly volume: string | undefined;
	readonly target: ReadyTarget;
	readonly timeoutMs: number;
	readonly onEvent: EventSink;
	readonly signal?: AbortSignal;
}): Promise<string> {
	const {container, target, onEvent} = options;
	const started = Date.now();
	const where = `${target.host}:${target.port}`;
	let lastError = '';
	let lastInspect = 0;
	for (let attempt = 1; ; attempt++) {
		if (options.signal?.aborted) throw new CancelledError();
		try {
			const version = await tryConnect(target, 1000);
			onEvent({type: 'connected', target: `${target.user}@${where}/${target.database}`, serverVersion: version});
			return version;
		} catch (error) {
			const failure = error as PgError;
			if (failure.code && credentialCodes.has(failure.code)) throw credentialError(options.containerName, options.volume, failure);
			lastError = redact(failure.message);
			if (attempt === 1 || attempt % 25 === 0) onEvent({type: 'connect-attempt', target: where, attempt, error: lastError});
		}
		const elapsed = Date.now() - started;
		if (Date.now() - lastInspect > 400 || elapsed >= options.timeoutMs) {
			lastInspect = Date.now();
			const state = (await container.inspect()).State;
			if (!state.Running && !state.Restarting) {
				throw await startFailed(options, `the container exited with code ${state.ExitCode}`);
			}
		}
		if (elapsed >= options.timeoutMs) {
			// Both figures are measured here, from this wait's own start: they cannot depend on what a caller saw when.
			throw await startFailed(options, `PostgreSQL did not accept connections on ${where} within ${seconds(options.timeoutMs)} (waited ${seconds(elapsed)}, ${attempt} attempt${attempt === 1 ? '' : 's'}; last error: ${lastError})`);
		}
		await new Promise((resolve) => setTimeout(resolve, attempt < 20 ? 50 : 200));
	}
}

/** 1500 -> "1.5 s", 30000 -> "30 s". */
function seconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(1))} s`;
}

async function startFailed(options: {container: Dockerode.Container; containerName: string}, reason: string): Promise<EnvironmentError> {
	const lines = await lastLogLines(options.container, 15);
	const log = lines.length > 0 ? `\nLast lines of its log:\n${lines.map((line) => `  ${redact(line)}`).join('\n')}` : '';
	return new EnvironmentError(`The database container ${options.containerName} did not start: ${reason}.${log}`, {
		hint: `See the whole log with cc-dev db logs; cc-dev db destroy starts afresh (deletes the data).`,
	});
}

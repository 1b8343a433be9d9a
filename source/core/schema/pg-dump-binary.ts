import {accessSync, constants, readdirSync, realpathSync} from 'node:fs';
import path from 'node:path';
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

/** A folder with one installation per major version: /usr/lib/postgresql/15/bin. */
export type VersionedRoot = {readonly parent: string; readonly pattern: RegExp; readonly bin: string};

export const defaultVersionedRoots: readonly VersionedRoot[] = [
	{parent: '/usr/lib/postgresql', pattern: /^(\d+)$/, bin: 'bin'},
	{parent: '/usr', pattern: /^pgsql-(\d+)$/, bin: 'bin'},
	{parent: '/opt/homebrew/opt', pattern: /^postgresql@(\d+)$/, bin: 'bin'},
	{parent: '/usr/local/opt', pattern: /^postgresql@(\d+)$/, bin: 'bin'},
	{parent: '/Applications/Postgres.app/Contents/Versions', pattern: /^(\d+)$/, bin: 'bin'},
];

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

function isExecutable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
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

/** Versioned installations, with the major read from the folder name (no program run). */
function versionedCandidates(roots: readonly VersionedRoot[]): Array<{path: string; major: number}> {
	const found: Array<{path: string; major: number}> = [];
	for (const root of roots) {
		let entries: string[];
		try {
			entries = readdirSync(root.parent);
		} catch {
			continue;
		}
		for (const entry of entries) {
			const match = root.pattern.exec(entry);
			const file = path.join(root.parent, entry, root.bin, 'pg_dump');
			if (match && isExecutable(file)) found.push({path: file, major: Number(match[1])});
		}
	}
	return found;
}

/** pg_dump programs on PATH, skipping Debian's version-picking wrapper (the versioned folders cover it). */
function pathCandidates(env: NodeJS.ProcessEnv): string[] {
	const seen = new Set<string>();
	const found: string[] = [];
	for (const directory of (env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
		const file = path.join(directory, 'pg_dump');
		if (!isExecutable(file)) continue;
		let real: string;
		try {
			real = realpathSync(file);
		} catch {
			continue;
		}
		if (seen.has(real) || path.basename(real) === 'pg_wrapper') continue;
		seen.add(real);
		found.push(file);
	}
	return found;
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
	const versioned = versionedCandidates(options.versionedRoots ?? defaultVersionedRoots);
	// Probe the installed versions while the server says which one it is.
	const probes = new Map(versioned.map((candidate) => [candidate, probe(candidate.path)]));
	const serverMajor = await options.serverMajor;
	const chosen = best(versioned, serverMajor);
	if (chosen) {
		const found = await probes.get(chosen);
		if (found && found.major >= serverMajor) return found;
	}
	const onPath = (await Promise.all(pathCandidates(env).map((file) => probe(file)))).filter((found): found is LocalPgDump => found !== undefined);
	const fromPath = best(onPath, serverMajor);
	if (fromPath) return fromPath;
	throw missing(serverMajor, [...versioned, ...onPath]);
}

import {accessSync, constants, readdirSync, realpathSync} from 'node:fs';
import path from 'node:path';

/** A folder with one installation per major version: /usr/lib/postgresql/15/bin. */
export type VersionedRoot = {readonly parent: string; readonly pattern: RegExp; readonly bin: string};

export const defaultVersionedRoots: readonly VersionedRoot[] = [
	{parent: '/usr/lib/postgresql', pattern: /^(\d+)$/, bin: 'bin'},
	{parent: '/usr', pattern: /^pgsql-(\d+)$/, bin: 'bin'},
	{parent: '/opt/homebrew/opt', pattern: /^postgresql@(\d+)$/, bin: 'bin'},
	{parent: '/usr/local/opt', pattern: /^postgresql@(\d+)$/, bin: 'bin'},
	{parent: '/Applications/Postgres.app/Contents/Versions', pattern: /^(\d+)$/, bin: 'bin'},
];

export function isExecutable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** A PostgreSQL client program (psql, pg_dump) in the versioned installations, with the major read from the folder name. */
export function versionedPrograms(program: string, roots: readonly VersionedRoot[] = defaultVersionedRoots): Array<{path: string; major: number}> {
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
			const file = path.join(root.parent, entry, root.bin, program);
			if (match && isExecutable(file)) found.push({path: file, major: Number(match[1])});
		}
	}
	return found;
}

/** The program on PATH, in PATH order, each real file once; Debian's version-picking wrapper is skipped when asked. */
export function programsOnPath(program: string, env: NodeJS.ProcessEnv, options: {readonly skipWrapper?: boolean} = {}): string[] {
	const seen = new Set<string>();
	const found: string[] = [];
	for (const directory of (env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
		const file = path.join(directory, program);
		if (!isExecutable(file)) continue;
		let real: string;
		try {
			real = realpathSync(file);
		} catch {
			continue;
		}
		if (seen.has(real) || (options.skipWrapper && path.basename(real) === 'pg_wrapper')) continue;
		seen.add(real);
		found.push(file);
	}
	return found;
}

/** psql: the first on PATH, else the newest versioned installation. */
export function findPsql(env: NodeJS.ProcessEnv = process.env, roots: readonly VersionedRoot[] = defaultVersionedRoots): string | undefined {
	return programsOnPath('psql', env)[0] ?? versionedPrograms('psql', roots).sort((a, b) => b.major - a.major)[0]?.path;
}

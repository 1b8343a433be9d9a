import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';

export type ResolvedStartCommand =
	| {readonly found: true; readonly path: string}
	/** 127: nothing of that name on PATH; 126: found but not an executable file (the shell's codes). */
	| {readonly found: false; readonly exitCode: 126 | 127; readonly reason: string};

function isExecutableFile(file: string): boolean {
	try {
		if (!statSync(file).isFile()) return false;
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * Finds the file execve(2) must be given for a start command, as a shell would: a name with a
 * slash is taken relative to `cwd`, any other name is looked up in PATH. Checked before the
 * process is replaced, because a failed execve cannot be reported (Node aborts).
 */
export function resolveStartCommand(name: string, searchPath: string | undefined, cwd: string): ResolvedStartCommand {
	if (name.includes('/')) {
		const file = path.resolve(cwd, name);
		if (isExecutableFile(file)) return {found: true, path: file};
		const exists = statSync(file, {throwIfNoEntry: false}) !== undefined;
		return exists ? {found: false, exitCode: 126, reason: 'not an executable file'} : {found: false, exitCode: 127, reason: 'ENOENT'};
	}
	let exists = false;
	for (const directory of (searchPath ?? '').split(path.delimiter)) {
		const file = path.resolve(cwd, directory === '' ? '.' : directory, name);
		if (isExecutableFile(file)) return {found: true, path: file};
		exists ||= statSync(file, {throwIfNoEntry: false}) !== undefined;
	}
	return exists ? {found: false, exitCode: 126, reason: 'not an executable file'} : {found: false, exitCode: 127, reason: 'ENOENT'};
}

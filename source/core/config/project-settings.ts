import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../errors.js';

/** What a project configures once for cc-dev, in the `cc-dev` section of its package.json. */
export type ProjectSettings = {
	/** The command that builds the schema from the models into $DATABASE_URL (migrate new --from-command). */
	readonly fromCommand: string | undefined;
	/** How long it may run, in milliseconds. */
	readonly commandTimeoutMs: number | undefined;
};

/**
 * Reads the `cc-dev` section of the project's package.json:
 * `{"cc-dev": {"fromCommand": "python -c ...", "commandTimeout": 120}}`. Missing file or section:
 * nothing configured. A section with wrong types is a bad input file (exit 2).
 */
export function readProjectSettings(projectRoot: string): ProjectSettings {
	const file = path.join(projectRoot, 'package.json');
	if (!existsSync(file)) return {fromCommand: undefined, commandTimeoutMs: undefined};
	let section: unknown;
	try {
		section = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)['cc-dev'];
	} catch (error) {
		throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`, {hint: 'Fix package.json.', cause: error});
	}
	if (section === undefined) return {fromCommand: undefined, commandTimeoutMs: undefined};
	const settings = section as Record<string, unknown>;
	const command = settings['fromCommand'];
	const timeout = settings['commandTimeout'];
	if (typeof section !== 'object' || section === null || (command !== undefined && typeof command !== 'string') || (timeout !== undefined && (typeof timeout !== 'number' || timeout <= 0))) {
		throw new InputError(`${file}: the "cc-dev" section must look like {"fromCommand": "COMMAND", "commandTimeout": SECONDS}.`, {hint: 'fromCommand is a shell command (a string); commandTimeout a positive number of seconds.'});
	}
	return {fromCommand: command === undefined || command.trim() === '' ? undefined : command, commandTimeoutMs: typeof timeout === 'number' ? Math.round(timeout * 1000) : undefined};
}

import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {digestOf, openDerivedCache} from '../cache/derived-cache.js';
import {parseComposeDatabase, type ComposeDatabase} from './compose-file.js';

/** The reader's own code: a cache written by another version of it is ignored. */
const readerVersion = (() => {
	const here = path.dirname(new URL(import.meta.url).pathname);
	const sources = ['compose-file', 'compose-interpolate'].map((name) => {
		try {
			return readFileSync(path.join(here, `${name}${path.extname(new URL(import.meta.url).pathname)}`), 'utf8');
		} catch {
			return name;
		}
	});
	return digestOf(...sources);
})();

function isComposeDatabase(_key: string, value: unknown): value is ComposeDatabase {
	const record = value as Partial<Record<keyof ComposeDatabase, unknown>> | null;
	const port = (number: unknown): boolean => Number.isInteger(number) && (number as number) >= 1 && (number as number) <= 65_535;
	return (
		typeof record === 'object' && record !== null &&
		(['image', 'user', 'password', 'database', 'hostIp'] as const).every((field) => typeof record[field] === 'string') &&
		port(record.hostPort) && port(record.containerPort) &&
		Array.isArray(record.binds) && Array.isArray(record.unsupported) &&
		typeof record.environment === 'object' && record.environment !== null &&
		typeof record.labels === 'object' && record.labels !== null &&
		typeof record.healthTiming === 'object' && record.healthTiming !== null &&
		typeof record.isHealthcheckDisabled === 'boolean'
	);
}

/**
 * docker-compose.yml's database settings, read through a cache in the state folder: parsing the
 * YAML and checking its shape loads yaml and zod (about 50 ms), every run of every command that
 * talks to the local database. The key is the file's path and text, the value of every
 * environment variable whose name appears in it as a word (what ${NAME} interpolates and what a
 * bare `- NAME` environment entry takes) and the home folder (~ in bind mounts), so a cached
 * reading is exactly what the reader would return now. Errors always come from the reader.
 */
export function readComposeDatabaseCached(file: string, env: NodeJS.ProcessEnv, stateDir: string): ComposeDatabase {
	const text = readFileSync(file, 'utf8');
	const names = [...new Set(text.match(/[A-Za-z_]\w*/g) ?? [])].filter((name) => env[name] !== undefined).sort();
	const key = digestOf(path.resolve(file), text, env['HOME'] || homedir(), JSON.stringify(names.map((name) => [name, env[name]])));
	const cache = openDerivedCache(path.join(stateDir, 'cache', 'compose'), readerVersion, isComposeDatabase, 16);
	const cached = cache.get(key);
	if (cached) return cached;
	const database = parseComposeDatabase(text, file, env);
	cache.set(key, database);
	cache.save();
	return database;
}

import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/**
 * A file of derived data under .cc-dev/ that saves recomputing something from its source (the
 * parse analysis of a migration's SQL, the database settings of docker-compose.yml). Only derived
 * data goes in: every key is a digest of everything its value is derived from, so an entry can
 * never describe other input. Each entry also carries a digest of itself and is checked by the
 * caller's validator when read: a corrupt file or entry is ignored (and rebuilt), a file written
 * by another version of its producer (`version`) is ignored whole. Losing the cache only costs
 * time; failing to write it (a read-only checkout) is not an error.
 */
export type DerivedCache<T> = {
	get(key: string): T | undefined;
	set(key: string, value: T): void;
	/** Writes the file when something changed (atomically: a reader sees the old or the new file). */
	save(): void;
};

type Stored = {readonly format: 1; readonly version: string; readonly entries: Record<string, {readonly value: unknown; readonly digest: string}>};


export function digestOf(...parts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
}

function entryDigest(key: string, value: unknown): string {
	return digestOf(key, JSON.stringify(value));
}

function readStored(file: string, version: string): Stored['entries'] {
	let stored: Partial<Stored>;
	try {
		stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stored>;
	} catch {
		return {};
	}
	if (stored?.format !== 1 || stored.version !== version || typeof stored.entries !== 'object' || stored.entries === null) return {};
	return stored.entries;
}

/**
 * Opens the cache file (nothing is read until the first get). `isValid` checks a value's shape
 * and its consistency with the key's source, beyond the digest: it is the last word on whether an
 * entry is used. The newest `maxEntries` entries are kept.
 */
export function openDerivedCache<T>(file: string, version: string, isValid: (key: string, value: unknown) => value is T, maxEntries = 20_000): DerivedCache<T> {
	let entries: Record<string, {value: unknown; digest: string}> | undefined;
	const added = new Map<string, T>();
	let dirty = false;
	const load = (): Record<string, {value: unknown; digest: string}> => (entries ??= readStored(file, version));
	return {
		get(key) {
			if (added.has(key)) return added.get(key);
			const entry = load()[key];
			if (entry === undefined) return undefined;
			if (typeof entry !== 'object' || entry === null || entry.digest !== entryDigest(key, entry.value) || !isValid(key, entry.value)) {
				delete load()[key];
				dirty = true;
				return undefined;
			}
			return entry.value;
		},
		set(key, value) {
			added.set(key, value);
			dirty = true;
		},
		save() {
			if (!dirty) return;
			const kept = Object.entries(load()).filter(([key]) => !added.has(key));
			const all = [...kept, ...[...added].map(([key, value]): [string, {value: unknown; digest: string}] => [key, {value, digest: entryDigest(key, value)}])];
			const stored: Stored = {format: 1, version, entries: Object.fromEntries(all.slice(-maxEntries))};
			const temporary = `${file}.${process.pid}.tmp`;
			try {
				mkdirSync(path.dirname(file), {recursive: true});
				writeFileSync(temporary, JSON.stringify(stored), {mode: 0o600});
				renameSync(temporary, file);
				dirty = false;
			} catch {
				try {
					rmSync(temporary, {force: true});
				} catch {
					// Nothing was written.
				}
			}
		},
	};
}

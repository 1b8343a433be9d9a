import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/**
 * A folder of derived data under .cc-dev/ that saves recomputing something from its source (the
 * parse analysis of a migration's SQL, the database settings of docker-compose.yml). Only derived
 * data goes in: every key is a digest of everything its value is derived from, so an entry can
 * never describe other input. Each entry also carries a digest of itself and is checked by the
 * caller's validator when read: a corrupt entry is ignored (and replaced), entries written by
 * another version of their producer (`version`) are never read. Losing the cache only costs time;
 * failing to write it (a read-only checkout) is not an error.
 *
 * One file per entry, in a subfolder per producer version: a run reads only the entries it asks
 * for, so its cost does not grow with what earlier runs stored (one JSON file holding a 5 MB
 * migration's analysis cost every later run 120 ms to parse).
 */
export type DerivedCache<T> = {
	get(key: string): T | undefined;
	set(key: string, value: T): void;
	/** Writes the new entries (each atomically: a reader sees none or all of it) and drops the rejected ones. */
	save(): void;
};

type StoredEntry = {readonly format: 2; readonly key: string; readonly value: unknown; readonly digest: string};

export function digestOf(...parts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
}

function entryDigest(key: string, value: unknown): string {
	return digestOf(key, JSON.stringify(value));
}

function isStoredEntry(entry: unknown): entry is StoredEntry {
	const candidate = entry as Partial<StoredEntry> | null;
	return typeof candidate === 'object' && candidate !== null && candidate.format === 2 && typeof candidate.key === 'string' && typeof candidate.digest === 'string';
}

/** Keys are digests in practice; any other key is stored under its digest. */
function fileNameOf(key: string): string {
	return `${/^[\w-]{1,128}$/.test(key) ? key : digestOf(key)}.json`;
}

function readEntry(file: string): unknown {
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** Removes what older versions of the producer left: their folders, and the single file this cache once was (`<folder>.json`). */
function removeOtherVersions(directory: string, current: string): void {
	for (const name of readdirSync(directory)) {
		if (name !== path.basename(current)) rmSync(path.join(directory, name), {recursive: true, force: true});
	}
	rmSync(`${directory}.json`, {force: true});
}

/** Keeps the `maxEntries` most recently written entries. */
function prune(folder: string, maxEntries: number): void {
	const names = readdirSync(folder).filter((name) => name.endsWith('.json'));
	if (names.length <= maxEntries) return;
	const byAge = names.map((name) => ({name, written: statSync(path.join(folder, name)).mtimeMs})).sort((a, b) => a.written - b.written);
	for (const {name} of byAge.slice(0, names.length - maxEntries)) rmSync(path.join(folder, name), {force: true});
}

/**
 * Opens the cache folder (nothing is read until a get). `isValid` checks a value's shape and its
 * consistency with the key's source, beyond the digest: it is the last word on whether an entry is
 * used. The `maxEntries` most recently written entries are kept.
 */
export function openDerivedCache<T>(directory: string, version: string, isValid: (key: string, value: unknown) => value is T, maxEntries = 20_000): DerivedCache<T> {
	const folder = path.join(directory, digestOf(version).slice(0, 16));
	const added = new Map<string, T>();
	const rejected = new Set<string>();
	const fileOf = (key: string): string => path.join(folder, fileNameOf(key));
	return {
		get(key) {
			if (added.has(key)) return added.get(key);
			let entry: unknown;
			try {
				entry = readEntry(fileOf(key));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rejected.add(key);
				return undefined;
			}
			if (!isStoredEntry(entry) || entry.key !== key || entry.digest !== entryDigest(key, entry.value) || !isValid(key, entry.value)) {
				rejected.add(key);
				return undefined;
			}
			return entry.value;
		},
		set(key, value) {
			added.set(key, value);
			rejected.delete(key);
		},
		save() {
			if (added.size === 0 && rejected.size === 0) return;
			const temporary = path.join(folder, `.${process.pid}.tmp`);
			try {
				mkdirSync(folder, {recursive: true});
				for (const key of rejected) rmSync(fileOf(key), {force: true});
				rejected.clear();
				for (const [key, value] of added) {
					const entry: StoredEntry = {format: 2, key, value, digest: entryDigest(key, value)};
					writeFileSync(temporary, JSON.stringify(entry), {mode: 0o600});
					renameSync(temporary, fileOf(key));
				}
				const wrote = added.size > 0;
				added.clear();
				if (wrote) {
					removeOtherVersions(directory, folder);
					prune(folder, maxEntries);
				}
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

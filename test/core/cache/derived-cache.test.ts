import {existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {openDerivedCache} from '../../../source/core/cache/derived-cache.js';
import {tempFolder} from '../../helpers/temp-folder.js';

type Value = {readonly length: number};
const isValue = (_key: string, value: unknown): value is Value => typeof (value as Value | null)?.length === 'number';

function cacheDir(t: ExecutionContext): string {
	return path.join(tempFolder(t, 'cc-dev-cache-'), 'nested', 'cache');
}

/** The file an entry is stored in, wherever the version's folder is. */
function entryFile(directory: string, key: string): string {
	const found = readdirSync(directory, {recursive: true, encoding: 'utf8'}).find((name) => path.basename(name) === `${key}.json`);
	if (!found) throw new Error(`no file for ${key} under ${directory}`);
	return path.join(directory, found);
}

function entryFiles(directory: string): string[] {
	return readdirSync(directory, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.json')).map((name) => path.basename(name)).sort();
}

test('an entry written by one process is read by the next', (t) => {
	const directory = cacheDir(t);
	const first = openDerivedCache(directory, 'v1', isValue);
	t.is(first.get('abc'), undefined);
	first.set('abc', {length: 3});
	first.save();
	t.deepEqual(openDerivedCache(directory, 'v1', isValue).get('abc'), {length: 3});
});

test('entries written by another version of the producer are never read, and are removed when the new version writes', (t) => {
	const directory = cacheDir(t);
	const first = openDerivedCache(directory, 'v1', isValue);
	first.set('abc', {length: 3});
	first.save();
	const second = openDerivedCache(directory, 'v2', isValue);
	t.is(second.get('abc'), undefined);
	second.set('de', {length: 2});
	second.save();
	t.deepEqual(entryFiles(directory), ['de.json']);
	t.is(openDerivedCache(directory, 'v1', isValue).get('abc'), undefined);
});

test('the single file this cache used to be is removed on the first write', (t) => {
	const directory = cacheDir(t);
	const legacy = `${directory}.json`;
	const cache = openDerivedCache(directory, 'v1', isValue);
	cache.set('abc', {length: 3});
	mkdirSync(path.dirname(legacy), {recursive: true});
	writeFileSync(legacy, '{"format": 1}');
	cache.save();
	t.false(existsSync(legacy));
});

test('an entry that is not JSON is ignored and rewritten on the next save', (t) => {
	const directory = cacheDir(t);
	const first = openDerivedCache(directory, 'v1', isValue);
	first.set('abc', {length: 3});
	first.save();
	writeFileSync(entryFile(directory, 'abc'), '{"format": 2, "key": "abc", "val');
	const second = openDerivedCache(directory, 'v1', isValue);
	t.is(second.get('abc'), undefined);
	second.set('abc', {length: 3});
	second.save();
	t.deepEqual(openDerivedCache(directory, 'v1', isValue).get('abc'), {length: 3});
});

test('an entry whose value was changed after it was written is ignored, and dropped on the next save', (t) => {
	const directory = cacheDir(t);
	const first = openDerivedCache(directory, 'v1', isValue);
	first.set('abc', {length: 3});
	first.set('de', {length: 2});
	first.save();
	const file = entryFile(directory, 'abc');
	writeFileSync(file, readFileSync(file, 'utf8').replace('{"length":3}', '{"length":4}'));
	const second = openDerivedCache(directory, 'v1', isValue);
	t.is(second.get('abc'), undefined);
	t.deepEqual(second.get('de'), {length: 2});
	second.save();
	t.deepEqual(entryFiles(directory), ['de.json']);
});

test('an entry stored under another key\'s name is ignored', (t) => {
	const directory = cacheDir(t);
	const first = openDerivedCache(directory, 'v1', isValue);
	first.set('abc', {length: 3});
	first.set('de', {length: 2});
	first.save();
	writeFileSync(entryFile(directory, 'de'), readFileSync(entryFile(directory, 'abc')));
	t.is(openDerivedCache(directory, 'v1', isValue).get('de'), undefined);
});

test('an entry with a valid digest but a value its validator rejects is ignored', (t) => {
	const directory = cacheDir(t);
	const first = openDerivedCache<unknown>(directory, 'v1', (_key, value): value is unknown => true);
	first.set('abc', {size: 3});
	first.save();
	t.is(openDerivedCache(directory, 'v1', isValue).get('abc'), undefined);
});

test('a key that is not a plain name is stored under its digest and read back', (t) => {
	const directory = cacheDir(t);
	const first = openDerivedCache(directory, 'v1', isValue);
	first.set('../outside key', {length: 1});
	first.save();
	t.deepEqual(openDerivedCache(directory, 'v1', isValue).get('../outside key'), {length: 1});
	t.true(entryFiles(directory).every((name) => /^[0-9a-f]{64}\.json$/.test(name)));
});

test('only the most recently written entries are kept', (t) => {
	const directory = cacheDir(t);
	const cache = openDerivedCache(directory, 'v1', isValue, 2);
	for (const [index, key] of ['a', 'b'].entries()) {
		cache.set(key, {length: 1});
		cache.save();
		// File times are coarse: make the order of writing explicit.
		const when = new Date(Date.UTC(2020, 0, 1 + index));
		utimesSync(entryFile(directory, key), when, when);
	}
	cache.set('c', {length: 1});
	cache.save();
	const reopened = openDerivedCache(directory, 'v1', isValue, 2);
	t.deepEqual([reopened.get('a'), reopened.get('b'), reopened.get('c')], [undefined, {length: 1}, {length: 1}]);
});

test('a folder it cannot write leaves the cache empty, without an error', (t) => {
	const blocker = path.join(tempFolder(t, 'cc-dev-cache-'), 'blocker');
	writeFileSync(blocker, 'a file where the folder would be');
	const cache = openDerivedCache(path.join(blocker, 'below-a-file'), 'v1', isValue);
	cache.set('abc', {length: 3});
	t.notThrows(() => cache.save());
	t.is(openDerivedCache(path.join(blocker, 'below-a-file'), 'v1', isValue).get('abc'), undefined);
});

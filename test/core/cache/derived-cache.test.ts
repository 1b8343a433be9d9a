import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {openDerivedCache} from '../../../source/core/cache/derived-cache.js';

type Value = {readonly length: number};
const isValue = (_key: string, value: unknown): value is Value => typeof (value as Value | null)?.length === 'number';

function cacheFile(): string {
	return path.join(mkdtempSync(path.join(tmpdir(), 'cc-dev-cache-')), 'nested', 'cache.json');
}

test('an entry written by one process is read by the next', (t) => {
	const file = cacheFile();
	const first = openDerivedCache(file, 'v1', isValue);
	t.is(first.get('abc'), undefined);
	first.set('abc', {length: 3});
	first.save();
	t.deepEqual(openDerivedCache(file, 'v1', isValue).get('abc'), {length: 3});
});

test('a file written by another version of the producer is ignored whole', (t) => {
	const file = cacheFile();
	const first = openDerivedCache(file, 'v1', isValue);
	first.set('abc', {length: 3});
	first.save();
	t.is(openDerivedCache(file, 'v2', isValue).get('abc'), undefined);
});

test('a file that is not JSON is ignored and rewritten on the next save', (t) => {
	const file = cacheFile();
	const first = openDerivedCache(file, 'v1', isValue);
	first.set('abc', {length: 3});
	first.save();
	writeFileSync(file, '{"format": 1, "version": "v1", "entries": {"abc": {"val');
	const second = openDerivedCache(file, 'v1', isValue);
	t.is(second.get('abc'), undefined);
	second.set('abc', {length: 3});
	second.save();
	t.deepEqual(openDerivedCache(file, 'v1', isValue).get('abc'), {length: 3});
});

test('an entry whose value was changed after it was written is ignored, and dropped on the next save', (t) => {
	const file = cacheFile();
	const first = openDerivedCache(file, 'v1', isValue);
	first.set('abc', {length: 3});
	first.set('de', {length: 2});
	first.save();
	writeFileSync(file, readFileSync(file, 'utf8').replace('{"length":3}', '{"length":4}'));
	const second = openDerivedCache(file, 'v1', isValue);
	t.is(second.get('abc'), undefined);
	t.deepEqual(second.get('de'), {length: 2});
	second.save();
	t.false(readFileSync(file, 'utf8').includes('"abc"'));
});

test('an entry with a valid digest but a value its validator rejects is ignored', (t) => {
	const file = cacheFile();
	const first = openDerivedCache<unknown>(file, 'v1', (_key, value): value is unknown => true);
	first.set('abc', {size: 3});
	first.save();
	t.is(openDerivedCache(file, 'v1', isValue).get('abc'), undefined);
});

test('only the newest entries are kept', (t) => {
	const file = cacheFile();
	const cache = openDerivedCache(file, 'v1', isValue, 2);
	for (const key of ['a', 'b', 'c']) {
		cache.set(key, {length: 1});
		cache.save();
	}
	const reopened = openDerivedCache(file, 'v1', isValue, 2);
	t.deepEqual([reopened.get('a'), reopened.get('b'), reopened.get('c')], [undefined, {length: 1}, {length: 1}]);
});

test('a folder it cannot write leaves the cache empty, without an error', (t) => {
	const blocker = cacheFile();
	const first = openDerivedCache(blocker, 'v1', isValue);
	first.set('abc', {length: 3});
	first.save();
	const cache = openDerivedCache(path.join(blocker, 'below-a-file.json'), 'v1', isValue);
	cache.set('abc', {length: 3});
	t.notThrows(() => cache.save());
	t.is(openDerivedCache(path.join(blocker, 'below-a-file.json'), 'v1', isValue).get('abc'), undefined);
});

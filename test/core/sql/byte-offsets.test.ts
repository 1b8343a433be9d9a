import test from 'ava';
import {byteToCharMapper} from '../../../source/core/sql/byte-offsets.js';

test('ASCII text maps bytes to the same indexes', (t) => {
	const map = byteToCharMapper('SELECT 1');
	t.is(map(0), 0);
	t.is(map(7), 7);
	t.is(map(100), 8);
});

test('multi-byte and astral characters', (t) => {
	const text = 'é🎉x';
	const map = byteToCharMapper(text);
	t.is(map(0), 0); // é (2 bytes)
	t.is(map(2), 1); // 🎉 (4 bytes, 2 UTF-16 units)
	t.is(map(6), 3); // x
	t.is(map(7), 4); // end
	t.is(text[map(6)], 'x');
});

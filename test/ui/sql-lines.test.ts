import test from 'ava';
import {highlightLine, sqlLines} from '../../source/ui/sql-lines.js';

test('keywords, strings, numbers and comments are segments of their own', (t) => {
	t.deepEqual(highlightLine("ALTER TYPE cardstatus ADD VALUE 'X'; -- new", {inComment: false}), [
		{text: 'ALTER', kind: 'keyword'},
		{text: ' ', kind: 'plain'},
		{text: 'TYPE', kind: 'keyword'},
		{text: ' cardstatus ', kind: 'plain'},
		{text: 'ADD', kind: 'keyword'},
		{text: ' ', kind: 'plain'},
		{text: 'VALUE', kind: 'keyword'},
		{text: ' ', kind: 'plain'},
		{text: "'X'", kind: 'string'},
		{text: '; ', kind: 'plain'},
		{text: '-- new', kind: 'comment'},
	]);
	t.deepEqual(highlightLine('LIMIT 500', {inComment: false}), [
		{text: 'LIMIT', kind: 'keyword'},
		{text: ' ', kind: 'plain'},
		{text: '500', kind: 'number'},
	]);
});

test('block comments carry across lines', (t) => {
	const state = {inComment: false};
	t.deepEqual(highlightLine('SELECT /* one', state), [
		{text: 'SELECT', kind: 'keyword'},
		{text: ' ', kind: 'plain'},
		{text: '/* one', kind: 'comment'},
	]);
	t.true(state.inComment);
	t.deepEqual(highlightLine('two */ 1', state), [
		{text: 'two */', kind: 'comment'},
		{text: ' ', kind: 'plain'},
		{text: '1', kind: 'number'},
	]);
});

test('each block starts with its boundary line, which keeps the transaction mode', (t) => {
	const lines = sqlLines([
		{title: 'apply aaaaaaaaaaaa one', transaction: 'per-migration', sql: 'BEGIN;\nCOMMIT;'},
		{title: 'apply bbbbbbbbbbbb two', transaction: 'none', sql: 'CREATE INDEX CONCURRENTLY i ON t (c);'},
	]);
	t.deepEqual(
		lines.filter((line) => line.kind === 'boundary'),
		[
			{kind: 'boundary', title: 'apply aaaaaaaaaaaa one', transaction: 'per-migration'},
			{kind: 'boundary', title: 'apply bbbbbbbbbbbb two', transaction: 'none'},
		],
	);
	t.is(lines.length, 5);
});

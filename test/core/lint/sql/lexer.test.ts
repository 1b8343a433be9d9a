import test from 'ava';
import {scanComments, scanSql, skipTrivia, trimTrailingTrivia} from '../../../../source/core/lint/sql/lexer.js';

test('finds line and block comments, nested block comments included', (t) => {
	const sql = 'SELECT 1; -- one\n/* two /* nested */ still two */ SELECT 2;';
	t.deepEqual(
		scanComments(sql).map((comment) => [comment.kind, comment.body]),
		[
			['line', 'one'],
			['block', 'two /* nested */ still two'],
		],
	);
});

test('skips strings, E-strings, quoted identifiers and dollar quotes', (t) => {
	const sql = [
		"SELECT '-- not a comment', 'it''s', E'\\' -- still a string', \"col--name\";",
		'SELECT $$ -- body $$, $fn$ $$ -- nested $$ $fn$, $1, a$b;',
		'-- real',
	].join('\n');
	t.deepEqual(
		scanComments(sql).map((comment) => comment.body),
		['real'],
	);
});

test('an unterminated dollar quote or string runs to the end', (t) => {
	t.deepEqual(scanComments("SELECT $x$ -- inside"), []);
	t.deepEqual(scanComments("SELECT 'abc -- inside"), []);
});

test('identifiers of a minimum length, folded like PostgreSQL folds them', (t) => {
	const {identifiers} = scanSql('CREATE TABLE "MixedCase_Identifier" (Some_Long_Column_Name int);', 16);
	t.deepEqual(
		identifiers.map((identifier) => [identifier.name, identifier.quoted]),
		[
			['MixedCase_Identifier', true],
			['some_long_column_name', false],
		],
	);
});

test('skipTrivia and trimTrailingTrivia find the first and last tokens', (t) => {
	const sql = '  -- a\n /* b */ SELECT 1 -- c\n  ';
	const start = skipTrivia(sql, 0);
	t.is(sql.slice(start, start + 6), 'SELECT');
	const end = trimTrailingTrivia(sql, start, sql.length, scanComments(sql));
	t.is(sql.slice(start, end), 'SELECT 1');
});

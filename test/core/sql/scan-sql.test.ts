import test from 'ava';
import {loadParser, parseSql} from '../../../source/core/sql/parse-sql.js';
import {scanSql} from '../../../source/core/sql/scan-sql.js';
import {scanStatements} from '../../../source/core/sql/scan-statements.js';

test.before(async () => {
	await loadParser();
});

function scan(sql: string, minIdentifierLength = 0) {
	const parsed = parseSql(sql);
	if (!parsed.ok) throw new Error(parsed.message);
	return scanSql(sql, parsed.toChar, minIdentifierLength);
}

test('finds line and block comments, nested block comments included', (t) => {
	const sql = 'SELECT 1; -- one\n/* two /* nested */ still two */ SELECT 2;';
	t.deepEqual(
		scan(sql).comments.map((comment) => [comment.kind, comment.body, sql.slice(comment.start, comment.end)]),
		[
			['line', 'one', '-- one'],
			['block', 'two /* nested */ still two', '/* two /* nested */ still two */'],
		],
	);
});

test('strings, E-strings, quoted identifiers and dollar quotes hide comment markers', (t) => {
	const sql = [
		"SELECT '-- not a comment', 'it''s', E'\\' -- still a string', \"col--name\";",
		'SELECT $$ -- body $$, $fn$ $$ -- nested $$ $fn$;',
		'-- réal',
	].join('\n');
	t.deepEqual(
		scan(sql).comments.map((comment) => [comment.body, sql.slice(comment.start, comment.end)]),
		[['réal', '-- réal']],
	);
});

test('identifiers of a minimum length, folded like PostgreSQL folds them, at string indexes after non-ASCII text', (t) => {
	const sql = "SELECT 'ünïcödé'; CREATE TABLE \"MixedCase_Identifier\" (Some_Long_Column_Name int, id int);";
	const {identifiers} = scan(sql, 16);
	t.deepEqual(
		identifiers.map((identifier) => [identifier.name, identifier.quoted, sql.slice(identifier.start, identifier.end)]),
		[
			['MixedCase_Identifier', true, '"MixedCase_Identifier"'],
			['some_long_column_name', false, 'Some_Long_Column_Name'],
		],
	);
});

test('codeEndBefore finds the end of the last token, skipping trailing comments and whitespace', (t) => {
	const sql = '  -- a\n /* b */ SELECT 1 -- c\n  ;';
	const parsed = parseSql(sql);
	if (!parsed.ok) return t.fail(parsed.message);
	const [statement] = parsed.statements;
	t.is(sql.slice(statement!.start, statement!.start + 6), 'SELECT');
	const end = scanSql(sql, parsed.toChar).codeEndBefore(statement!.end, statement!.start);
	t.is(sql.slice(statement!.start, end), 'SELECT 1');
});

test('scanStatements finds what a scan of the whole text finds, while scanning only the statements that can hold a comment or a long identifier', (t) => {
	const long = 'a_name_that_is_well_over_sixty_three_bytes_long_so_postgres_cuts_it';
	const sql = [
		'-- header comment; with a semicolon',
		'/* block /* nested */ still */',
		'CREATE TABLE plain (id int, name text);',
		`CREATE TABLE ${long} (id int); -- after`,
		"INSERT INTO plain VALUES (1, '-- not a comment'), (2, '/* nor this */');",
		'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; -- inside the body\nEND $$;',
		'SELECT 1 -- trailing, before the semicolon\n;',
		`ALTER TABLE "${'Ü'.repeat(40)}" ADD COLUMN x int;`,
		';;',
		'UPDATE plain SET name = $q$ "quoted" $q$ /* inner */ WHERE id = 1',
		'-- the last line',
	].join('\n');
	const parsed = parseSql(sql);
	if (!parsed.ok) return t.fail(parsed.message);
	const whole = scanSql(sql, parsed.toChar, 16);
	const parts = scanStatements(sql, parsed.statements);
	t.deepEqual(parts.comments, whole.comments);
	t.deepEqual(
		parts.identifiers,
		whole.identifiers.filter((identifier) => Buffer.byteLength(identifier.name) > 63),
	);
	t.is(parts.identifiers.length, 2);
	for (const statement of parsed.statements) t.is(parts.codeEndBefore(statement.end, statement.start), whole.codeEndBefore(statement.end, statement.start), sql.slice(statement.start, statement.end));
	t.is(whole.comments.length, 6);
});

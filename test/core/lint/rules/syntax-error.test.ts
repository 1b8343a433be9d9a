import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'syntax-error';

test('unparsable SQL is an error at the parser position', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tags (id int);\nALTER TABLE tags\n  ADD COLUMN name text,\n  ADD COLUMN age int NOT NUL;'});
	t.is(findings.length, 1);
	t.is(findings[0]?.rule, rule);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.line, 11);
	t.is(findings[0]?.column, 26);
	t.regex(findings[0]?.message ?? '', /syntax error at or near "NUL"/);
});

test('the position counts characters after multi-byte text', async (t) => {
	// PostgreSQL reports the cursor in code points; the column counts UTF-16 units like editors do.
	const findings = findingsOf(await lintSpec({up: "SELECT 'déjà vu 🎉' AS x, ;"}), rule);
	t.is(findings[0]?.line, 8);
	t.is(findings[0]?.column, 27);
});

test('an unterminated dollar quote is reported', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1;'}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /unterminated dollar-quoted string/);
});

test('the down section is parsed too', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'SELECT 1;', down: 'DROP TABLE;'}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /down section/);
});

test('valid SQL has no syntax error', async (t) => {
	t.deepEqual(findingsOf(await lintSpec({up: 'CREATE TABLE tags (id int);'}), rule), []);
});

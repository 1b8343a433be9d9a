import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'not-null-without-default';

test('a NOT NULL column without a default is an error, at the column', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ADD COLUMN nickname text NOT NULL;'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.column, 30);
	t.regex(findings[0]?.message ?? '', /nickname added to users as NOT NULL without a default/);
});

test('a NOT NULL column with a constant default is safe', async (t) => {
	const findings = await lintSpec({up: "ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT '';"});
	t.deepEqual(findingsOf(findings, rule), []);
	t.deepEqual(findings, []);
});

test('a nullable column is safe', async (t) => {
	t.deepEqual(await lintSpec({up: 'ALTER TABLE users ADD COLUMN nickname text;'}), []);
});

test('a NOT NULL column in a new table is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tags (id int);\nALTER TABLE tags ADD COLUMN name text NOT NULL;'});
	t.deepEqual(findingsOf(findings, rule), []);
});

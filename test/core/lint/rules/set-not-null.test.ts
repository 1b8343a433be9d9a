import test from 'ava';
import {findingsOf, lintChain, lintSpec} from '../helpers/migration.js';

const rule = 'set-not-null';

test('SET NOT NULL on an existing column is an error', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.regex(findings[0]?.message ?? '', /users\.display_name/);
	t.regex(findings[0]?.fix ?? '', /CHECK \(column IS NOT NULL\) NOT VALID/);
});

test('SET NOT NULL after a validated CHECK (column IS NOT NULL) is safe', async (t) => {
	const findings = await lintChain([
		{up: 'ALTER TABLE users ADD CONSTRAINT display_name_not_null CHECK (display_name IS NOT NULL) NOT VALID;'},
		{up: 'ALTER TABLE users VALIDATE CONSTRAINT display_name_not_null;\nALTER TABLE users ALTER COLUMN display_name SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT display_name_not_null;'},
	]);
	t.deepEqual(findingsOf(findings, rule), []);
});

test('a CHECK that is not validated yet does not help', async (t) => {
	const findings = await lintChain([
		{up: 'ALTER TABLE users ADD CONSTRAINT display_name_not_null CHECK (display_name IS NOT NULL) NOT VALID;'},
		{up: 'ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;'},
	]);
	t.is(findingsOf(findings, rule).length, 1);
});

test('SET NOT NULL on a table created in the same migration is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tags (id int, name text);\nALTER TABLE tags ALTER COLUMN name SET NOT NULL;'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('SET NOT NULL after validating a constraint whose definition was never read is a warning', async (t) => {
	const up = 'ALTER TABLE users VALIDATE CONSTRAINT display_name_not_null;\nALTER TABLE users ALTER COLUMN display_name SET NOT NULL;';
	const findings = findingsOf(await lintSpec({up}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'warning');
	t.regex(findings[0]?.message ?? '', /display_name_not_null, validated earlier, is CHECK \(display_name IS NOT NULL\)/);
});

test('a constraint validated on another table does not soften SET NOT NULL', async (t) => {
	const up = 'ALTER TABLE decks VALIDATE CONSTRAINT decks_name_not_null;\nALTER TABLE users ALTER COLUMN display_name SET NOT NULL;';
	const findings = findingsOf(await lintSpec({up}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
});

test('a known constraint that is not a NOT NULL check does not soften it either', async (t) => {
	const findings = await lintChain([
		{up: 'ALTER TABLE users ADD CONSTRAINT display_name_short CHECK (length(display_name) < 80) NOT VALID;'},
		{up: 'ALTER TABLE users VALIDATE CONSTRAINT display_name_short;\nALTER TABLE users ALTER COLUMN display_name SET NOT NULL;'},
	]);
	t.is(findingsOf(findings, rule)[0]?.severity, 'error');
});

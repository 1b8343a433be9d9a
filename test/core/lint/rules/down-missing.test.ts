import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'down-missing';

test('a migration without a down section gets a warning at the end of the file', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'SELECT 1;', down: null}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'warning');
	t.regex(findings[0]?.message ?? '', /no "-- migrate:down" section/);
});

test('an empty down section (comments only) gets a warning at its marker', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'SELECT 1;', down: '-- nothing to do\n'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.line, 9);
	t.is(findings[0]?.column, 1);
});

test('a down section with a statement is safe', async (t) => {
	t.deepEqual(await lintSpec({up: 'CREATE TABLE tags (id int);', down: 'DROP TABLE tags;'}), []);
});

test('a suppression in the header or in the empty down section explains it', async (t) => {
	t.deepEqual(await lintSpec({up: 'SELECT 1;', down: null, header: '-- cc-dev-lint-disable down-missing: the data migration cannot be undone'}), []);
	t.deepEqual(await lintSpec({up: 'SELECT 1;', down: '-- cc-dev-lint-disable down-missing: irreversible'}), []);
});

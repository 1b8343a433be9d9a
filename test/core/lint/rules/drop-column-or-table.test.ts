import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'drop-column-or-table';

test('dropping a column or a table is a warning', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users DROP COLUMN apple_id;\nDROP TABLE retention_data, public.learning_insights;'}), rule);
	t.is(findings.length, 2);
	t.true(findings.every((finding) => finding.severity === 'warning'));
	t.regex(findings[0]?.message ?? '', /users\.apple_id dropped/);
	t.regex(findings[1]?.message ?? '', /DROP TABLE retention_data, public\.learning_insights/);
});

test('dropping in the down section is safe (it undoes the up section)', async (t) => {
	t.deepEqual(await lintSpec({up: 'CREATE TABLE tags (id int);', down: 'DROP TABLE tags;'}), []);
});

test('dropping what the migration created is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tmp (id int);\nDROP TABLE tmp;\nALTER TABLE users ADD COLUMN scratch int;\nALTER TABLE users DROP COLUMN scratch;'});
	t.deepEqual(findingsOf(findings, rule), []);
});

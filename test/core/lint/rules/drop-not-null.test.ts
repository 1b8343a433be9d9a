import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'drop-not-null';

test('DROP NOT NULL on an existing column is a warning naming the column', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE cards ALTER COLUMN front DROP NOT NULL;'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'warning');
	t.regex(findings[0]?.message ?? '', /cards\.front may now be NULL/);
});

test('DROP NOT NULL on a column or table the migration created is safe', async (t) => {
	t.deepEqual(findingsOf(await lintSpec({up: 'ALTER TABLE cards ADD COLUMN back text NOT NULL DEFAULT \'\';\nALTER TABLE cards ALTER COLUMN back DROP NOT NULL;'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: 'CREATE TABLE tags (name text NOT NULL);\nALTER TABLE tags ALTER COLUMN name DROP NOT NULL;'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: 'ALTER TABLE cards ALTER COLUMN front SET DEFAULT \'\';'}), rule), []);
});

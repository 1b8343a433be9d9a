import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'rename';

test('renaming a column or a table is a warning', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users RENAME COLUMN name TO full_name;\nALTER TABLE decks RENAME TO card_decks;'}), rule);
	t.is(findings.length, 2);
	t.true(findings.every((finding) => finding.severity === 'warning'));
	t.regex(findings[0]?.message ?? '', /users\.name renamed to full_name/);
	t.regex(findings[1]?.message ?? '', /decks is renamed to card_decks/);
	t.regex(findings[0]?.why ?? '', /old release/);
});

test('renaming what the migration created is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tmp_tags (id int);\nALTER TABLE tmp_tags RENAME COLUMN id TO tag_id;\nALTER TABLE tmp_tags RENAME TO tags;\nALTER TABLE tags RENAME COLUMN tag_id TO id;'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('renaming an index is not a rename finding', async (t) => {
	t.deepEqual(findingsOf(await lintSpec({up: 'ALTER INDEX ix_a RENAME TO ix_b;'}), rule), []);
});

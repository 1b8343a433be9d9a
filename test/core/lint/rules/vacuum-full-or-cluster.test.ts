import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'vacuum-full-or-cluster';

test('VACUUM FULL and CLUSTER are errors', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'VACUUM (FULL, ANALYZE) flashcards;\nCLUSTER flashcards USING ix_flashcards_deck_id;', transaction: 'none'}), rule);
	t.is(findings.length, 2);
	t.true(findings.every((finding) => finding.severity === 'error'));
	t.regex(findings[0]?.message ?? '', /VACUUM FULL flashcards/);
	t.regex(findings[1]?.message ?? '', /CLUSTER flashcards/);
});

test('ANALYZE and plain VACUUM are safe', async (t) => {
	t.deepEqual(await lintSpec({up: 'ANALYZE flashcards;\nVACUUM (ANALYZE) flashcards;', transaction: 'none'}), []);
});

import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'transaction-nesting';

test('BEGIN and COMMIT in a transactional migration are errors', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'BEGIN;\nCREATE TABLE tags (id int);\nCOMMIT;', down: 'START TRANSACTION;\nDROP TABLE tags;\nEND;'}), rule);
	t.deepEqual(
		findings.map((finding) => [finding.line, finding.message.split(' ')[0]]),
		[
			[8, 'BEGIN'],
			[10, 'COMMIT'],
			[12, 'START'],
			[14, 'COMMIT'],
		],
	);
	t.true(findings.every((finding) => finding.severity === 'error'));
});

test('savepoints are safe, and so is BEGIN/COMMIT with Transaction: none', async (t) => {
	t.deepEqual(await lintSpec({up: 'SAVEPOINT a;\nCREATE TABLE tags (id int);\nRELEASE SAVEPOINT a;'}), []);
	t.deepEqual(await lintSpec({up: 'BEGIN;\nCREATE TABLE tags (id int);\nCOMMIT;', transaction: 'none'}), []);
});

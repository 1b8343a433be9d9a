import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'enum-value-in-transaction';

test('ALTER TYPE ... ADD VALUE in a transactional migration is an error', async (t) => {
	const findings = findingsOf(await lintSpec({up: "ALTER TYPE cardstatus ADD VALUE 'SUSPENDED' AFTER 'REVIEW';"}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.regex(findings[0]?.message ?? '', /cardstatus ADD VALUE 'SUSPENDED'/);
});

test('ADD VALUE with Transaction: none is safe', async (t) => {
	t.deepEqual(await lintSpec({up: "ALTER TYPE cardstatus ADD VALUE IF NOT EXISTS 'SUSPENDED';", transaction: 'none'}), []);
});

test('ADD VALUE on a type created in the same migration is safe', async (t) => {
	const findings = await lintSpec({up: "CREATE TYPE mood AS ENUM ('happy');\nALTER TYPE mood ADD VALUE 'sad';"});
	t.deepEqual(findingsOf(findings, rule), []);
});

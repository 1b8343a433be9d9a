import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'update-in-alter-transaction';
const add = 'ALTER TABLE cards ADD COLUMN score int;';
const backfill = 'UPDATE cards SET score = 0;';

test('a backfill in the transaction of the ALTER that added its column is an error; the lock is still held', async (t) => {
	const findings = findingsOf(await lintSpec({up: `${add}\n${backfill}`}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.line, 9);
	t.regex(findings[0]?.message ?? '', /UPDATE cards backfills a column added by the ALTER TABLE on line 8/);
	const db = await server(t, 'CREATE TABLE cards (id int); INSERT INTO cards VALUES (1);');
	t.true((await db.locksAfter(`${add} ${backfill}`))['cards']?.includes('AccessExclusiveLock'));
});

test('a filtered backfill of the new column and an explicit transaction are caught too', async (t) => {
	t.is(findingsOf(await lintSpec({up: `${add}\nUPDATE cards SET score = 1 WHERE id < 1000;`}), rule).length, 1);
	t.is(findingsOf(await lintSpec({up: `BEGIN;\n${add}\n${backfill}\nCOMMIT;`, transaction: 'none'}), rule).length, 1);
});

test('the backfill after the ALTER committed is safe; so is a targeted fix of old columns, or a new table', async (t) => {
	t.deepEqual(findingsOf(await lintSpec({up: `${add}\n${backfill}`, transaction: 'none'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: `BEGIN;\n${add}\nCOMMIT;\n${backfill}`, transaction: 'none'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: `${add}\nUPDATE cards SET front = 'x' WHERE id = 7;`}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: `CREATE TABLE cards (id int);\n${add}\n${backfill}`}), rule), []);
	// After the ALTER commits, the table's lock is gone before the UPDATE starts.
	const db = await server(t, 'CREATE TABLE cards (id int); INSERT INTO cards VALUES (1);');
	await db.query(add);
	t.false((await db.locksAfter(backfill))['cards']?.includes('AccessExclusiveLock') ?? false);
});

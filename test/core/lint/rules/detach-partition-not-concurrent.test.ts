import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'detach-partition-not-concurrent';
const setup = 'CREATE TABLE events (at date NOT NULL) PARTITION BY RANGE (at); CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM (\'2024-01-01\') TO (\'2025-01-01\');';

test('DETACH PARTITION without CONCURRENTLY is an error: it locks the parent ACCESS EXCLUSIVE', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE events DETACH PARTITION events_2024;'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.column, 37);
	const db = await server(t, setup);
	t.true((await db.locksAfter('ALTER TABLE events DETACH PARTITION events_2024'))['events']?.includes('AccessExclusiveLock'));
});

test('DETACH PARTITION CONCURRENTLY outside a transaction is safe (and PostgreSQL refuses it inside one)', async (t) => {
	const up = 'ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;';
	t.deepEqual(await lintSpec({up, transaction: 'none'}), []);
	t.is(findingsOf(await lintSpec({up}), 'concurrently-in-transaction').length, 1);
	const db = await server(t, setup);
	t.regex((await db.errorOf(`BEGIN; ${up} COMMIT;`)) ?? '', /cannot run inside a transaction block/);
	t.is(await db.errorOf(up), undefined);
});

test('detaching from a table created in the same migration is safe', async (t) => {
	const up = `${setup}\nALTER TABLE events DETACH PARTITION events_2024;`;
	t.deepEqual(findingsOf(await lintSpec({up}), rule), []);
});

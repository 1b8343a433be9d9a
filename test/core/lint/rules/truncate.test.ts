import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const setup = 'CREATE TABLE decks (id int PRIMARY KEY); CREATE TABLE cards (id int, deck_id int REFERENCES decks (id)); INSERT INTO decks VALUES (1); INSERT INTO cards VALUES (1, 1);';

test('TRUNCATE ... CASCADE is an error: PostgreSQL empties the referencing tables too', async (t) => {
	const findings = await lintSpec({up: 'TRUNCATE decks CASCADE;'});
	t.is(findingsOf(findings, 'truncate-cascade').length, 1);
	t.is(findingsOf(findings, 'truncate-cascade')[0]?.severity, 'error');
	t.deepEqual(findingsOf(findings, 'truncate-table'), []);
	const db = await server(t, setup);
	await db.query('TRUNCATE decks CASCADE');
	t.is((await db.query('SELECT count(*)::int AS n FROM cards')).rows[0].n, 0, 'a table the statement never named was emptied');
});

test('a plain TRUNCATE of an existing table is a warning; it takes an ACCESS EXCLUSIVE lock', async (t) => {
	const findings = await lintSpec({up: 'TRUNCATE cards;'});
	t.deepEqual(findingsOf(findings, 'truncate-cascade'), []);
	t.is(findingsOf(findings, 'truncate-table')[0]?.severity, 'warning');
	const db = await server(t, setup);
	t.true((await db.locksAfter('TRUNCATE cards'))['cards']?.includes('AccessExclusiveLock'));
	// Without CASCADE a referenced table refuses to be emptied: the safe form fails loudly instead.
	t.regex((await db.errorOf('TRUNCATE decks')) ?? '', /cannot truncate a table referenced in a foreign key constraint/);
});

test('TRUNCATE of a table created in the same migration is safe, with or without CASCADE', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE scratch (id int);\nTRUNCATE scratch;\nTRUNCATE scratch CASCADE;'});
	t.deepEqual(findingsOf(findings, 'truncate-table'), []);
	t.deepEqual(findingsOf(findings, 'truncate-cascade'), []);
});

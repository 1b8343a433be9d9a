import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'index-not-concurrent';

test('CREATE INDEX on an existing table is an error', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'CREATE INDEX ix_users_name ON users (name);'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.line, 8);
	t.is(findings[0]?.column, 1);
	t.regex(findings[0]?.message ?? '', /ix_users_name on users without CONCURRENTLY/);
	t.regex(findings[0]?.fix ?? '', /CONCURRENTLY/);
});

test('DROP INDEX and REINDEX without CONCURRENTLY are errors', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'DROP INDEX ix_users_name;\nREINDEX TABLE users;'}), rule);
	t.deepEqual(
		findings.map((finding) => finding.line),
		[8, 9],
	);
	t.regex(findings[0]?.why ?? '', /ACCESS EXCLUSIVE/);
});

test('CREATE INDEX CONCURRENTLY in a non-transactional migration is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_name ON users (name);', transaction: 'none'});
	t.deepEqual(findingsOf(findings, rule), []);
	t.deepEqual(findings, []);
});

test('DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY are safe', async (t) => {
	const findings = await lintSpec({up: 'DROP INDEX CONCURRENTLY IF EXISTS ix_a;\nREINDEX INDEX CONCURRENTLY ix_b;', transaction: 'none'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('an index on a table created in the same migration is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE public.tags (id uuid PRIMARY KEY, name text NOT NULL);\nCREATE UNIQUE INDEX ix_tags_name ON tags (name);'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('dropping an index created in the same migration is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tags (id int);\nCREATE INDEX ix_tags ON tags (id);\nDROP INDEX ix_tags;'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('the down section is not checked for locks', async (t) => {
	const findings = await lintSpec({up: 'SELECT 1;', down: 'DROP INDEX ix_users_name;'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('REINDEX (CONCURRENTLY false) is REINDEX without CONCURRENTLY: it runs in a transaction and blocks writes', async (t) => {
	const statement = 'REINDEX (CONCURRENTLY false) TABLE cards';
	const findings = await lintSpec({up: `${statement};`});
	t.is(findingsOf(findings, rule).length, 1);
	t.deepEqual(findingsOf(findings, 'concurrently-in-transaction'), []);
	const db = await server(t, 'CREATE TABLE cards (id int PRIMARY KEY);');
	t.deepEqual((await db.locksAfter(statement))['cards'], ['ShareLock']);
	// With CONCURRENTLY on, PostgreSQL refuses the transaction: it is the non-blocking form.
	t.regex((await db.errorOf('BEGIN; REINDEX (CONCURRENTLY true) TABLE cards; COMMIT;')) ?? '', /cannot run inside a transaction block/);
	t.deepEqual(findingsOf(await lintSpec({up: 'REINDEX (CONCURRENTLY true) TABLE cards;', transaction: 'none'}), rule), []);
});

test('DROP INDEX on an existing table takes an ACCESS EXCLUSIVE lock on the table', async (t) => {
	const db = await server(t, 'CREATE TABLE cards (id int); CREATE INDEX ix_cards_id ON cards (id);');
	t.true((await db.locksAfter('DROP INDEX ix_cards_id'))['cards']?.includes('AccessExclusiveLock'));
	t.is(findingsOf(await lintSpec({up: 'DROP INDEX IF EXISTS "ix_cards_id";'}), rule).length, 1);
});

test('REINDEX SCHEMA cannot run in a transaction; REINDEX SYSTEM has no concurrent form', async (t) => {
	t.is(findingsOf(await lintSpec({up: 'REINDEX SCHEMA public;'}), 'concurrently-in-transaction').length, 1);
	t.deepEqual(findingsOf(await lintSpec({up: 'REINDEX SYSTEM;', transaction: 'none'}), rule), []);
	const db = await server(t);
	t.regex((await db.errorOf('BEGIN; REINDEX SCHEMA public; COMMIT;')) ?? '', /cannot run inside a transaction block/);
});

import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

// A migration with "Transaction: none" that opens its own transactions is followed statement by
// statement: BEGIN ... COMMIT blocks get the same checks as a wrapped migration.

const setup = 'CREATE TABLE cards (id int, deck_id int); CREATE TABLE decks (id int PRIMARY KEY);';

test('CREATE INDEX CONCURRENTLY inside an explicit BEGIN is an error; PostgreSQL refuses it', async (t) => {
	const up = 'BEGIN;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix_cards_deck ON cards (deck_id);\nCOMMIT;';
	const findings = findingsOf(await lintSpec({up, transaction: 'none'}), 'concurrently-in-transaction');
	t.is(findings.length, 1);
	t.is(findings[0]?.line, 9);
	t.regex(findings[0]?.message ?? '', /inside the transaction opened by BEGIN on line 8/);
	const db = await server(t, setup);
	t.regex((await db.errorOfEach(up.split('\n'))) ?? '', /cannot run inside a transaction block/);
});

test('CREATE INDEX CONCURRENTLY after the COMMIT is safe', async (t) => {
	const up = 'BEGIN;\nCREATE TABLE tags (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix_cards_deck ON cards (deck_id);';
	t.deepEqual(findingsOf(await lintSpec({up, transaction: 'none'}), 'concurrently-in-transaction'), []);
	// Statement by statement, as cc-dev runs a migration without a transaction.
	const db = await server(t, setup);
	for (const statement of up.split('\n')) t.is(await db.errorOf(statement), undefined);
});

test('NOT VALID then VALIDATE inside one explicit transaction is an error: the ADD CONSTRAINT lock is held through the scan', async (t) => {
	const add = 'ALTER TABLE cards ADD CONSTRAINT fk_deck FOREIGN KEY (deck_id) REFERENCES decks (id) NOT VALID;';
	const validate = 'ALTER TABLE cards VALIDATE CONSTRAINT fk_deck;';
	const inOne = findingsOf(await lintSpec({up: `BEGIN;\n${add}\n${validate}\nCOMMIT;`, transaction: 'none'}), 'constraint-not-valid');
	t.is(inOne.length, 1);
	t.is(inOne[0]?.line, 10);
	t.regex(inOne[0]?.message ?? '', /same transaction that added it NOT VALID \(inside the transaction opened by BEGIN on line 8\)/);
	const inTwo = await lintSpec({up: `BEGIN;\n${add}\nCOMMIT;\nBEGIN;\n${validate}\nCOMMIT;`, transaction: 'none'});
	t.deepEqual(findingsOf(inTwo, 'constraint-not-valid'), []);
	// The server: while VALIDATE runs in the transaction that added the constraint, the
	// ADD CONSTRAINT's SHARE ROW EXCLUSIVE lock (which blocks writes) is still held.
	const db = await server(t, setup);
	const locks = await db.locksAfter(`${add} ${validate}`);
	t.true(locks['cards']?.includes('ShareRowExclusiveLock'));
});

test('a BEGIN never committed is an error at the BEGIN', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'CREATE TABLE tags (id int);\nBEGIN;\nALTER TABLE cards ADD COLUMN IF NOT EXISTS note text;', transaction: 'none'}), 'transaction-nesting');
	t.is(findings.length, 1);
	t.is(findings[0]?.line, 9);
	t.regex(findings[0]?.message ?? '', /BEGIN on line 9 is never committed or rolled back/);
	// The server: what ran after the BEGIN is gone once the session ends.
	const db = await server(t, setup);
	await db.inSession(['CREATE TABLE tags (id int)', 'BEGIN', 'ALTER TABLE cards ADD COLUMN note text']);
	t.is((await db.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'tags'")).rows[0].n, 1);
	t.is((await db.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'cards' AND column_name = 'note'")).rows[0].n, 0);
});

test('a nested BEGIN is an error: PostgreSQL ignores it and the first COMMIT commits everything', async (t) => {
	const up = 'BEGIN;\nINSERT INTO decks VALUES (1);\nBEGIN;\nINSERT INTO decks VALUES (2);\nCOMMIT;\nROLLBACK;';
	const findings = findingsOf(await lintSpec({up, transaction: 'none'}), 'transaction-nesting');
	t.deepEqual(
		findings.map((finding) => [finding.line, finding.message.split(':')[0]]),
		[
			[10, 'BEGIN inside the transaction already opened by BEGIN on line 8'],
			[13, 'ROLLBACK without an open transaction'],
		],
	);
	const db = await server(t, setup);
	await db.query(up);
	t.is((await db.query('SELECT count(*)::int AS n FROM decks')).rows[0].n, 2, 'the ROLLBACK undid nothing: the inner COMMIT committed both rows');
});

test('a second COMMIT is an error; one BEGIN ... COMMIT per block is safe', async (t) => {
	const doubled = findingsOf(await lintSpec({up: 'BEGIN;\nCREATE TABLE tags (id int);\nCOMMIT;\nCOMMIT;', transaction: 'none'}), 'transaction-nesting');
	t.deepEqual(
		doubled.map((finding) => finding.line),
		[11],
	);
	t.regex(doubled[0]?.message ?? '', /COMMIT without an open transaction/);
	const clean = await lintSpec({up: 'BEGIN;\nCREATE TABLE tags (id int);\nCOMMIT;\nSTART TRANSACTION;\nCREATE TABLE labels (id int);\nEND;', transaction: 'none'});
	t.deepEqual(findingsOf(clean, 'transaction-nesting'), []);
});

test('SAVEPOINT outside a transaction block is an error; PostgreSQL refuses it', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'SAVEPOINT a;\nCREATE TABLE tags (id int);', transaction: 'none'}), 'transaction-nesting');
	t.is(findings.length, 1);
	const db = await server(t);
	t.regex((await db.errorOf('SAVEPOINT a')) ?? '', /can only be used in transaction blocks/);
});

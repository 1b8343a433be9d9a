import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'not-rerunnable';

test('in a migration without a transaction, statements that fail on a re-run are warnings', async (t) => {
	const up = 'ALTER TABLE cards ADD COLUMN deck_id int;\nCREATE INDEX CONCURRENTLY ix_cards_deck ON cards (deck_id);';
	const findings = findingsOf(await lintSpec({up, transaction: 'none'}), rule);
	t.deepEqual(
		findings.map((finding) => [finding.line, finding.severity]),
		[
			[8, 'warning'],
			[9, 'warning'],
		],
	);
	t.regex(findings[0]?.message ?? '', /ADD COLUMN deck_id without IF NOT EXISTS/);
	// The server: running the migration a second time fails at the first statement.
	const db = await server(t, 'CREATE TABLE cards (id int);');
	for (const statement of up.split('\n')) await db.query(statement);
	t.regex((await db.errorOf(up.split('\n')[0]!)) ?? '', /already exists/);
	t.regex((await db.errorOf(up.split('\n')[1]!)) ?? '', /already exists/);
});

test('a lone CREATE INDEX CONCURRENTLY without IF NOT EXISTS is a warning: a failed build leaves its INVALID index', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'CREATE INDEX CONCURRENTLY ix_cards_deck ON cards (deck_id);', transaction: 'none'}), rule);
	t.is(findings.length, 1);
	// A failed concurrent unique build leaves the index behind, INVALID, under its name.
	const db = await server(t, 'CREATE TABLE cards (id int, deck_id int); INSERT INTO cards VALUES (1, 1), (2, 1);');
	t.regex((await db.errorOf('CREATE UNIQUE INDEX CONCURRENTLY ix_cards_deck ON cards (deck_id)')) ?? '', /could not create unique index/);
	t.is((await db.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'ix_cards_deck'")).rows[0].n, 1);
});

test('re-runnable forms, a lone statement, and wrapped migrations are safe', async (t) => {
	const up = 'ALTER TABLE cards ADD COLUMN IF NOT EXISTS deck_id int;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix_cards_deck ON cards (deck_id);\nDROP INDEX CONCURRENTLY IF EXISTS ix_old;';
	t.deepEqual(findingsOf(await lintSpec({up, transaction: 'none'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: 'ALTER TABLE cards ADD COLUMN deck_id int;', transaction: 'none'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: 'DROP INDEX CONCURRENTLY IF EXISTS ix_a;\nCREATE INDEX CONCURRENTLY ix_a ON cards (id);', transaction: 'none'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: 'ALTER TABLE cards ADD COLUMN deck_id int;\nCREATE TABLE tags (id int);'}), rule), []);
	t.deepEqual(findingsOf(await lintSpec({up: 'BEGIN;\nALTER TABLE cards ADD COLUMN deck_id int;\nCREATE TABLE tags (id int);\nCOMMIT;', transaction: 'none'}), rule), []);
	const db = await server(t, 'CREATE TABLE cards (id int);');
	for (let run = 0; run < 2; run++) for (const statement of up.split('\n')) t.is(await db.errorOf(statement), undefined);
});

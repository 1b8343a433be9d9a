import test from 'ava';
import {findingsOf, lintChain, lintSpec} from '../helpers/migration.js';
import {server} from '../helpers/server.js';

const rule = 'constraint-not-valid';

test('a foreign key added without NOT VALID is an error, at the constraint', async (t) => {
	const up = 'ALTER TABLE decks\n  ADD CONSTRAINT decks_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);';
	const findings = findingsOf(await lintSpec({up}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.line, 9);
	t.is(findings[0]?.column, 7);
	t.regex(findings[0]?.why ?? '', /SHARE ROW EXCLUSIVE/);
});

test('a CHECK constraint added without NOT VALID is an error', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ADD CONSTRAINT positive CHECK (total_cards_reviewed >= 0);'}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.why ?? '', /ACCESS EXCLUSIVE/);
});

test('a new column with REFERENCES and a DEFAULT is an error; without a DEFAULT its rows are all NULL and nothing is checked', async (t) => {
	for (const column of ['owner_id int DEFAULT 1 REFERENCES users (id)', 'owner_id int REFERENCES users (id) DEFAULT NULL', 'owner_id int NOT NULL DEFAULT 1 REFERENCES users (id)']) {
		t.is(findingsOf(await lintSpec({up: `ALTER TABLE decks ADD COLUMN ${column};`}), rule).length, 1, column);
	}
	t.deepEqual(findingsOf(await lintSpec({up: 'ALTER TABLE decks ADD COLUMN owner_id int REFERENCES users (id);'}), rule), []);
	// A separate ADD CONSTRAINT ... FOREIGN KEY on the new column is checked all the same, and so is a CHECK on it.
	t.is(findingsOf(await lintSpec({up: 'ALTER TABLE decks ADD COLUMN owner_id int, ADD CONSTRAINT fk FOREIGN KEY (owner_id) REFERENCES users (id);'}), rule).length, 1);
	t.is(findingsOf(await lintSpec({up: 'ALTER TABLE decks ADD COLUMN rank int CHECK (rank > 0);'}), rule).length, 1);
});

test('PostgreSQL 15 agrees: it scans the table for a new column\'s REFERENCES only when the column has a DEFAULT, and always for a CHECK', async (t) => {
	const db = await server(t, 'CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE decks (id int); INSERT INTO decks SELECT generate_series(1, 10);');
	/** Sequential scans of decks that the statement runs (counted in its own transaction, then rolled back). */
	const scans = async (statement: string): Promise<number> => {
		const count = async () => Number((await db.query("SELECT pg_stat_get_xact_numscans('decks'::regclass) AS n")).rows[0].n);
		await db.query('BEGIN');
		try {
			const before = await count();
			await db.query(statement);
			return (await count()) - before;
		} finally {
			await db.query('ROLLBACK');
		}
	};
	t.is(await scans('ALTER TABLE decks ADD COLUMN owner_id int REFERENCES users (id)'), 0);
	t.true((await scans('ALTER TABLE decks ADD COLUMN owner_id int DEFAULT NULL REFERENCES users (id)')) > 0);
	t.true((await scans('ALTER TABLE decks ADD COLUMN owner_id int, ADD CONSTRAINT fk FOREIGN KEY (owner_id) REFERENCES users (id)')) > 0);
	t.true((await scans('ALTER TABLE decks ADD COLUMN rank int CHECK (rank > 0)')) > 0);
});

test('NOT VALID constraints are safe, and VALIDATE in a later migration is safe', async (t) => {
	const add = {up: 'ALTER TABLE decks ADD CONSTRAINT decks_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE users ADD CONSTRAINT positive CHECK (total_cards_reviewed >= 0) NOT VALID;'};
	t.deepEqual(findingsOf(await lintSpec(add), rule), []);
	const validate = {up: 'ALTER TABLE decks VALIDATE CONSTRAINT decks_user_id_fkey;\nALTER TABLE users VALIDATE CONSTRAINT positive;'};
	t.deepEqual(findingsOf(await lintChain([add, validate]), rule), []);
});

test('VALIDATE in the transaction that added the constraint is an error', async (t) => {
	const up = 'ALTER TABLE decks ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE decks VALIDATE CONSTRAINT fk;';
	const findings = findingsOf(await lintSpec({up}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.line, 9);
	t.regex(findings[0]?.message ?? '', /same transaction/);
	t.deepEqual(findingsOf(await lintSpec({up, transaction: 'none'}), rule), []);
});

test('constraints on a table created in the same migration are safe', async (t) => {
	const up = 'CREATE TABLE tags (id int, deck_id uuid);\nALTER TABLE tags ADD CONSTRAINT tags_deck_fkey FOREIGN KEY (deck_id) REFERENCES decks (id);';
	t.deepEqual(findingsOf(await lintSpec({up}), rule), []);
});

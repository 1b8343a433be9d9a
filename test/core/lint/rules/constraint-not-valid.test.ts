import test from 'ava';
import {findingsOf, lintChain, lintSpec} from '../helpers/migration.js';

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

test('a new column with REFERENCES is an error', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE decks ADD COLUMN owner_id uuid REFERENCES users (id);'}), rule);
	t.is(findings.length, 1);
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

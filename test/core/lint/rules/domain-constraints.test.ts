import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const setup = 'CREATE DOMAIN score AS int; CREATE TABLE cards (id int, s score); INSERT INTO cards VALUES (1, 5);';

test('ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID is an error: every column of the domain is checked under a SHARE lock', async (t) => {
	const statement = 'ALTER DOMAIN score ADD CONSTRAINT score_positive CHECK (VALUE > 0)';
	const findings = findingsOf(await lintSpec({up: `${statement};`}), 'domain-constraint-not-valid');
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.column, 24);
	const db = await server(t, setup);
	t.deepEqual((await db.locksAfter(statement))['cards'], ['ShareLock']);
});

test('ALTER DOMAIN ... SET NOT NULL checks every column too', async (t) => {
	t.is(findingsOf(await lintSpec({up: 'ALTER DOMAIN score SET NOT NULL;'}), 'domain-constraint-not-valid').length, 1);
	const db = await server(t, setup);
	t.deepEqual((await db.locksAfter('ALTER DOMAIN score SET NOT NULL'))['cards'], ['ShareLock']);
});

test('ADD CONSTRAINT ... NOT VALID is safe: no table is locked or scanned', async (t) => {
	const statement = 'ALTER DOMAIN score ADD CONSTRAINT score_positive CHECK (VALUE > 0) NOT VALID';
	t.deepEqual(findingsOf(await lintSpec({up: `${statement};`}), 'domain-constraint-not-valid'), []);
	const db = await server(t, setup);
	t.is((await db.locksAfter(statement))['cards'], undefined);
});

test('a domain created in the same migration can take constraints', async (t) => {
	const findings = await lintSpec({up: 'CREATE DOMAIN grade AS int;\nALTER DOMAIN grade ADD CONSTRAINT grade_range CHECK (VALUE BETWEEN 1 AND 5);'});
	t.deepEqual(findingsOf(findings, 'domain-constraint-not-valid'), []);
});

test('CREATE DOMAIN with a constraint is a warning; without one it is safe', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'CREATE DOMAIN grade AS int NOT NULL CHECK (VALUE > 0);'}), 'create-domain-with-constraint');
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'warning');
	t.is(findings[0]?.column, 28);
	t.deepEqual(findingsOf(await lintSpec({up: 'CREATE DOMAIN grade AS int DEFAULT 1;'}), 'create-domain-with-constraint'), []);
});

import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'enum-value-in-transaction';
const setup = "CREATE TYPE cardstatus AS ENUM ('NEW', 'REVIEW'); CREATE TABLE cards (id int, status cardstatus);";

test('a value used in the transaction that added it is an error, at the use', async (t) => {
	const up = "ALTER TYPE cardstatus ADD VALUE 'SUSPENDED' AFTER 'REVIEW';\nUPDATE cards SET status = 'SUSPENDED' WHERE id = 1;";
	const findings = findingsOf(await lintSpec({up}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.line, 9);
	t.is(findings[0]?.column, 27);
	t.regex(findings[0]?.message ?? '', /'SUSPENDED' is used in the transaction that added it to the enum cardstatus/);
	// PostgreSQL 15 agrees: the use fails, inside a transaction.
	const db = await server(t, setup);
	t.regex((await db.errorOf(`BEGIN; ${up} COMMIT;`)) ?? '', /unsafe use of new value "SUSPENDED"/);
});

test('ADD VALUE in a transaction without using the value is safe (PostgreSQL 12+)', async (t) => {
	const up = "ALTER TYPE cardstatus ADD VALUE IF NOT EXISTS 'SUSPENDED';";
	t.deepEqual(findingsOf(await lintSpec({up}), rule), []);
	const db = await server(t, setup);
	t.is(await db.errorOf(`BEGIN; ${up} COMMIT;`), undefined);
});

test('using the value after the COMMIT of an explicit transaction is safe', async (t) => {
	const up = "BEGIN;\nALTER TYPE cardstatus ADD VALUE 'SUSPENDED';\nCOMMIT;\nUPDATE cards SET status = 'SUSPENDED' WHERE id = 1;";
	t.deepEqual(findingsOf(await lintSpec({up, transaction: 'none'}), rule), []);
	const db = await server(t, setup);
	t.is(await db.errorOf(up), undefined);
});

test('ALTER TYPE ... RENAME VALUE is not an added value: renaming and using it at once is safe', async (t) => {
	const up = "ALTER TYPE cardstatus RENAME VALUE 'REVIEW' TO 'IN_REVIEW';\nUPDATE cards SET status = 'IN_REVIEW' WHERE id = 1;";
	t.deepEqual(findingsOf(await lintSpec({up}), rule), []);
	const db = await server(t, setup);
	t.is(await db.errorOf(`BEGIN; ${up} COMMIT;`), undefined);
});

test('ADD VALUE on a type created in the same migration is safe', async (t) => {
	const findings = await lintSpec({up: "CREATE TYPE mood AS ENUM ('happy');\nALTER TYPE mood ADD VALUE 'sad';\nCREATE TABLE m (x mood DEFAULT 'sad');"});
	t.deepEqual(findingsOf(findings, rule), []);
});

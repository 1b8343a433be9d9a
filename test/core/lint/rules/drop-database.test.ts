import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

test('DROP DATABASE is an error, and cannot run in the migration\'s transaction either', async (t) => {
	const findings = await lintSpec({up: 'DROP DATABASE IF EXISTS legacy;'});
	t.is(findingsOf(findings, 'drop-database').length, 1);
	t.is(findingsOf(findings, 'drop-database')[0]?.severity, 'error');
	t.regex(findingsOf(findings, 'concurrently-in-transaction')[0]?.message ?? '', /DROP DATABASE cannot run inside a transaction block/);
	const db = await server(t);
	t.regex((await db.errorOf('BEGIN; DROP DATABASE IF EXISTS legacy; COMMIT;')) ?? '', /cannot run inside a transaction block/);
});

test('dropping a table is not dropping a database', async (t) => {
	t.deepEqual(findingsOf(await lintSpec({up: 'DROP TABLE IF EXISTS legacy;'}), 'drop-database'), []);
});

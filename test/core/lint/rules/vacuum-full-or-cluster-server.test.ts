import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'vacuum-full-or-cluster';

for (const [options, full] of [
	['(FULL false)', false],
	['(FULL off)', false],
	['(FULL 0)', false],
	['(FULL)', true],
	['(FULL true)', true],
	['(FULL 1)', true],
	['(FULL, ANALYZE false)', true],
] as const) {
	test(`VACUUM ${options}: reported exactly when PostgreSQL rewrites the table`, async (t) => {
		const statement = `VACUUM ${options} t;`;
		const db = await server(t, 'CREATE TABLE t (id int); INSERT INTO t VALUES (1);');
		t.is(await db.rewrites('t', statement), full);
		t.is(findingsOf(await lintSpec({up: statement, transaction: 'none'}), rule).length, full ? 1 : 0);
	});
}

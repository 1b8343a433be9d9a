import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintChain} from '../helpers/migration.js';

/**
 * Each type change as the linter judges it and as PostgreSQL 15 does it: a rewrite gives the
 * table a new data file (pg_relation_filenode changes). The two must agree on every pair.
 */
const changes: ReadonlyArray<readonly [from: string, to: string]> = [
	['timestamptz(3)', 'timestamptz(6)'],
	['timestamptz(3)', 'timestamptz'],
	['timestamptz', 'timestamptz(6)'],
	['timestamptz(6)', 'timestamptz(3)'],
	['timestamptz', 'timestamptz(3)'],
	['timestamp(0)', 'timestamp(4)'],
	['time(2)', 'time(6)'],
	['time(6)', 'time(2)'],
	['timetz(2)', 'timetz(4)'],
	['interval(3)', 'interval'],
	['interval(3)', 'interval(6)'],
	['interval', 'interval(3)'],
	['interval(6)', 'interval(3)'],
	['interval day to second(3)', 'interval'],
	['interval day to second(3)', 'interval day to second(5)'],
	['interval year', 'interval year to month'],
	['interval month', 'interval year'],
	['interval day', 'interval hour'],
	['varchar(10)', 'varchar(20)'],
	['varchar(20)', 'varchar(10)'],
	['varchar(10)', 'text'],
	['text', 'varchar'],
	['numeric(5,2)', 'numeric(8,2)'],
	['numeric(5,2)', 'numeric(8,3)'],
	['numeric(5,2)', 'numeric'],
	['integer', 'bigint'],
	['cidr', 'inet'],
	['timestamp', 'timestamptz'],
];

for (const [from, to] of changes) {
	test(`${from} → ${to}: the linter and PostgreSQL agree on the rewrite`, async (t) => {
		const create = `CREATE TABLE t (c ${from});`;
		const alter = `ALTER TABLE t ALTER COLUMN c TYPE ${to};`;
		// timestamp → timestamptz skips the rewrite only when the session's TimeZone is UTC, which a
		// migration cannot count on: the linter reports it, so the server is checked outside UTC.
		const db = await server(t, `SET TimeZone = 'America/New_York'; ${create} INSERT INTO t VALUES (NULL);`);
		const rewrites = await db.rewrites('t', alter);
		const findings = findingsOf(await lintChain([{up: create}, {up: alter}]), 'column-type-rewrite');
		t.is(findings.length > 0, rewrites, rewrites ? 'PostgreSQL rewrites the table; the linter must say so' : 'PostgreSQL does not rewrite; the linter must stay quiet');
	});
}

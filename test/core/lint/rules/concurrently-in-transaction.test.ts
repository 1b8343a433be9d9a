import test from 'ava';
import {lintMigrations} from '../../../../source/core/lint/index.js';
import {plainSqlSource} from '../../../../source/core/lint/load-sources.js';
import {findingsOf, lintSpec, ruleIdsOf} from '../helpers/migration.js';
import {server} from '../helpers/server.js';

const rule = 'concurrently-in-transaction';

test('CREATE INDEX CONCURRENTLY in a transactional migration is an error', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'CREATE INDEX CONCURRENTLY ix_users_name ON users (name);'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.regex(findings[0]?.message ?? '', /CREATE INDEX CONCURRENTLY cannot run inside a transaction block/);
	t.regex(findings[0]?.fix ?? '', /Transaction: none/);
});

test('DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY and VACUUM are errors too', async (t) => {
	const up = ['DROP INDEX CONCURRENTLY ix_a;', 'REINDEX INDEX CONCURRENTLY ix_b;', 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;', 'VACUUM ANALYZE users;', 'CLUSTER;', 'CLUSTER users USING users_pkey;'].join('\n');
	const findings = findingsOf(await lintSpec({up}), rule);
	t.deepEqual(
		findings.map((finding) => finding.message.split(' cannot')[0]),
		['DROP INDEX CONCURRENTLY', 'REINDEX CONCURRENTLY', 'DETACH PARTITION CONCURRENTLY', 'VACUUM', 'CLUSTER (of every table)'],
	);
});

test('the down section is checked as well', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'SELECT 1;', down: 'DROP INDEX CONCURRENTLY ix_a;'}), rule);
	t.is(findings.length, 1);
});

test('CONCURRENTLY in a migration with Transaction: none is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE INDEX CONCURRENTLY ix_users_name ON users (name);', down: 'DROP INDEX CONCURRENTLY ix_users_name;', transaction: 'none'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('a plain SQL file whose only statement is CONCURRENTLY runs it alone, outside a transaction', async (t) => {
	const sql = '-- one statement\nCREATE INDEX CONCURRENTLY ix_users_name ON users (name);\n';
	const findings = await lintMigrations([plainSqlSource(sql, '/project/fix.sql', 'transaction')]);
	t.deepEqual(findingsOf(findings, rule), []);
	// It runs without a transaction, so what applies there applies: a failed build leaves its INVALID index behind.
	t.deepEqual(ruleIdsOf(findings), ['not-rerunnable']);
});

test('a plain SQL file with CONCURRENTLY and another statement, assumed in a transaction, is an error', async (t) => {
	const sql = 'CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\nALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE USING INDEX ix_users_name;\n';
	const findings = findingsOf(await lintMigrations([plainSqlSource(sql, '/project/fix.sql', 'transaction')]), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
});

test('CLUSTER of every table cannot run in a transaction; CLUSTER of one table can (PostgreSQL agrees)', async (t) => {
	t.is(findingsOf(await lintSpec({up: 'CLUSTER;'}), rule).length, 1);
	t.deepEqual(findingsOf(await lintSpec({up: 'CLUSTER users USING users_pkey;'}), rule), []);
	const db = await server(t, 'CREATE TABLE users (id int PRIMARY KEY);');
	t.regex((await db.errorOf('BEGIN; CLUSTER; COMMIT;')) ?? '', /CLUSTER cannot run inside a transaction block/);
	t.is(await db.errorOf('BEGIN; CLUSTER users USING users_pkey; COMMIT;'), undefined);
});

import test from 'ava';
import {lintMigrations} from '../../../source/core/lint/index.js';
import {parseMigration} from '../../../source/core/migrations/parse-migration.js';
import {analyseMigration} from '../../../source/core/migrations/statements.js';
import {loadParser, parseSql} from '../../../source/core/sql/parse-sql.js';

test.before(async () => {
	await loadParser();
});

const header = ['-- Revision: a1b2c3d4e5f6', '-- Revises:', '-- Created: 2025-07-26T20:00:00Z', '-- Message: test', '-- Transaction: per-migration', '', '-- migrate:up'];

function migrationWith(up: string, downSql = 'SELECT 1;') {
	return parseMigration(`${[...header, up, '-- migrate:down', downSql].join('\n')}\n`, '/project/migrations/a1b2c3d4e5f6_test.sql');
}

test('a syntax error after non-ASCII text: the runner and lint name the same, correct column', async (t) => {
	// "x" is the line's 19th character and its 24th byte (PostgreSQL's cursor counts characters, node locations count bytes).
	const up = "SELECT 'ééé€' FRO x;";
	const migration = migrationWith(up);
	const line = header.length + 1;
	const column = [...up.slice(0, up.indexOf('x'))].length + 1;
	t.is(column, 19);
	const runner = await t.throwsAsync(analyseMigration(migration, 'up'));
	t.true(runner.message.startsWith(`a1b2c3d4e5f6_test.sql:${line}:${column}: syntax error`), runner.message);
	const [finding] = (await lintMigrations([migration])).filter((found) => found.rule === 'syntax-error');
	t.deepEqual([finding?.line, finding?.column], [line, column]);
});

test('statements are located by string index, not byte, after multi-byte text', (t) => {
	const sql = "-- naïve\nSELECT 'é🎉';  /* gap */ CREATE TABLE café (id int) -- end\n;";
	const parsed = parseSql(sql);
	if (!parsed.ok) return t.fail(parsed.message);
	t.deepEqual(
		parsed.statements.map((statement) => [statement.kind, sql.slice(statement.start, statement.end)]),
		[
			['SelectStmt', "SELECT 'é🎉'"],
			['CreateStmt', 'CREATE TABLE café (id int) -- end'],
		],
	);
	t.is(parsed.toChar(parsed.statements[1]!.location), parsed.statements[1]!.start);
});

test('a large generated migration (5 MB, 40,000 statements, non-ASCII throughout) is split completely and exactly', async (t) => {
	const statements: string[] = [];
	for (let index = 0; index < 40_000; index++) {
		statements.push(`INSERT INTO items_${index % 50} (id, name, note) VALUES (${index}, 'nämé ${index} 🎉', 'a note long enough to make the file large, number ${index}');`);
	}
	const up = statements.map((statement, index) => `-- step ${index}: ünïcode\n${statement}`).join('\n');
	t.true(Buffer.byteLength(up) > 5_000_000);
	const migration = migrationWith(up);
	const analysed = await analyseMigration(migration, 'up');
	t.is(analysed.statements.length, statements.length);
	for (const index of [0, 1, 12_345, 39_999]) {
		const statement = analysed.statements[index]!;
		t.is(statement.sql, statements[index]!.slice(0, -1));
		t.is(up.slice(statement.start, statement.end), statement.sql);
	}
});

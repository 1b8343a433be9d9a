import test from 'ava';
import {lintMigrations} from '../../../source/core/lint/index.js';
import {parseMigration} from '../../../source/core/migrations/parse-migration.js';
import {analyseMigration} from '../../../source/core/migrations/statements.js';
import {CancelledError} from '../../../source/core/errors.js';
import {byteToCharMapper, codePointToIndex} from '../../../source/core/sql/byte-offsets.js';
import {loadedParser, loadParser, parseSql, parseSqlCancellable} from '../../../source/core/sql/parse-sql.js';

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

/** Statements whose text holds `;` at the end of a line that is not a statement's end: each is a place a piece must not be cut. */
const cutTraps = [
	"INSERT INTO t VALUES (1, 'a string;\nwith a line break');",
	'DO $$ BEGIN PERFORM 1;\n PERFORM 2;\nEND $$;',
	'/* a block comment;\n over two lines */ SELECT 1;',
	'SELECT 1 -- a comment that ends in a semicolon;\n , 2;',
	'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1);\n INSERT INTO u VALUES (2));',
	'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC\n SELECT 1;\n SELECT 2;\nEND;',
	'CREATE TABLE "a name;\nwith a line break" (id int);',
	"SELECT E'an escaped quote \\';\n still the string';",
	"SELECT 'nämé 🎉', $tag$ body;\n $tag$;",
];

/** What one parse of the whole text gives: the statements' kinds, ranges and trees (the reference for pieces). */
function wholeParse(sql: string) {
	const result = loadedParser().parseSync(sql);
	const toChar = byteToCharMapper(sql);
	return (result.stmts ?? []).map((raw) => ({kind: Object.keys(raw.stmt!)[0], start: toChar(raw.stmt_location ?? 0), node: raw.stmt}));
}

test('a text parsed in pieces gives exactly what one parse of it gives: statements, ranges and every node location', (t) => {
	const parts: string[] = [];
	for (let round = 0; Buffer.byteLength(parts.join('\n')) < 300_000; round++) {
		for (const trap of cutTraps) parts.push(`-- round ${round}: ünïcode;\n${trap.replaceAll('1', String(round + 1))}`);
	}
	const sql = parts.join('\n');
	const parsed = parseSql(sql);
	if (!parsed.ok) return t.fail(parsed.message);
	const whole = wholeParse(sql);
	t.is(parsed.statements.length, whole.length);
	t.true(parsed.statements.length > 1000);
	let firstDifference: number | undefined;
	for (const [index, statement] of parsed.statements.entries()) {
		const expected = whole[index]!;
		const same = statement.kind === expected.kind && JSON.stringify(statement.node) === JSON.stringify(expected.node) && sql.slice(statement.start).trimStart().startsWith(sql.slice(expected.start).trimStart().slice(0, 20));
		if (!same) {
			firstDifference = index;
			break;
		}
	}
	t.is(firstDifference, undefined, firstDifference === undefined ? '' : `statement ${firstDifference} differs: ${sql.slice(parsed.statements[firstDifference]!.start, parsed.statements[firstDifference]!.end)}`);
	const last = parsed.statements.at(-1)!;
	t.is(sql.slice(last.start, last.end), cutTraps.at(-1)!.slice(0, -1).replaceAll('1', String(Math.floor((parts.length - 1) / cutTraps.length) + 1)));
});

test('a syntax error deep in a large text is reported at the same place, with the same message, as one parse of it', (t) => {
	const good = Array.from({length: 4000}, (_, index) => `INSERT INTO t VALUES (${index}, 'nämé;\n${index}');`);
	const sql = `${good.join('\n')}\nSELECT 'é' FRO x;\n${good.slice(0, 500).join('\n')}`;
	const parsed = parseSql(sql);
	t.false(parsed.ok);
	if (parsed.ok) return;
	const error = t.throws(() => loadedParser().parseSync(sql)) as Error & {sqlDetails: {cursorPosition: number; message: string}};
	t.is(parsed.message, error.sqlDetails.message);
	t.is(parsed.offset, codePointToIndex(sql, error.sqlDetails.cursorPosition));
	t.is(sql.slice(parsed.offset, parsed.offset + 2), 'x;');
});

test('a large text is parsed between turns of the event loop: an abort stops the parse', async (t) => {
	const sql = Array.from({length: 20_000}, (_, index) => `INSERT INTO t VALUES (${index}, 'row ${index}');`).join('\n');
	const controller = new AbortController();
	let pieces = 0;
	const parsing = parseSqlCancellable(sql, (statement) => statement.kind, controller.signal);
	// Aborted from the event loop while the parse is under way: only possible because the parse yields.
	setImmediate(() => {
		pieces++;
		controller.abort();
	});
	await t.throwsAsync(parsing, {instanceOf: CancelledError});
	t.is(pieces, 1);
});

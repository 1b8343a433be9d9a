/**
 * Plain SQL files of other migration tools: the sections their markers delimit (goose, dbmate)
 * and the "run me without a transaction" directives (goose, dbmate, sqlx, graphile-migrate) are
 * what the linter follows, since that is how the tool runs them.
 */
import test from 'ava';
import {lintMigrations} from '../../../source/core/lint/index.js';
import {lintSourceOf, plainSqlSource} from '../../../source/core/lint/load-sources.js';
import type {TransactionAssumption} from '../../../source/core/lint/load-sources.js';
import {plainSqlLayout} from '../../../source/core/lint/plain-sql-layout.js';
import {findingsOf, ruleIdsOf} from './helpers/migration.js';
import {server} from './helpers/server.js';

const lint = async (sql: string, assumption: TransactionAssumption = 'transaction') => lintMigrations([plainSqlSource(sql, '/project/other-tool/0042_change.sql', assumption)]);

/** Two statements, so that the lone-statement rule (a lone CONCURRENTLY runs alone) does not apply. */
const concurrentBuild = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_name ON users (name);\nDROP INDEX CONCURRENTLY IF EXISTS ix_users_old;\n';

const withoutTransaction = {
	'goose -- +goose NO TRANSACTION': `-- +goose NO TRANSACTION\n-- +goose Up\n${concurrentBuild}`,
	'goose NO TRANSACTION after Up': `-- +goose Up\n-- +goose NO TRANSACTION\n${concurrentBuild}`,
	'dbmate transaction:false': `-- migrate:up transaction:false\n${concurrentBuild}\n-- migrate:down\n`,
	'sqlx -- no-transaction first line': `-- no-transaction\n${concurrentBuild}`,
	'graphile-migrate --! no-transaction': `--! Previous: sha1:0123456789abcdef\n--! Hash: sha1:fedcba9876543210\n--! no-transaction\n\n${concurrentBuild}`,
};

for (const [name, sql] of Object.entries(withoutTransaction)) {
	test(`${name}: CONCURRENTLY is linted as run outside a transaction`, async (t) => {
		const findings = await lint(sql);
		t.deepEqual(findingsOf(findings, 'concurrently-in-transaction'), []);
		t.deepEqual(ruleIdsOf(findings), []);
	});
}

test('the same statements with no directive, assumed in a transaction, are an error', async (t) => {
	for (const sql of [concurrentBuild, `-- +goose Up\n${concurrentBuild}`, `-- migrate:up\n${concurrentBuild}\n-- migrate:down\n`, `SELECT 1;\n-- no-transaction\n${concurrentBuild}`]) {
		t.is(findingsOf(await lint(sql), 'concurrently-in-transaction').length, 2, sql);
	}
});

test('PostgreSQL 15 agrees: the statements run one by one, as these tools run such a file, but fail in one transaction', async (t) => {
	const db = await server(t, 'CREATE TABLE users (id int PRIMARY KEY, name text); CREATE INDEX ix_users_old ON users (id);');
	const statements = concurrentBuild.trim().split('\n');
	t.regex((await db.errorOf(`BEGIN; ${statements.join(' ')} COMMIT;`)) ?? '', /cannot run inside a transaction block/);
	t.is(await db.errorOfEach(statements), undefined);
});

test('a directive-free file assumed without a transaction stays so; a directive wins over --assume-transaction', async (t) => {
	t.deepEqual(findingsOf(await lint(concurrentBuild, 'no-transaction'), 'concurrently-in-transaction'), []);
	const source = plainSqlSource(`-- +goose NO TRANSACTION\n${concurrentBuild}`, 'a.sql', 'transaction');
	t.is(source.transaction, 'none');
});

test('without a transaction, what applies there applies: explicit BEGIN blocks are followed, enum values may be used', async (t) => {
	const begin = `-- +goose Up\n-- +goose NO TRANSACTION\nBEGIN;\nCREATE INDEX CONCURRENTLY ix_a ON users (name);\nCOMMIT;\n`;
	const inBlock = findingsOf(await lint(begin), 'concurrently-in-transaction');
	t.is(inBlock.length, 1);
	t.regex(inBlock[0]?.message ?? '', /BEGIN on line 3/);

	const enumUse = "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'elated';\nINSERT INTO moods (value) VALUES ('elated');\n";
	t.deepEqual(findingsOf(await lint(`-- +goose Up\n-- +goose NO TRANSACTION\n${enumUse}`), 'enum-value-in-transaction'), []);
	t.is(findingsOf(await lint(`-- +goose Up\n${enumUse}`), 'enum-value-in-transaction').length, 1);
});

test('a dbmate down section runs in a transaction unless its own marker says transaction:false', async (t) => {
	const sql = '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY ix_a ON users (name);\nSELECT 1;\n-- migrate:down\nDROP INDEX CONCURRENTLY ix_a;\nSELECT 1;\n';
	const findings = findingsOf(await lint(sql), 'concurrently-in-transaction');
	t.deepEqual(findings.map((finding) => finding.line), [5]);
	t.deepEqual(findingsOf(await lint(sql.replace('-- migrate:down', '-- migrate:down transaction:false')), 'concurrently-in-transaction'), []);
});

test('a down section is linted as one: undoing the up section there is not a change to the live schema', async (t) => {
	const goose = '-- +goose Up\nALTER TABLE users ADD COLUMN nickname text;\n\n-- +goose Down\nALTER TABLE users DROP COLUMN nickname;\n';
	t.deepEqual(ruleIdsOf(await lint(goose)), []);
	const dbmate = '-- migrate:up\nALTER TABLE users ADD COLUMN nickname text;\n\n-- migrate:down\nALTER TABLE users DROP COLUMN nickname;\n';
	t.deepEqual(ruleIdsOf(await lint(dbmate)), []);
	// The same DROP in the up section is reported, on its own line.
	const dropped = findingsOf(await lint('-- +goose Up\nALTER TABLE users DROP COLUMN nickname;\n-- +goose Down\nSELECT 1;\n'), 'drop-column-or-table');
	t.deepEqual(dropped.map((finding) => finding.line), [2]);
	// A down section is still checked for what fails there.
	t.deepEqual(ruleIdsOf(await lint('-- +goose Up\nSELECT 1;\n-- +goose Down\nBEGIN;\nSELECT 1;\n')), ['transaction-nesting']);
});

test('goose statement blocks need no closing semicolon: StatementEnd ends the statement', async (t) => {
	const sql = [
		'-- +goose Up',
		'-- +goose StatementBegin',
		"CREATE TYPE tier AS ENUM ('free', 'paid');",
		'',
		'ALTER TABLE users ADD COLUMN tier tier',
		'-- +goose StatementEnd',
		'-- +goose StatementBegin',
		'ALTER TABLE users ADD COLUMN note text',
		'-- +goose StatementEnd',
		'',
		'-- +goose Down',
		'ALTER TABLE users DROP COLUMN tier;',
		'',
	].join('\n');
	t.deepEqual(ruleIdsOf(await lint(sql)), []);
	// Without goose's markers the same text is one broken statement, and a real error inside a block is still found, on its line.
	t.deepEqual(ruleIdsOf(await lint(sql.replaceAll('-- +goose StatementEnd\n', ''))), ['syntax-error']);
	const broken = findingsOf(await lint(sql.replace('ADD COLUMN note text', 'ADD COLUMN note text text')), 'syntax-error');
	t.deepEqual(broken.map((finding) => finding.line), [8]);
	// The layout keeps every offset: the section is the file's text from its first character.
	const layout = plainSqlLayout(sql);
	t.is(layout.up.sql.length, sql.indexOf('-- +goose Down') - sql.indexOf('-- +goose StatementBegin'));
	t.is(layout.up.line, 2);
	t.is(layout.down?.line, 12);
});

test('a file without markers is one up section, whatever its comments mention', (t) => {
	const sql = '-- this script will migrate:up nothing; see +goose docs\nSELECT 1;\n';
	const layout = plainSqlLayout(sql);
	t.is(layout.up.sql, sql);
	t.is(layout.down, undefined);
	t.false(layout.upWithoutTransaction);
});

test('rollback files of other tools are down sections: checked for what fails, not for a deploy\'s locks', async (t) => {
	const rollback = 'DROP INDEX ix_users_name;\nALTER TABLE users DROP COLUMN nickname;\n';
	for (const name of ['000042_add_nickname.down.sql', 'down.sql', '20240101_add_nickname.DOWN.sql', 'U42__add_nickname.sql']) {
		const source = lintSourceOf(rollback, `/project/migrations/${name}`, 'transaction');
		t.is(source.up.sql, '', name);
		t.is(source.down?.sql, rollback, name);
		t.deepEqual(ruleIdsOf(await lintMigrations([source])), [], name);
	}
	// The same statements in an up file are reported; a rollback that cannot run is still reported, on its line.
	t.deepEqual(ruleIdsOf(await lintMigrations([lintSourceOf(rollback, '/project/migrations/000042_add_nickname.up.sql', 'transaction')])), ['index-not-concurrent', 'drop-column-or-table']);
	const failing = await lintMigrations([lintSourceOf('SELECT 1;\nDROP INDEX CONCURRENTLY ix_a;\n', '/project/migrations/000042_x.down.sql', 'transaction')]);
	t.deepEqual(failing.map((finding) => `${finding.rule}:${finding.line}`), ['concurrently-in-transaction:2']);
	t.deepEqual(ruleIdsOf(await lintMigrations([lintSourceOf('-- no-transaction\nSELECT 1;\nDROP INDEX CONCURRENTLY ix_a;\n', '/project/migrations/000042_x.down.sql', 'transaction')])), []);
});

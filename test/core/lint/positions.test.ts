import test from 'ava';
import {findingsOf, lintSpec, makeMigration, migrationText} from './helpers/migration.js';
import {lintMigrations} from '../../../source/core/lint/index.js';
import {parseMigration} from '../../../source/core/migrations/parse-migration.js';

test('a finding inside a multi-line statement points at its own line', async (t) => {
	const up = ['ALTER TABLE decks', '  ADD COLUMN note text,', '  ADD CONSTRAINT decks_user_id_fkey', '    FOREIGN KEY (user_id) REFERENCES users (id);'].join('\n');
	const [finding] = findingsOf(await lintSpec({up}), 'constraint-not-valid');
	t.is(finding?.line, 10);
	t.is(finding?.column, 7);
});

test('a statement-level finding points at the first token, not at comments before it', async (t) => {
	const up = 'SELECT 1;  -- first\n\n/* why: */ -- and more\n   CREATE INDEX ix_users_name ON users (name);';
	const [finding] = findingsOf(await lintSpec({up}), 'index-not-concurrent');
	t.is(finding?.line, 11);
	t.is(finding?.column, 4);
});

test('statements inside dollar-quoted bodies are not linted and do not shift positions', async (t) => {
	const up = [
		'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$',
		'BEGIN',
		'  -- cc-dev-lint-disable index-not-concurrent: not a comment, part of the body',
		"  EXECUTE 'CREATE INDEX ix ON users (name)';",
		'  CREATE INDEX ix_in_body ON users (name);',
		'  RETURN NEW; -- ; $ $x$',
		'END',
		'$$;',
		'CREATE OR REPLACE FUNCTION other() RETURNS int LANGUAGE sql AS $fn$ SELECT $$;$$::text::int; $fn$;',
		'CREATE INDEX ix_users_email ON users (email);',
	].join('\n');
	const findings = await lintSpec({up});
	t.deepEqual(
		findings.map((finding) => [finding.rule, finding.line, finding.column]),
		[['index-not-concurrent', 17, 1]],
	);
});

test('node positions after multi-byte characters on the same line', async (t) => {
	const up = "COMMENT ON TABLE users IS 'Benutzer – 🎉'; ALTER TABLE \"Bücher\" ADD CONSTRAINT positive CHECK (n > 0);";
	const [finding] = findingsOf(await lintSpec({up}), 'constraint-not-valid');
	t.is(finding?.line, 8);
	t.is(finding?.column, up.indexOf('CONSTRAINT') + 1);
});

test('positions in a file with CRLF line endings', async (t) => {
	const text = migrationText({up: 'SELECT 1;\n\nCREATE INDEX ix_users_name\n  ON users (name);'}).replaceAll('\n', '\r\n');
	const migration = parseMigration(text, '/project/migrations/a1b2c3d4e5f6_test.sql');
	const [finding] = findingsOf(await lintMigrations([migration]), 'index-not-concurrent');
	t.is(finding?.line, 10);
	t.is(finding?.column, 1);
});

test('the down section is positioned within the file', async (t) => {
	const migration = makeMigration({up: 'CREATE TABLE tags (id int);', down: 'DROP TABLE tags;\nBEGIN;'});
	const [finding] = findingsOf(await lintMigrations([migration]), 'transaction-nesting');
	t.is(finding?.line, 11);
	t.is(finding?.column, 1);
	t.is(finding?.file, 'a1b2c3d4e5f6_test.sql');
	t.is(finding?.path, '/project/migrations/a1b2c3d4e5f6_test.sql');
});

test('a last statement without a semicolon is linted', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'SELECT 1;\nCREATE INDEX ix_users_name ON users (name)\n-- trailing comment'}), 'index-not-concurrent');
	t.is(findings[0]?.line, 9);
});

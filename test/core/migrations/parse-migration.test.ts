import test from 'ava';
import {InputError} from '../../../source/core/errors.js';
import {checksumOf, parseMigration} from '../../../source/core/migrations/parse-migration.js';
import {migrationText} from '../../helpers/migrations-dir.js';

const file = '/m/0123456789ab_add_things.sql';
const valid = migrationText({revision: '0123456789ab', parents: ['aaaaaaaaaaaa'], message: 'add things', up: 'CREATE TABLE a (id int);', down: 'DROP TABLE a;'});

test('parses headers and sections with their positions', (t) => {
	const migration = parseMigration(valid, file);
	t.is(migration.revision, '0123456789ab');
	t.deepEqual(migration.parents, ['aaaaaaaaaaaa']);
	t.is(migration.message, 'add things');
	t.is(migration.transaction, 'per-migration');
	t.is(migration.up.sql.trim(), 'CREATE TABLE a (id int);');
	t.is(migration.up.line, 8);
	t.is(migration.down?.sql.trim(), 'DROP TABLE a;');
	t.is(migration.checksum, checksumOf('CREATE TABLE a (id int);'));
});

test('the checksum ignores line endings', (t) => {
	const crlf = parseMigration(valid.replace(/\n/g, '\r\n'), file);
	t.is(crlf.checksum, parseMigration(valid, file).checksum);
});

test('sections are cut exactly at the marker lines, with CRLF line endings, indented markers and marker text inside SQL', (t) => {
	const text = [
		'-- Revision: 0123456789ab',
		'',
		'  -- migrate:up  ',
		"SELECT '-- migrate:down' AS not_a_marker;",
		'-- migrate:up is not a marker either',
		'\t-- migrate:down',
		'DROP TABLE a;',
	].join('\r\n');
	const migration = parseMigration(text, file);
	t.is(migration.up.sql, "SELECT '-- migrate:down' AS not_a_marker;\r\n-- migrate:up is not a marker either\r\n");
	t.is(text.slice(migration.up.offset, migration.up.offset + migration.up.sql.length), migration.up.sql);
	t.deepEqual([migration.up.line, migration.up.column], [4, 1]);
	t.is(migration.down?.sql, 'DROP TABLE a;');
	t.deepEqual([migration.down?.line, migration.down?.column], [7, 1]);
});

test('a marker on the last line, without a line break, opens an empty section', (t) => {
	const migration = parseMigration('-- Revision: 0123456789ab\n-- migrate:up\nSELECT 1;\n-- migrate:down', file);
	t.is(migration.up.sql, 'SELECT 1;\n');
	t.is(migration.down?.sql, '');
	t.is(migration.down?.offset, '-- Revision: 0123456789ab\n-- migrate:up\nSELECT 1;\n-- migrate:down'.length);
});

test('a second marker far into the SQL is found, with its line', (t) => {
	const sqlLines = Array.from({length: 500}, (_, index) => `SELECT ${index}; -- migrate: not a marker`);
	const error = t.throws(() => parseMigration(['-- Revision: 0123456789ab', '-- migrate:up', ...sqlLines, '-- migrate:up', ''].join('\n'), file), {instanceOf: InputError});
	t.regex(error!.message, /:503: a second "-- migrate:up" marker/);
});

test('a merge revision lists several parents', (t) => {
	const merge = parseMigration(valid.replace('-- Revises: aaaaaaaaaaaa', '-- Revises: aaaaaaaaaaaa, bbbbbbbbbbbb'), file);
	t.deepEqual(merge.parents, ['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
});

const rejects = (t: import('ava').ExecutionContext, text: string, message: RegExp, name = file) => {
	const error = t.throws(() => parseMigration(text, name), {instanceOf: InputError});
	t.regex(error!.message, message);
	t.is(error!.exitCode, 2);
	t.truthy(error!.hint);
};

test('a file without the up marker', rejects, valid.replace('-- migrate:up\n', ''), /0123456789ab_add_things\.sql: no "-- migrate:up" marker/);
test('an unknown header key', rejects, valid.replace('-- Message:', '-- Author: me\n-- Message:'), /:4: unknown header "Author"/);
test('a malformed revision id', rejects, valid.replace('-- Revision: 0123456789ab', '-- Revision: 0123456789AB'), /:1: malformed revision id "0123456789AB"/);
test('a revision that differs from the file name', rejects, valid.replace('-- Revision: 0123456789ab', '-- Revision: 0123456789ac'), /does not match the file name/);
test('a malformed parent id', rejects, valid.replace('aaaaaaaaaaaa', 'xyz'), /malformed revision id "xyz" in Revises/);
test('an unknown transaction mode', rejects, valid.replace('per-migration', 'always'), /unknown Transaction mode "always"/);
test('a down marker before the up marker', rejects, valid.replace('-- migrate:up', '-- migrate:tmp').replace('-- migrate:down', '-- migrate:up').replace('-- migrate:tmp', '-- migrate:down'), /comes before/);
test('two up markers', rejects, `${valid}\n-- migrate:up\n`, /a second "-- migrate:up" marker/);
test('a file name without a revision', rejects, valid, /not <revision>_<slug>\.sql/, '/m/add_things.sql');

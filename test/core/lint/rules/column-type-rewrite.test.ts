import test from 'ava';
import {isBinaryCompatible} from '../../../../source/core/lint/rules/column-type-rewrite.js';
import {findingsOf, lintChain, lintSpec} from '../helpers/migration.js';

const rule = 'column-type-rewrite';
const create = {up: 'CREATE TABLE cards (id int, front varchar(100), score numeric(5,2), flag text);'};

test('a type change that rewrites is an error, naming both types', async (t) => {
	const findings = findingsOf(await lintChain([create, {up: 'ALTER TABLE cards ALTER COLUMN id TYPE bigint;'}]), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.regex(findings[0]?.message ?? '', /cards\.id changes type from integer to bigint/);
	t.is(findings[0]?.column, 40);
});

test('a USING clause always rewrites', async (t) => {
	const findings = findingsOf(await lintChain([create, {up: 'ALTER TABLE cards ALTER COLUMN flag TYPE boolean USING flag::boolean;'}]), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /USING/);
});

test('a type change of a column whose type is unknown is reported as a probable rewrite', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ALTER COLUMN email TYPE varchar(300);'}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /unless its current type converts without a rewrite/);
});

test('binary-compatible changes are safe', async (t) => {
	const up = 'ALTER TABLE cards ALTER COLUMN front TYPE varchar(255), ALTER COLUMN score TYPE numeric(8,2), ALTER COLUMN flag TYPE varchar;';
	t.deepEqual(findingsOf(await lintChain([create, {up}]), rule), []);
	t.deepEqual(findingsOf(await lintChain([create, {up: 'ALTER TABLE cards ALTER COLUMN front TYPE text;'}]), rule), []);
});

test('shrinking a varchar or changing a numeric scale rewrites', async (t) => {
	t.is(findingsOf(await lintChain([create, {up: 'ALTER TABLE cards ALTER COLUMN front TYPE varchar(50);'}]), rule).length, 1);
	t.is(findingsOf(await lintChain([create, {up: 'ALTER TABLE cards ALTER COLUMN score TYPE numeric(8,3);'}]), rule).length, 1);
});

test('a type change on a table created in the same migration is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tags (id int);\nALTER TABLE tags ALTER COLUMN id TYPE bigint;'});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('isBinaryCompatible', (t) => {
	const type = (name: string, ...modifiers: number[]) => ({name, schema: 'pg_catalog', modifiers, isArray: false});
	t.true(isBinaryCompatible(type('varchar', 10), type('varchar', 20)));
	t.true(isBinaryCompatible(type('varchar', 10), type('varchar')));
	t.false(isBinaryCompatible(type('varchar'), type('varchar', 10)));
	t.true(isBinaryCompatible(type('text'), type('varchar')));
	t.false(isBinaryCompatible(type('int4'), type('int8')));
	t.true(isBinaryCompatible(type('cidr'), type('inet')));
	t.false(isBinaryCompatible(type('timestamp'), type('timestamptz')));
});

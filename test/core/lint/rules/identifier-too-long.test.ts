import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'identifier-too-long';

test('an identifier over 63 bytes is a warning at the identifier', async (t) => {
	const long = `ix_${'a'.repeat(61)}`;
	const findings = findingsOf(await lintSpec({up: `CREATE INDEX CONCURRENTLY ${long} ON users (email);`, transaction: 'none'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'warning');
	t.is(findings[0]?.column, 27);
	t.regex(findings[0]?.message ?? '', /64 bytes long/);
});

test('bytes are counted, not characters', async (t) => {
	const name = 'é'.repeat(32);
	const findings = findingsOf(await lintSpec({up: `CREATE TABLE "${name}" (id int);`}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /64 bytes long/);
});

test('an identifier of 63 bytes is safe, and long string literals are not identifiers', async (t) => {
	const name = `t_${'a'.repeat(61)}`;
	const findings = await lintSpec({up: `CREATE TABLE ${name} (note text DEFAULT '${'x'.repeat(100)}');`});
	t.deepEqual(findingsOf(findings, rule), []);
});

test('enum labels over 63 bytes are reported', async (t) => {
	const findings = findingsOf(await lintSpec({up: `CREATE TYPE mood AS ENUM ('${'x'.repeat(70)}');`}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /enum label/);
});

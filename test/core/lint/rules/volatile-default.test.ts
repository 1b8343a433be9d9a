import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'volatile-default';

test('a volatile default on a new column is an error, at the default', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.is(findings[0]?.column, 41);
	t.regex(findings[0]?.message ?? '', /gen_random_uuid\(\), which is volatile/);
});

test('a volatile function nested in the default is found', async (t) => {
	const findings = findingsOf(await lintSpec({up: "ALTER TABLE users ADD COLUMN seed int DEFAULT floor(random() * 10)::int;"}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /random\(\)/);
});

test('serial, identity and stored generated columns rewrite too', async (t) => {
	const up = [
		'ALTER TABLE users ADD COLUMN seq bigserial;',
		'ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;',
		'ALTER TABLE users ADD COLUMN twice int GENERATED ALWAYS AS (total_cards_reviewed * 2) STORED;',
	].join('\n');
	t.is(findingsOf(await lintSpec({up}), rule).length, 3);
});

test('an unknown function is reported as possibly volatile', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ADD COLUMN code text DEFAULT make_code();'}), rule);
	t.is(findings.length, 1);
	t.regex(findings[0]?.message ?? '', /not a known IMMUTABLE or STABLE function/);
});

test('a known stable function called with other arguments is another function, possibly volatile', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now(123);\nALTER TABLE users ADD COLUMN day timestamptz DEFAULT date_trunc(\'day\', now());'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.line, 8);
	t.regex(findings[0]?.message ?? '', /now\(\.\.\.\) with 1 argument, which is not the built-in now nor a known IMMUTABLE or STABLE function/);
});

test('constant and stable defaults are safe', async (t) => {
	const up = [
		"ALTER TABLE users ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;",
		'ALTER TABLE users ADD COLUMN joined_at timestamptz DEFAULT now();',
		'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT CURRENT_TIMESTAMP;',
		'ALTER TABLE users ADD COLUMN score integer DEFAULT 0;',
	].join('\n');
	t.deepEqual(await lintSpec({up}), []);
});

test('a volatile default on a new table is safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tags (id int);\nALTER TABLE tags ADD COLUMN token uuid DEFAULT gen_random_uuid();'});
	t.deepEqual(findingsOf(findings, rule), []);
});

import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'add-primary-key-or-unique';

test('adding a UNIQUE constraint directly is an error', async (t) => {
	const findings = findingsOf(await lintSpec({up: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);'}), rule);
	t.is(findings.length, 1);
	t.is(findings[0]?.severity, 'error');
	t.regex(findings[0]?.message ?? '', /UNIQUE constraint users_email_key added to users/);
	t.regex(findings[0]?.fix ?? '', /USING INDEX/);
});

test('adding a PRIMARY KEY (table or column constraint) is an error', async (t) => {
	const up = 'ALTER TABLE tags_legacy ADD PRIMARY KEY (id);\nALTER TABLE notes ADD COLUMN id bigint PRIMARY KEY;';
	t.is(findingsOf(await lintSpec({up}), rule).length, 2);
});

test('attaching an index built concurrently is safe', async (t) => {
	const up = 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX ix_users_email_unique;\nALTER TABLE tags_legacy ADD CONSTRAINT tags_legacy_pkey PRIMARY KEY USING INDEX tags_legacy_id_idx;';
	t.deepEqual(await lintSpec({up}), []);
});

test('keys of a table created in the same migration are safe', async (t) => {
	const findings = await lintSpec({up: 'CREATE TABLE tags (id int, name text);\nALTER TABLE tags ADD PRIMARY KEY (id), ADD UNIQUE (name);'});
	t.deepEqual(findingsOf(findings, rule), []);
});

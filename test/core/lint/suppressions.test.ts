import test from 'ava';
import {parseDirective} from '../../../source/core/lint/suppressions.js';
import {lintSpec, ruleIdsOf} from './helpers/migration.js';

const createIndex = 'CREATE INDEX ix_users_name ON users (name);';

test('a comment on the line above suppresses the rule for that statement', async (t) => {
	const up = `-- cc-dev-lint-disable index-not-concurrent: users has 200 rows\n${createIndex}\nCREATE INDEX ix_users_email ON users (email);`;
	const findings = await lintSpec({up});
	t.deepEqual(ruleIdsOf(findings), ['index-not-concurrent']);
	t.is(findings[0]?.line, 10);
});

test('a comment on the statement line suppresses it', async (t) => {
	t.deepEqual(await lintSpec({up: `${createIndex} -- cc-dev-lint-disable index-not-concurrent: small table`}), []);
});

test('a comment inside a multi-line statement suppresses it', async (t) => {
	const up = 'ALTER TABLE users\n  -- cc-dev-lint-disable set-not-null: checked by a validated constraint in production\n  ALTER COLUMN display_name SET NOT NULL;';
	t.deepEqual(await lintSpec({up}), []);
});

test('a block of comment lines above applies to the statement, several rules at once', async (t) => {
	const up = [
		'-- cc-dev-lint-disable constraint-not-valid: the table is empty in every environment',
		'-- Some explanation in between.',
		'-- cc-dev-lint-disable add-primary-key-or-unique, set-not-null: same reason',
		'ALTER TABLE tags_legacy ADD PRIMARY KEY (id), ADD CHECK (id > 0), ALTER COLUMN id SET NOT NULL;',
	].join('\n');
	t.deepEqual(await lintSpec({up}), []);
});

test('a comment separated by a blank line applies to nothing and is reported', async (t) => {
	const up = `-- cc-dev-lint-disable index-not-concurrent: small table\n\n${createIndex}`;
	const findings = await lintSpec({up});
	t.deepEqual(ruleIdsOf(findings), ['unused-suppression', 'index-not-concurrent']);
	t.is(findings[0]?.line, 8);
	t.is(findings[0]?.column, 1);
	t.is(findings[0]?.severity, 'warning');
	t.regex(findings[0]?.message ?? '', /index-not-concurrent here suppresses nothing/);
});

test('a trailing comment on the previous statement does not apply to the next one', async (t) => {
	const up = `SELECT 1; -- cc-dev-lint-disable index-not-concurrent: oops\n${createIndex}`;
	t.deepEqual(ruleIdsOf(await lintSpec({up})), ['unused-suppression', 'index-not-concurrent']);
});

test('a header comment suppresses the rule for the whole file', async (t) => {
	const findings = await lintSpec({
		header: '-- cc-dev-lint-disable index-not-concurrent: a maintenance window is booked for this deploy',
		up: `${createIndex}\nCREATE INDEX ix_users_email ON users (email);`,
	});
	t.deepEqual(findings, []);
});

test('an unused header suppression is reported at its line', async (t) => {
	const findings = await lintSpec({header: '-- cc-dev-lint-disable rename: planned', up: 'SELECT 1;'});
	t.deepEqual(ruleIdsOf(findings), ['unused-suppression']);
	t.is(findings[0]?.line, 6);
	t.regex(findings[0]?.message ?? '', /rename in the header suppresses nothing/);
});

test('a suppression without a reason still suppresses, and is reported', async (t) => {
	const findings = await lintSpec({up: `-- cc-dev-lint-disable index-not-concurrent\n${createIndex}`});
	t.deepEqual(ruleIdsOf(findings), ['suppression-without-reason']);
	t.is(findings[0]?.line, 8);
	t.is(findings[0]?.severity, 'warning');
});

test('an unknown rule id is reported', async (t) => {
	const findings = await lintSpec({up: `-- cc-dev-lint-disable index-not-concurent: typo\n${createIndex}`});
	t.deepEqual(ruleIdsOf(findings), ['unused-suppression', 'index-not-concurrent']);
	t.regex(findings[0]?.message ?? '', /unknown rule "index-not-concurent"/);
});

test('each rule of a comment must be used', async (t) => {
	const findings = await lintSpec({up: `-- cc-dev-lint-disable index-not-concurrent, rename: small table\n${createIndex}`});
	t.deepEqual(ruleIdsOf(findings), ['unused-suppression']);
	t.regex(findings[0]?.message ?? '', /rename here suppresses nothing/);
});

test('a suppression of a rule that is off is not reported as unused', async (t) => {
	const findings = await lintSpec({up: `-- cc-dev-lint-disable rename: fine\nSELECT 1;`}, {severities: {rename: 'off'}});
	t.deepEqual(findings, []);
});

test('directives inside strings and dollar-quoted bodies are not comments', async (t) => {
	const up = "SELECT '-- cc-dev-lint-disable rename: x';\nDO $$ BEGIN\n-- cc-dev-lint-disable rename: y\nEND $$;";
	t.deepEqual(await lintSpec({up}), []);
});

test('unused suppressions are not reported when the file does not parse', async (t) => {
	const findings = await lintSpec({header: '-- cc-dev-lint-disable rename: planned', up: 'SELEC 1;'});
	t.deepEqual(ruleIdsOf(findings), ['syntax-error']);
});

test('parseDirective', (t) => {
	t.deepEqual(parseDirective(' cc-dev-lint-disable rename: old code is gone '), {rules: ['rename'], reason: 'old code is gone'});
	t.deepEqual(parseDirective('cc-dev-lint-disable a,b c: why: because'), {rules: ['a', 'b', 'c'], reason: 'why: because'});
	t.deepEqual(parseDirective('cc-dev-lint-disable'), {rules: [], reason: ''});
	t.is(parseDirective('cc-dev-lint-disabled rename: x'), undefined);
	t.is(parseDirective('a normal comment'), undefined);
});


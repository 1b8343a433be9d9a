import test from 'ava';
import {defaultSeverities, resolveSeverities, ruleIds, rules} from '../../../source/core/lint/index.js';
import {UsageError} from '../../../source/core/errors.js';
import {lintSpec, ruleIdsOf} from './helpers/migration.js';

const errors = [
	'syntax-error',
	'transaction-nesting',
	'index-not-concurrent',
	'concurrently-in-transaction',
	'detach-partition-not-concurrent',
	'constraint-not-valid',
	'domain-constraint-not-valid',
	'set-not-null',
	'not-null-without-default',
	'column-type-rewrite',
	'volatile-default',
	'add-primary-key-or-unique',
	'update-in-alter-transaction',
	'enum-value-in-transaction',
	'vacuum-full-or-cluster',
	'duplicate-column-assignment',
	'drop-database',
	'truncate-cascade',
];

test('default severities: errors for locks, rewrites and what cannot run; warnings for the rest', (t) => {
	for (const id of ruleIds) t.is(defaultSeverities[id], errors.includes(id) ? 'error' : 'warning', id);
});

test('every rule id has exactly one rule, with why and fix', (t) => {
	t.deepEqual(
		rules.map((rule) => rule.id),
		[...ruleIds],
	);
	for (const rule of rules) {
		t.true(rule.why.length > 20, rule.id);
		t.true(rule.fix.length > 20, rule.id);
	}
});

test('a rule can be made a warning or turned off', async (t) => {
	const up = 'CREATE INDEX ix_users_name ON users (name);';
	const warned = await lintSpec({up}, {severities: {'index-not-concurrent': 'warning'}});
	t.is(warned[0]?.severity, 'warning');
	t.deepEqual(ruleIdsOf(await lintSpec({up}, {severities: {'index-not-concurrent': 'off'}})), []);
});

test('a warning can be made an error', async (t) => {
	const findings = await lintSpec({up: 'ALTER TABLE users RENAME COLUMN name TO full_name;'}, {severities: {rename: 'error'}});
	t.is(findings[0]?.severity, 'error');
});

test('unknown rules and settings are a usage error', (t) => {
	const error = t.throws(() => resolveSeverities({severities: {nope: 'off', rename: 'loud' as 'off'}}), {instanceOf: UsageError});
	t.regex(error?.message ?? '', /unknown lint rule "nope".*"loud" is not a severity for rename/);
	t.is(error?.exitCode, 2);
});

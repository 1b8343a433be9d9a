import test from 'ava';
import type {LintFinding} from '../../../source/core/lint/index.js';
import {renderGithub, renderJson, renderJunit, renderLintReport, renderPretty} from '../../../source/report/lint/index.js';
import type {LintReport} from '../../../source/report/lint/index.js';

const error: LintFinding = {
	rule: 'index-not-concurrent',
	severity: 'error',
	file: 'b1b2c3d4e5f6_add_index.sql',
	path: '/project/migrations/b1b2c3d4e5f6_add_index.sql',
	line: 8,
	column: 1,
	message: 'CREATE INDEX ix on users without CONCURRENTLY.',
	why: 'It blocks writes.',
	fix: 'Use CONCURRENTLY, with "-- Transaction: none".',
};
const warning: LintFinding = {...error, rule: 'rename', severity: 'warning', line: 9, column: 3, message: 'Column users.a renamed to b <&> 100%, ok: yes.'};
const report: LintReport = {files: ['/project/migrations/28a8c0e6e895_initial.sql', error.path], findings: [error, warning]};
const cwd = '/project';

test('pretty: file:line:column, severity, rule, message, why and fix, then a summary', (t) => {
	const text = renderPretty(report, {color: false, cwd});
	t.true(text.includes('migrations/b1b2c3d4e5f6_add_index.sql:8:1 error index-not-concurrent\n  CREATE INDEX ix on users without CONCURRENTLY.\n  why  It blocks writes.\n  fix  Use CONCURRENTLY'));
	t.true(text.includes('migrations/b1b2c3d4e5f6_add_index.sql:9:3 warning rename'));
	t.true(text.endsWith('✖ 1 error and 1 warning in 1 of 2 migration files.\n'));
	t.false(text.includes('\u001B['));
});

test('pretty: colours only when asked', (t) => {
	t.true(renderPretty(report, {color: true, cwd}).includes('\u001B[31;1merror\u001B[0m'));
});

test('pretty: a clean run says so', (t) => {
	t.is(renderPretty({files: ['a.sql'], findings: []}, {color: false}), '✔ No problems in 1 migration file.\n');
});

test('json: counts and findings with relative paths', (t) => {
	const document = JSON.parse(renderJson(report, {cwd})) as {version: number; files: number; errors: number; warnings: number; findings: LintFinding[]};
	t.is(document.version, 1);
	t.is(document.files, 2);
	t.is(document.errors, 1);
	t.is(document.warnings, 1);
	t.is(document.findings[0]?.path, 'migrations/b1b2c3d4e5f6_add_index.sql');
	t.is(document.findings[0]?.rule, 'index-not-concurrent');
	t.is(document.findings[1]?.line, 9);
});

test('junit: a suite per file, errors fail, warnings pass with output, XML escaped', (t) => {
	const xml = renderJunit(report, {cwd});
	t.true(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cc-dev lint" tests="3" failures="1" errors="0">'));
	t.true(xml.includes('<testsuite name="migrations/28a8c0e6e895_initial.sql" tests="1" failures="0"'));
	t.true(xml.includes('name="no findings"'));
	t.true(xml.includes('<failure type="index-not-concurrent" message="CREATE INDEX ix on users without CONCURRENTLY.">'));
	t.true(xml.includes('<system-out>migrations/b1b2c3d4e5f6_add_index.sql:9:3 warning rename\nColumn users.a renamed to b &lt;&amp;&gt; 100%, ok: yes.'));
	t.false(xml.includes('<&>'));
});

test('github: one annotation per finding with escaped properties and message', (t) => {
	const lines = renderGithub(report, {cwd}).trimEnd().split('\n');
	t.is(lines[0], '::error file=migrations/b1b2c3d4e5f6_add_index.sql,line=8,col=1,title=index-not-concurrent::CREATE INDEX ix on users without CONCURRENTLY.%0AWhy: It blocks writes.%0AFix: Use CONCURRENTLY, with "-- Transaction: none".');
	t.true(lines[1]?.startsWith('::warning file=migrations/b1b2c3d4e5f6_add_index.sql,line=9,col=3,title=rename::Column users.a renamed to b <&> 100%25, ok: yes.%0A'));
	t.is(lines[2], '1 error and 1 warning in 1 of 2 migration files.');
});

test('renderLintReport dispatches by reporter name', (t) => {
	t.is(renderLintReport('json', report, {cwd}), renderJson(report, {cwd}));
	t.is(renderLintReport('pretty', report, {cwd}), renderPretty(report, {cwd, color: false}));
});

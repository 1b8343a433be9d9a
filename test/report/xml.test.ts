import test from 'ava';
import type {CheckResult} from '../../source/core/checks/check.js';
import type {SuiteReport} from '../../source/core/checks/suite.js';
import type {LintFinding} from '../../source/core/lint/index.js';
import {renderJunit as renderLintJunit} from '../../source/report/lint/index.js';
import {renderJunit as renderSuiteJunit} from '../../source/report/suite/index.js';
import {escapeXml} from '../../source/report/xml.js';

/** XML 1.0's Char production: any character outside it makes the document ill-formed. */
const xmlDocument = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const hostile = 'a\u0000b\u0007c\u001Bd\uFFFEe\uFFFFf\uD800g\uDFFFh 😀 tab\there\r\nok';

test('escapeXml removes every character outside XML\'s Char production and keeps the rest', (t) => {
	const escaped = escapeXml(hostile);
	t.is(escaped, 'abcdefgh 😀 tab\there\r\nok');
	t.regex(escaped, xmlDocument);
	t.is(escapeXml('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
});

test('both JUnit reporters produce well-formed characters from hostile messages', (t) => {
	const finding: LintFinding = {rule: 'rename', severity: 'error', file: 'a.sql', path: '/p/a.sql', line: 1, column: 1, message: hostile, why: hostile, fix: hostile};
	const lint = renderLintJunit({files: ['/p/a.sql'], findings: [finding]}, {cwd: '/p'});
	t.regex(lint, xmlDocument);
	t.true(lint.includes('abcdefgh 😀'));
	const failed: CheckResult = {id: 'schema', title: hostile, passedTitle: 'schema', status: 'failed', detail: hostile, lines: [hostile], durationMs: 1, exitCode: 1};
	const report: SuiteReport = {target: 't', durationMs: 1, exitCode: 1, cancelled: false, warnings: [], scratchDatabases: [], checks: [failed]};
	const suite = renderSuiteJunit(report);
	t.regex(suite, xmlDocument);
	t.true(suite.includes('abcdefgh 😀'));
});

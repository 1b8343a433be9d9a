import test from 'ava';
import type {CheckResult} from '../../source/core/checks/check.js';
import type {SuiteReport} from '../../source/core/checks/suite.js';
import {renderJson, renderJunit, renderPrettySummary, renderTap} from '../../source/report/suite/index.js';
import {createStyle} from '../../source/report/style.js';

const check = (result: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status' | 'detail'>): CheckResult => ({title: result.id, passedTitle: `${result.id} working`, durationMs: 12.4, ...result});

const report: SuiteReport = {
	target: 'u@localhost:5432/db',
	durationMs: 1234,
	exitCode: 1,
	cancelled: false,
	warnings: [],
	scratchDatabases: [],
	checks: [
		check({id: 'connection', status: 'passed', detail: 'PostgreSQL 15.18', figure: 'PostgreSQL 15.18'}),
		check({id: 'schema', status: 'failed', detail: 'table <users> & "decks" differ', lines: ['missing column users.email (text)'], hint: 'Regenerate it.', exitCode: 1}),
		check({id: 'creation', status: 'skipped', detail: 'no templates'}),
	],
};

test('pretty: a tick, cross or dash per check with the figure in brackets, failure lines and hint, then the counts', (t) => {
	t.is(renderPrettySummary(report, {style: createStyle(false)}), [
		'✔ connection working (PostgreSQL 15.18)',
		'✖ schema: table <users> & "decks" differ',
		'    missing column users.email (text)',
		'    hint Regenerate it.',
		'- creation (skipped: no templates)',
		'',
		'1 passed, 1 failed, 1 skipped in 1.23 s',
	].join('\n'));
});

test('json: the checks array with rounded durations', (t) => {
	const parsed = JSON.parse(renderJson(report)) as {ok: boolean; checks: Array<Record<string, unknown>>};
	t.false(parsed.ok);
	t.deepEqual(parsed.checks[2], {id: 'creation', title: 'creation', status: 'skipped', durationMs: 12, detail: 'no templates'});
});

test('junit: escaped, with failure and skipped elements', (t) => {
	const xml = renderJunit(report);
	t.regex(xml, /<testsuite name="cc-dev test" tests="3" failures="1" errors="0" skipped="1" time="1\.234">/);
	t.regex(xml, /<failure message="table &lt;users&gt; &amp; &quot;decks&quot; differ" type="check">/);
	t.regex(xml, /<skipped message="no templates"\/>/);
});

test('tap: ok / not ok with a YAML block, SKIP directives', (t) => {
	const tap = renderTap(report);
	t.regex(tap, /^TAP version 14\n1\.\.3\nok 1 - connection working \(PostgreSQL 15\.18\)\n/);
	t.regex(tap, /^not ok 2 - schema\n {2}---\n {2}id: schema\n {2}detail: "table <users> & \\"decks\\" differ"\n {2}duration_ms: 12\n {2}lines:\n {4}- "missing column users\.email \(text\)"\n {2}hint: "Regenerate it\."\n {2}\.\.\.$/m);
	t.regex(tap, /^ok 3 - creation # SKIP no templates$/m);
});

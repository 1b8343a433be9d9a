import type {CheckResult} from '../../core/checks/check.js';
import type {SuiteReport} from '../../core/checks/suite.js';
import {escapeXml} from '../xml.js';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function testcase(result: CheckResult): string {
	const open = `    <testcase classname="cc-dev.test" name="${escapeXml(`${result.id}: ${result.title}`)}" time="${seconds(result.durationMs)}">`;
	const body = [result.detail, ...(result.lines ?? []), ...(result.hint ? [`hint: ${result.hint}`] : [])].join('\n');
	switch (result.status) {
		case 'passed':
			return `${open}\n      <system-out>${escapeXml(body)}</system-out>\n    </testcase>`;
		case 'failed':
			return `${open}\n      <failure message="${escapeXml(result.detail)}" type="${result.exitCode === 3 ? 'environment' : 'check'}">${escapeXml(body)}</failure>\n    </testcase>`;
		case 'skipped':
			return `${open}\n      <skipped message="${escapeXml(result.detail)}"/>\n    </testcase>`;
	}
}

/** `--reporter junit`: one testsuite, one testcase per check (for CI test report views). */
export function renderJunit(report: SuiteReport): string {
	const count = (status: CheckResult['status']) => report.checks.filter((result) => result.status === status).length;
	const attributes = `name="cc-dev test" tests="${report.checks.length}" failures="${count('failed')}" errors="0" skipped="${count('skipped')}" time="${seconds(report.durationMs)}"`;
	const cases = report.checks.map((result) => testcase(result));
	return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attributes}>\n  <testsuite ${attributes}>\n${cases.join('\n')}${cases.length > 0 ? '\n' : ''}  </testsuite>\n</testsuites>\n`;
}

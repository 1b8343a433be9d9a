import type {LintFinding} from '../../core/lint/index.js';
import {countSeverities, displayPath} from './report.js';
import type {LintReport, RenderOptions} from './report.js';
import {escapeXml} from '../xml.js';

function details(finding: LintFinding, shownPath: string): string {
	return escapeXml(`${shownPath}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule}\n${finding.message}\nWhy: ${finding.why}\nFix: ${finding.fix}`);
}

function testcase(finding: LintFinding, shownPath: string): string {
	const attributes = `classname="${escapeXml(shownPath)}" name="${escapeXml(`${finding.rule} at ${finding.line}:${finding.column}`)}" file="${escapeXml(shownPath)}" line="${finding.line}"`;
	if (finding.severity === 'error') {
		return `    <testcase ${attributes}>\n      <failure type="${finding.rule}" message="${escapeXml(finding.message)}">${details(finding, shownPath)}</failure>\n    </testcase>`;
	}
	// JUnit has no warnings: a warning is a passing case whose output says what was found.
	return `    <testcase ${attributes}>\n      <system-out>${details(finding, shownPath)}</system-out>\n    </testcase>`;
}

/** JUnit XML: one testsuite per file, one testcase per finding (errors fail, warnings pass with output). */
export function renderJunit(report: LintReport, options: RenderOptions = {}): string {
	const byFile = new Map<string, LintFinding[]>();
	for (const file of report.files) byFile.set(file, []);
	for (const finding of report.findings) {
		const list = byFile.get(finding.path);
		if (list) list.push(finding);
		else byFile.set(finding.path, [finding]);
	}
	const suites: string[] = [];
	let tests = 0;
	for (const [file, findings] of byFile) {
		const shownPath = displayPath(file, options.cwd);
		const cases = findings.length === 0 ? [`    <testcase classname="${escapeXml(shownPath)}" name="no findings" file="${escapeXml(shownPath)}"/>`] : findings.map((finding) => testcase(finding, shownPath));
		const {errors} = countSeverities(findings);
		tests += cases.length;
		suites.push(`  <testsuite name="${escapeXml(shownPath)}" tests="${cases.length}" failures="${errors}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
	}
	const {errors} = countSeverities(report.findings);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cc-dev lint" tests="${tests}" failures="${errors}" errors="0">\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}

import type {CheckResult} from '../../core/checks/check.js';
import type {SuiteReport} from '../../core/checks/suite.js';

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const scalar = (text: string): string => JSON.stringify(text);

function entry(result: CheckResult, number: number): string[] {
	const description = result.status === 'passed' && result.figure ? `${result.passedTitle} (${result.figure})` : result.title;
	if (result.status === 'skipped') return [`ok ${number} - ${description} # SKIP ${result.detail.replace(/\n/g, ' ')}`];
	const lines = [`${result.status === 'passed' ? 'ok' : 'not ok'} ${number} - ${description}`, '  ---', `  id: ${result.id}`, `  detail: ${scalar(result.detail)}`, `  duration_ms: ${Math.round(result.durationMs)}`];
	if (result.lines && result.lines.length > 0) lines.push('  lines:', ...result.lines.map((line) => `    - ${scalar(line)}`));
	if (result.hint) lines.push(`  hint: ${scalar(result.hint)}`);
	lines.push('  ...');
	return lines;
}

/** `--reporter tap`: TAP version 14, a YAML block with the detail of each check. */
export function renderTap(report: SuiteReport): string {
	const lines = ['TAP version 14', `1..${report.checks.length}`];
	for (const [index, result] of report.checks.entries()) lines.push(...entry(result, index + 1));
	for (const warning of report.warnings) lines.push(`# warning: ${warning}`);
	return `${lines.join('\n')}\n`;
}

import {displayPath, summaryLine} from './report.js';
import type {LintReport, RenderOptions} from './report.js';

/** Escapes a workflow command's message, as @actions/core does. */
function escapeData(text: string): string {
	return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property value. */
function escapeProperty(text: string): string {
	return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * GitHub Actions annotations, one `::error file=...,line=...,col=...,title=RULE::message` (or
 * `::warning`) per finding, then a plain summary line. Paths should be relative to the repository
 * root, which is the working directory of a workflow step.
 */
export function renderGithub(report: LintReport, options: RenderOptions = {}): string {
	const lines = report.findings.map((finding) => {
		const properties = [
			`file=${escapeProperty(displayPath(finding.path, options.cwd))}`,
			`line=${finding.line}`,
			`col=${finding.column}`,
			`title=${escapeProperty(finding.rule)}`,
		].join(',');
		const message = `${finding.message}\nWhy: ${finding.why}\nFix: ${finding.fix}`;
		return `::${finding.severity} ${properties}::${escapeData(message)}`;
	});
	lines.push(summaryLine(report));
	return `${lines.join('\n')}\n`;
}

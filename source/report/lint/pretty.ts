import type {LintFinding} from '../../core/lint/index.js';
import {countSeverities, displayPath, summaryLine} from './report.js';
import type {LintReport, RenderOptions} from './report.js';

export type PrettyOptions = RenderOptions & {
	/** ANSI colours. The caller decides: off for NO_COLOR or when the output is not a TTY. */
	readonly color: boolean;
	/** Wrap explanations at this many columns. Default 100. */
	readonly width?: number;
};

type Paint = (code: string, text: string) => string;

function wrap(text: string, width: number, indent: string): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (word === '') continue;
		if (line !== '' && indent.length + line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	if (line !== '') lines.push(line);
	return lines.join(`\n${indent}`);
}

function renderFinding(finding: LintFinding, options: PrettyOptions, paint: Paint): string {
	const width = options.width ?? 100;
	const location = `${displayPath(finding.path, options.cwd)}:${finding.line}:${finding.column}`;
	const severity = finding.severity === 'error' ? paint('31;1', 'error') : paint('33;1', 'warning');
	const indent = '       ';
	return [
		`${paint('1', location)} ${severity} ${paint('36', finding.rule)}`,
		`  ${wrap(finding.message, width, '  ')}`,
		`  ${paint('2', 'why')}  ${wrap(finding.why, width, indent)}`,
		`  ${paint('2', 'fix')}  ${wrap(finding.fix, width, indent)}`,
	].join('\n');
}

/** Human-readable findings, one block per finding, then a summary line. */
export function renderPretty(report: LintReport, options: PrettyOptions): string {
	const paint: Paint = options.color ? (code, text) => `\u001B[${code}m${text}\u001B[0m` : (_code, text) => text;
	const blocks = report.findings.map((finding) => renderFinding(finding, options, paint));
	const {errors, warnings} = countSeverities(report.findings);
	const summary = summaryLine(report);
	const mark = errors > 0 ? paint('31;1', '✖') : warnings > 0 ? paint('33;1', '!') : paint('32;1', '✔');
	return `${[...blocks, `${mark} ${summary}`].join('\n\n')}\n`;
}

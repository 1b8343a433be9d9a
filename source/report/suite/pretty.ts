import type {CheckResult, SuiteEvent} from '../../core/checks/check.js';
import type {SuiteReport} from '../../core/checks/suite.js';
import {formatDuration} from '../format.js';
import {symbols, type Style} from '../style.js';
import {plural} from '../../core/plural.js';

export type PrettyOptions = {
	readonly style: Style;
	/** Lines of a failure's detail shown in the summary (default 40); --json has them all. */
	readonly maxLines?: number;
};

function mark(result: CheckResult, style: Style): string {
	if (result.status === 'passed') return style.green(symbols.tick);
	if (result.status === 'failed') return style.red(symbols.cross);
	return style.dim('-');
}

/** The live list: one line per check as it finishes (stderr, while the suite runs). */
export function prettyEventLine(event: SuiteEvent, style: Style): string | undefined {
	switch (event.type) {
		case 'suite-start':
			return style.dim(`cc-dev test: ${plural(event.checks.length, 'check')} against ${event.target} (in scratch databases)`);
		case 'check-start':
			return undefined;
		case 'check-done': {
			const {result} = event;
			const counter = style.dim(`[${event.index + 1}/${event.total}]`);
			const time = result.status === 'skipped' ? '' : ` ${style.dim(formatDuration(result.durationMs))}`;
			return `${counter} ${mark(result, style)} ${result.title}${time}  ${style.dim(result.detail)}`;
		}
	}
}

function summaryLine(result: CheckResult, style: Style): string {
	switch (result.status) {
		case 'passed':
			return `${mark(result, style)} ${result.passedTitle}${result.figure ? ` (${result.figure})` : ''}`;
		case 'failed':
			return `${mark(result, style)} ${result.title}: ${result.detail}`;
		case 'skipped':
			return `${mark(result, style)} ${result.title} ${style.dim(`(skipped: ${result.detail})`)}`;
	}
}

/** The closing summary, in the shape of the original test_migrations.sh: a tick or cross per check, figures in brackets. */
export function renderPrettySummary(report: SuiteReport, options: PrettyOptions): string {
	const {style} = options;
	const maxLines = options.maxLines ?? 40;
	const lines: string[] = [];
	for (const result of report.checks) {
		lines.push(summaryLine(result, style));
		const extra = result.status === 'skipped' ? [] : (result.lines ?? []);
		lines.push(...extra.slice(0, maxLines).map((line) => `    ${colourDiffLine(line, style)}`));
		const hidden = extra.length - maxLines;
		if (hidden > 0) lines.push(style.dim(`    ... ${plural(hidden, 'more line')} (--reporter json shows them all)`));
		if (result.status === 'failed' && result.hint) lines.push(...result.hint.split('\n').map((line) => `    ${style.cyan('hint')} ${line}`));
	}
	for (const warning of report.warnings) lines.push(`${style.yellow(symbols.warning)} ${warning}`);
	const count = (status: CheckResult['status']) => report.checks.filter((result) => result.status === status).length;
	const parts = [`${count('passed')} passed`, ...(count('failed') > 0 ? [style.red(`${count('failed')} failed`)] : []), ...(count('skipped') > 0 ? [`${count('skipped')} skipped`] : [])];
	lines.push('', `${parts.join(', ')} in ${formatDuration(report.durationMs)}${report.cancelled ? style.yellow(' (cancelled; scratch databases dropped)') : ''}`);
	return lines.join('\n');
}

function colourDiffLine(line: string, style: Style): string {
	if (line.startsWith('+') && !line.startsWith('+++')) return style.green(line);
	if (line.startsWith('-') && !line.startsWith('---')) return style.red(line);
	if (line.startsWith('@@')) return style.cyan(line);
	return line;
}

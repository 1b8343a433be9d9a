import {renderGithub} from './github.js';
import {renderJson} from './json.js';
import {renderJunit} from './junit.js';
import {renderPretty} from './pretty.js';
import type {LintReport, RenderOptions} from './report.js';

export {renderGithub} from './github.js';
export {renderJson} from './json.js';
export {renderJunit} from './junit.js';
export {renderPretty} from './pretty.js';
export type {PrettyOptions} from './pretty.js';
export {displayPath, summaryLine} from './report.js';
export type {LintReport, RenderOptions} from './report.js';

export const lintReporters = ['pretty', 'json', 'junit', 'github'] as const;
export type LintReporter = (typeof lintReporters)[number];

export function isLintReporter(name: string): name is LintReporter {
	return (lintReporters as readonly string[]).includes(name);
}

/** Renders a lint report in the chosen format. `color` only affects `pretty`. */
export function renderLintReport(reporter: LintReporter, report: LintReport, options: RenderOptions & {readonly color?: boolean} = {}): string {
	switch (reporter) {
		case 'pretty':
			return renderPretty(report, {...options, color: options.color ?? false});
		case 'json':
			return renderJson(report, options);
		case 'junit':
			return renderJunit(report, options);
		case 'github':
			return renderGithub(report, options);
	}
}

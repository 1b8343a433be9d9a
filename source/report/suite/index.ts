import type {SuiteReport} from '../../core/checks/suite.js';
import type {Style} from '../style.js';
import {renderJson} from './json.js';
import {renderJunit} from './junit.js';
import {renderPrettySummary} from './pretty.js';
import {renderTap} from './tap.js';

export {prettyEventLine, renderPrettySummary} from './pretty.js';
export {renderJson} from './json.js';
export {renderJunit} from './junit.js';
export {renderTap} from './tap.js';

export const suiteReporters = ['pretty', 'json', 'junit', 'tap'] as const;
export type SuiteReporter = (typeof suiteReporters)[number];

export function isSuiteReporter(name: string): name is SuiteReporter {
	return (suiteReporters as readonly string[]).includes(name);
}

/** The final report of `cc-dev test` in the chosen format (pretty: the summary; the live list is separate). */
export function renderSuiteReport(reporter: SuiteReporter, report: SuiteReport, style: Style): string {
	switch (reporter) {
		case 'pretty':
			return renderPrettySummary(report, {style});
		case 'json':
			return renderJson(report);
		case 'junit':
			return renderJunit(report);
		case 'tap':
			return renderTap(report);
	}
}

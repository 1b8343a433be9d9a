import {countSeverities, displayPath} from './report.js';
import type {LintReport, RenderOptions} from './report.js';

/** The findings as one JSON document (format version 1), paths relative to `cwd`. */
export function renderJson(report: LintReport, options: RenderOptions = {}): string {
	const {errors, warnings} = countSeverities(report.findings);
	const document = {
		version: 1,
		files: report.files.length,
		errors,
		warnings,
		findings: report.findings.map((finding) => ({...finding, path: displayPath(finding.path, options.cwd)})),
	};
	return `${JSON.stringify(document, null, 2)}\n`;
}

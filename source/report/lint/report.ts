import path from 'node:path';
import type {LintFinding} from '../../core/lint/index.js';
import {groupThousands, plural} from '../../core/plural.js';

/** What a lint renderer shows: the files that were linted and what was found in them. */
export type LintReport = {
	/** Paths of every linted file, findings or not (JUnit lists them all; summaries count them). */
	readonly files: readonly string[];
	readonly findings: readonly LintFinding[];
};

export type RenderOptions = {
	/** Paths are shown relative to this folder when they are inside it. Default: shown as given. */
	readonly cwd?: string;
};

/** A path for display: relative to `cwd` when inside it, with forward slashes. */
export function displayPath(filePath: string, cwd: string | undefined): string {
	if (cwd === undefined) return filePath;
	const relative = path.relative(cwd, filePath);
	const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative;
	return shown.split(path.sep).join('/');
}

export function countSeverities(findings: readonly LintFinding[]): {errors: number; warnings: number} {
	let errors = 0;
	for (const finding of findings) if (finding.severity === 'error') errors++;
	return {errors, warnings: findings.length - errors};
}


/** "3 errors and 1 warning in 2 of 12 files", or "No problems in 12 files". */
export function summaryLine(report: LintReport): string {
	const {errors, warnings} = countSeverities(report.findings);
	const files = plural(report.files.length, 'migration file');
	if (errors + warnings === 0) return `No problems in ${files}.`;
	const withFindings = new Set(report.findings.map((finding) => finding.path)).size;
	const parts = [errors > 0 ? plural(errors, 'error') : undefined, warnings > 0 ? plural(warnings, 'warning') : undefined].filter(Boolean);
	return `${parts.join(' and ')} in ${groupThousands(withFindings)} of ${files}.`;
}

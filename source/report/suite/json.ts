import type {SuiteReport} from '../../core/checks/suite.js';

/** `--reporter json`: one object with a `checks` array of {id, title, status, durationMs, detail} (plus figure, lines, hint when there are some). */
export function renderJson(report: SuiteReport): string {
	return JSON.stringify(
		{
			ok: report.exitCode === 0,
			exitCode: report.exitCode,
			target: report.target,
			durationMs: Math.round(report.durationMs),
			cancelled: report.cancelled,
			checks: report.checks.map((result) => ({
				id: result.id,
				title: result.title,
				status: result.status,
				durationMs: Math.round(result.durationMs),
				detail: result.detail,
				...(result.figure ? {figure: result.figure} : {}),
				...(result.lines && result.lines.length > 0 ? {lines: result.lines} : {}),
				...(result.hint ? {hint: result.hint} : {}),
			})),
			warnings: report.warnings,
		},
		null,
		2,
	);
}

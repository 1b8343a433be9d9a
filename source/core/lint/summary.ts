import type {LintFinding} from './types.js';

export type LintSummary = {
	readonly errors: number;
	readonly warnings: number;
	/** Files with at least one finding. */
	readonly filesWithFindings: number;
};

export function summarizeFindings(findings: readonly LintFinding[]): LintSummary {
	let errors = 0;
	let warnings = 0;
	const files = new Set<string>();
	for (const finding of findings) {
		if (finding.severity === 'error') errors++;
		else warnings++;
		files.add(finding.path);
	}
	return {errors, warnings, filesWithFindings: files.size};
}

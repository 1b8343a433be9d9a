import type {Migration} from '../migrations/migration.js';
import type {LineIndex} from './line-index.js';
import type {SqlComment} from '../sql/scan-sql.js';

/** The comment directive: `-- cc-dev-lint-disable RULE[, RULE...]: reason`. */
export const suppressionDirective = 'cc-dev-lint-disable';

/** One `-- cc-dev-lint-disable` comment. */
export type Suppression = {
	/** The rule ids as written (possibly unknown ones). */
	readonly rules: readonly string[];
	/** The text after the colon, trimmed; empty when there is none. */
	readonly reason: string;
	/** `file`: in the header before `-- migrate:up`, for the whole file; `statement`: for the statement it sits on or above. */
	readonly scope: 'file' | 'statement';
	/** 1-based file line and column of the comment. */
	readonly line: number;
	readonly column: number;
	/** The rule ids this comment actually suppressed a finding of. */
	readonly used: Set<string>;
};

/** The rules and reason of a comment body (the text after `--`), or undefined when it is not a suppression. */
export function parseDirective(body: string): {rules: string[]; reason: string} | undefined {
	const text = body.trim();
	if (!text.startsWith(suppressionDirective)) return undefined;
	const rest = text.slice(suppressionDirective.length);
	if (rest !== '' && !/^[\s:,]/.test(rest)) return undefined;
	const colon = rest.indexOf(':');
	const list = colon === -1 ? rest : rest.slice(0, colon);
	const reason = colon === -1 ? '' : rest.slice(colon + 1).trim();
	const rules = list
		.split(/[\s,]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
	return {rules, reason};
}

/** The suppressions in the header block of a migration file (the comment lines before `-- migrate:up`). */
export function fileSuppressions(migration: Migration, lines: LineIndex): Suppression[] {
	const headerEnd = lines.lineStart(migration.up.line - 1);
	const suppressions: Suppression[] = [];
	let start = 0;
	while (start < headerEnd) {
		const newline = migration.text.indexOf('\n', start);
		const end = newline === -1 || newline > headerEnd ? headerEnd : newline;
		const line = migration.text.slice(start, end);
		const trimmed = line.trimStart();
		if (trimmed.startsWith('--')) {
			const directive = parseDirective(trimmed.slice(2));
			if (directive) {
				const position = lines.positionAt(start + line.length - trimmed.length);
				suppressions.push({...directive, scope: 'file', line: position.line, column: position.column, used: new Set()});
			}
		}
		start = end + 1;
	}
	return suppressions;
}

/** The suppressions among a section's comments; `toFileOffset` maps a section index to a file offset. */
export function statementSuppressions(comments: readonly SqlComment[], lines: LineIndex, toFileOffset: (index: number) => number): Suppression[] {
	const suppressions: Suppression[] = [];
	for (const comment of comments) {
		if (comment.kind !== 'line') continue;
		const directive = parseDirective(comment.body);
		if (!directive) continue;
		const position = lines.positionAt(toFileOffset(comment.start));
		suppressions.push({...directive, scope: 'statement', line: position.line, column: position.column, used: new Set()});
	}
	return suppressions;
}

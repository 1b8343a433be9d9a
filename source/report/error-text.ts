import {isCcDevError} from '../core/errors.js';
import {redact} from '../core/redact.js';
import type {Style} from './style.js';

/** How an error is shown: the message, the hint, and the stack only with --verbose. */
export function errorText(error: unknown, style: Style, verbose: boolean): string {
	const lines: string[] = [];
	if (isCcDevError(error)) {
		lines.push(`${style.red('error')} ${error.message}`);
		const excerpt = (error as {excerpt?: string}).excerpt;
		if (excerpt) lines.push(style.dim(excerpt));
		if (error.hint) lines.push(...error.hint.split('\n').map((line) => `${style.cyan('hint')}  ${line}`));
		if (verbose && error.cause instanceof Error) lines.push(style.dim(error.cause.stack ?? String(error.cause)));
	} else {
		const message = error instanceof Error ? error.message : String(error);
		lines.push(`${style.red('error')} unexpected: ${message}`);
		lines.push(verbose && error instanceof Error ? style.dim(error.stack ?? '') : style.dim('Run again with --verbose for the stack trace, and report it if it persists.'));
	}
	return redact(lines.join('\n'));
}

export function errorJson(error: unknown): Record<string, unknown> {
	if (isCcDevError(error)) {
		const extra = error as unknown as {file?: string; line?: number; column?: number; sqlState?: string};
		return {
			error: redact(error.message),
			hint: error.hint === undefined ? undefined : redact(error.hint),
			exitCode: error.exitCode,
			...(extra.file ? {file: extra.file, line: extra.line, column: extra.column, sqlState: extra.sqlState} : {}),
		};
	}
	return {error: redact(error instanceof Error ? error.message : String(error)), exitCode: 1};
}

import {CancelledError, isCcDevError} from '../../core/errors.js';
import {redact} from '../../core/redact.js';
import type {ErrorInfo} from './task-state.js';

/** An error as the app shows it: message, hint and SQL excerpt; the stack only with --verbose. */
export function errorInfo(error: unknown, verbose = false): ErrorInfo {
	if (isCcDevError(error)) {
		const excerpt = (error as {excerpt?: string}).excerpt;
		const stack = verbose && error.cause instanceof Error ? error.cause.stack : undefined;
		return {
			message: redact(error.message),
			...(error.hint ? {hint: redact(error.hint)} : {}),
			...(excerpt || stack ? {excerpt: redact([excerpt, stack].filter(Boolean).join('\n'))} : {}),
		};
	}
	const message = error instanceof Error ? error.message : String(error);
	return {
		message: redact(`unexpected: ${message}`),
		hint: 'Run cc-dev --verbose for the stack trace, and report it if it persists.',
		...(verbose && error instanceof Error && error.stack ? {excerpt: redact(error.stack)} : {}),
	};
}

export function isCancellation(error: unknown, signal: AbortSignal): boolean {
	return error instanceof CancelledError || signal.aborted;
}

/**
 * Exit codes, as documented in the README:
 * 0 ok, 1 a check or migration failed, 2 bad usage or bad input files, 3 environment problem.
 */
export type ExitCode = 0 | 1 | 2 | 3;

export type ErrorOptions = {
	/** What the user can do about it, one or two sentences. */
	readonly hint?: string;
	/** The underlying error, kept for `--verbose`. */
	readonly cause?: unknown;
};

/** Every expected failure of cc-dev: a message, a hint and an exit code, never a stack trace. */
export class CcDevError extends Error {
	readonly exitCode: ExitCode;
	readonly hint: string | undefined;

	constructor(message: string, exitCode: ExitCode, options: ErrorOptions = {}) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.exitCode = exitCode;
		this.hint = options.hint;
	}

	override get name(): string {
		return this.constructor.name;
	}
}

/** Bad flags or arguments (exit 2). */
export class UsageError extends CcDevError {
	constructor(message: string, options?: ErrorOptions) {
		super(message, 2, options);
	}
}

/** Bad input files: migrations, docker-compose.yml, dumps (exit 2). */
export class InputError extends CcDevError {
	constructor(message: string, options?: ErrorOptions) {
		super(message, 2, options);
	}
}

/** The environment is not usable: database unreachable, wrong password, Docker missing (exit 3). */
export class EnvironmentError extends CcDevError {
	constructor(message: string, options?: ErrorOptions) {
		super(message, 3, options);
	}
}

/** A migration or a check failed (exit 1). */
export class FailureError extends CcDevError {
	constructor(message: string, options?: ErrorOptions) {
		super(message, 1, options);
	}
}

/** The user cancelled (Ctrl-C): exit 1 after cleaning up. */
export class CancelledError extends CcDevError {
	constructor(message = 'Cancelled.', options?: ErrorOptions) {
		super(message, 1, options);
	}
}

export function isCcDevError(error: unknown): error is CcDevError {
	return error instanceof CcDevError;
}

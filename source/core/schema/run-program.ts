import {execFile} from 'node:child_process';

export type ProgramResult = {readonly stdout: string; readonly stderr: string; readonly exitCode: number};

export type ProgramOptions = {
	/** Added to (and overriding) this process's environment. */
	readonly env?: Readonly<Record<string, string>>;
	readonly signal?: AbortSignal;
	readonly timeoutMs?: number;
};

/**
 * Runs a program and collects its output. node:child_process rather than execa on purpose: execa's
 * import alone takes longer than a whole pg_dump of the schema, and `cc-dev dump` must stay close
 * to plain pg_dump. A program that cannot start rejects; a non-zero exit resolves with its code.
 */
export function runProgram(file: string, args: readonly string[], options: ProgramOptions = {}): Promise<ProgramResult> {
	return new Promise((resolve, reject) => {
		execFile(
			file,
			[...args],
			{
				encoding: 'utf8',
				maxBuffer: 512 * 1024 * 1024,
				env: {...process.env, ...options.env},
				...(options.signal ? {signal: options.signal} : {}),
				...(options.timeoutMs ? {timeout: options.timeoutMs} : {}),
			},
			(error, stdout, stderr) => {
				if (!error) return resolve({stdout, stderr, exitCode: 0});
				const failure = error as NodeJS.ErrnoException & {code?: string | number};
				if (typeof failure.code === 'number') return resolve({stdout, stderr, exitCode: failure.code});
				reject(error);
			},
		);
	});
}

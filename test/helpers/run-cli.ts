import path from 'node:path';
import {execa} from 'execa';
import {repoRoot} from './database.js';

/** The bin users run (`npx cc-dev`, the Railway pre-deploy command): what every CLI test starts. */
export const cliBin = path.join(repoRoot, 'bin', 'cc-dev.js');

export type CliResult = {exitCode: number; stdout: string; stderr: string; durationMs: number};

/**
 * Runs the built binary (bin/cc-dev.js -> dist/) as a user would, without a terminal, as
 * `node bin/cc-dev.js` (the Railway pre-deploy command; test/commands/v8-flags.test.ts shows that
 * every way of starting it runs the same).
 */
export async function runCli(args: string[], options: {env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number} = {}): Promise<CliResult> {
	const started = Date.now();
	const result = await execa(process.execPath, [cliBin, ...args], {
		cwd: options.cwd ?? repoRoot,
		env: {DATABASE_URL: undefined, CC_DEV_PROVIDER: undefined, NO_COLOR: '1', ...options.env},
		extendEnv: true,
		reject: false,
		stdin: 'ignore',
		// Generous: a command takes a minute on a two-core machine running three copies of the suite; only a hung one reaches it.
		timeout: options.timeoutMs ?? 240_000,
	});
	return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr), durationMs: Date.now() - started};
}

/** A stack trace line, which users must not see without --verbose. */
export const stackLine = /^\s+at .+\(.+:\d+:\d+\)$/m;

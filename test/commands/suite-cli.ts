import {execa, type ResultPromise} from 'execa';
import type {ConnectionTarget} from '../../source/core/database/target.js';
import {repoRoot} from '../helpers/database.js';
import {cliBin} from '../helpers/run-cli.js';

export type CliOptions = {
	readonly cwd?: string;
	readonly env?: Readonly<Record<string, string | undefined>>;
};

/** The environment of a CLI run: DATABASE_URL at the target, no colours, nothing of the developer's cc-dev settings. */
export function cliEnv(target: ConnectionTarget | undefined, extra: CliOptions['env'] = {}): Record<string, string | undefined> {
	const env: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, RAILWAY_ENVIRONMENT: undefined, CC_DEV_PROJECT: undefined, CC_DEV_PG_DUMP: undefined, CC_DEV_MIGRATIONS_DIR: undefined};
	env['DATABASE_URL'] = target?.url;
	return {...env, ...extra};
}

/** Spawns the built binary as `node bin/cc-dev.js` (run `npx tsc -p tsconfig.build.json` first). */
export function spawnCli(args: readonly string[], target: ConnectionTarget | undefined, options: CliOptions = {}): ResultPromise<{reject: false; extendEnv: false}> {
	return execa(process.execPath, [cliBin, ...args], {cwd: options.cwd ?? repoRoot, env: cliEnv(target, options.env), extendEnv: false, reject: false});
}

export async function runCli(args: readonly string[], target: ConnectionTarget | undefined, options: CliOptions = {}): Promise<{exitCode: number; stdout: string; stderr: string}> {
	const result = await spawnCli(args, target, options);
	return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
}

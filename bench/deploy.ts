/**
 * `cc-dev deploy` with nothing pending, as a Railway start would run it: from process start to
 * the exec of the start command (target: under 400 ms on a reachable database), next to the
 * Node start-up of `cc-dev --version` measured in the same run.
 */
import path from 'node:path';
import {execa} from 'execa';
import type {ConnectionTarget} from '../source/core/database/target.js';
import {adminRun, median, repoRoot, scratch, startBenchServer, timed} from './bench-server.js';

const cli = path.join(repoRoot, 'bin', 'cc-dev.js');

function environment(target: ConnectionTarget): NodeJS.ProcessEnv {
	// The bin through its shebang with the project's Node first in PATH, as npx starts it (`node bin/cc-dev.js` runs the same: test/commands/v8-flags.test.ts).
	const env: NodeJS.ProcessEnv = {...process.env, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`, DATABASE_URL: target.url, NO_COLOR: '1', RAILWAY_ENVIRONMENT: 'production'};
	delete env['CC_DEV_PROJECT'];
	return env;
}

async function deploy(target: ConnectionTarget, rest: readonly string[] = []): Promise<string> {
	const result = await execa(cli, ['deploy', ...(rest.length > 0 ? ['--', ...rest] : [])], {cwd: repoRoot, env: environment(target), reject: false});
	if (result.exitCode !== 0) throw new Error(`cc-dev deploy exited ${result.exitCode}: ${result.stderr.slice(-400)}`);
	return result.stdout;
}

/** Milliseconds from spawning cc-dev to the exec of its start command (`date` prints the moment it runs). */
async function toExec(target: ConnectionTarget): Promise<number> {
	const started = Date.now();
	const output = await deploy(target, ['date', '+%s%N']);
	const line = output.split('\n').find((text) => /^\d{19}$/.test(text));
	if (!line) throw new Error(`the start command printed no timestamp:\n${output}`);
	return Number(BigInt(line) / 1000n) / 1000 - started;
}

export async function benchDeploy(rounds = 9): Promise<Array<{name: string; ms: number; baselineName?: string; baselineMs?: number; target?: string}>> {
	const server = await startBenchServer();
	const target = await scratch(server, 'bench_deploy');
	try {
		await deploy(target);
		const exec: number[] = [];
		const whole: number[] = [];
		const startUp: number[] = [];
		for (let round = 0; round < rounds; round++) {
			exec.push(await toExec(target));
			whole.push(await timed(() => deploy(target)));
			startUp.push(await timed(() => execa(process.execPath, [cli, '--version'], {cwd: repoRoot})));
		}
		return [
			{name: 'deploy, nothing pending: process start to the start command\'s exec', ms: median(exec), baselineName: 'cc-dev --version (Node start-up)', baselineMs: median(startUp), target: 'under 400 ms'},
			{name: 'deploy, nothing pending, no start command (whole process)', ms: median(whole), baselineName: 'cc-dev --version (Node start-up)', baselineMs: median(startUp)},
		];
	} finally {
		await adminRun(server, 'DROP DATABASE IF EXISTS bench_deploy WITH (FORCE)');
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
	for (const row of await benchDeploy()) process.stdout.write(`${JSON.stringify(row)}\n`);
	process.exit(0);
}

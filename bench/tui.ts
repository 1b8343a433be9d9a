/**
 * The interactive app's start: from `cc-dev` typed in a terminal (a tmux pane of 80x24) to the
 * first full frame with the header filled in, against a running database (target: under 500 ms).
 * The baseline is `cc-dev --version` in the same harness: Node's start plus the harness itself.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {loadConfig} from '../source/core/config/load-config.js';
import {createEmbeddedProvider} from '../source/core/providers/embedded.js';
import {isPortInUse} from '../source/core/providers/port-check.js';
import {median, repoRoot, tempDir} from './bench-server.js';

const headerFilled = /revision .*(pending|not running)/;

function tmux(args: readonly string[]): string {
	return execFileSync('tmux', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
}

async function freePort(): Promise<number> {
	for (let port = 54370; port <= 54390; port++) if (!(await isPortInUse(port))) return port;
	throw new Error('no free port in 54370-54390');
}

/** A project copy: migrations/, a compose file on its own port, state in the folder; its database running. The folder goes with the part's (removeTempDirs). */
async function project(): Promise<{dir: string; env: Record<string, string>; stop: () => Promise<void>}> {
	const dir = tempDir('cc-dev-bench-tui-');
	chmodSync(dir, 0o755);
	mkdirSync(path.join(dir, 'migrations'));
	for (const name of readdirSync(path.join(repoRoot, 'migrations'))) copyFileSync(path.join(repoRoot, 'migrations', name), path.join(dir, 'migrations', name));
	const port = await freePort();
	writeFileSync(path.join(dir, 'docker-compose.yml'), readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8').replace(/127\.0\.0\.1:5432:5432/, `127.0.0.1:${port}:5432`));
	const env = {CC_DEV_STATE_DIR: path.join(dir, '.cc-dev'), CC_DEV_PROVIDER: 'embedded', CC_DEV_EMBEDDED_FSYNC: 'off'};
	const provider = createEmbeddedProvider(loadConfig({cwd: dir}, {...process.env, ...env, DATABASE_URL: ''}));
	try {
		await provider.start();
	} catch (error) {
		await provider.destroy().catch(() => {});
		throw error;
	}
	return {dir, env, stop: () => provider.destroy()};
}

/** Milliseconds from starting `args` in a new 80x24 tmux pane until the pane shows `done`. */
async function timeToScreen(dir: string, env: Record<string, string>, args: readonly string[], done: RegExp): Promise<number> {
	const session = `cc-dev-bench-${process.pid}`;
	const command = ['env', '-u', 'DATABASE_URL', ...Object.entries(env).map(([key, value]) => `${key}=${value}`), process.execPath, path.join(repoRoot, 'bin', 'cc-dev.js'), ...args, ';', 'sleep', '5'].map((word) => (word === ';' ? word : `'${word}'`)).join(' ');
	const started = performance.now();
	tmux(['new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', dir, command]);
	try {
		for (;;) {
			if (done.test(tmux(['capture-pane', '-p', '-t', session]))) return performance.now() - started;
			if (performance.now() - started > 10_000) throw new Error(`the screen did not show ${done} within 10 s`);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
	} finally {
		spawnSync('tmux', ['kill-session', '-t', session]);
	}
}

export async function benchTui(rounds = 7): Promise<Array<{name: string; ms: number; baselineName?: string; baselineMs?: number; target?: string}>> {
	if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux is not installed (apt-get install -y tmux)');
	const {dir, env, stop} = await project();
	try {
		await timeToScreen(dir, env, [], headerFilled);
		const app: number[] = [];
		const version: number[] = [];
		for (let round = 0; round < rounds; round++) {
			app.push(await timeToScreen(dir, env, [], headerFilled));
			version.push(await timeToScreen(dir, env, ['--version'], /^\d+\.\d+\.\d+/m));
		}
		return [
			{name: `the app (node bin/cc-dev.js in a terminal): first frame with the header filled (median of ${rounds}, 80x24 tmux)`, ms: median(app), baselineName: 'cc-dev --version', baselineMs: median(version), target: '< 500 ms'},
			{name: '  the fastest first frame', ms: Math.min(...app)},
		];
	} finally {
		await stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const row of await benchTui()) process.stdout.write(`${row.name}: ${row.ms.toFixed(0)} ms${row.baselineMs ? ` (${row.baselineName}: ${row.baselineMs.toFixed(0)} ms)` : ''}\n`);
	process.exit(0);
}

import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {loadConfig} from '../../source/core/config/load-config.js';
import {createEmbeddedProvider} from '../../source/core/providers/embedded.js';
import {repoRoot} from '../helpers/database.js';
import {reservePort} from '../helpers/free-port.js';
import {cliBin} from '../helpers/run-cli.js';
import {makeTempFolder} from '../helpers/temp-folder.js';
import {eventually} from '../helpers/until.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A copy of the project: migrations/, a docker-compose.yml on a free port, its own state folder. */
export type Project = {readonly dir: string; readonly port: number; readonly env: Readonly<Record<string, string>>; remove(): Promise<void>};

export async function createProject(): Promise<Project> {
	const dir = makeTempFolder('cc-dev-e2e-');
	let reserved: Awaited<ReturnType<typeof reservePort>>;
	try {
		chmodSync(dir, 0o755); // the embedded server runs as the postgres user when the tests run as root
		mkdirSync(path.join(dir, 'migrations'));
		for (const name of readdirSync(path.join(repoRoot, 'migrations'))) copyFileSync(path.join(repoRoot, 'migrations', name), path.join(dir, 'migrations', name));
		// Claimed against the other copies of the suite until remove(), and bound to check that nothing else holds it.
		reserved = await reservePort();
	} catch (error) {
		rmSync(dir, {recursive: true, force: true});
		throw error;
	}
	const {port, release} = reserved;
	writeFileSync(path.join(dir, 'docker-compose.yml'), readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8').replace(/127\.0\.0\.1:5432:5432/, `127.0.0.1:${port}:5432`));
	const env = {CC_DEV_STATE_DIR: path.join(dir, '.cc-dev'), CC_DEV_PROVIDER: 'embedded', CC_DEV_EMBEDDED_FSYNC: 'off'};
	return {
		dir,
		port,
		env,
		async remove() {
			const config = loadConfig({cwd: dir}, {...process.env, ...env, DATABASE_URL: ''});
			await createEmbeddedProvider(config).destroy().catch(() => {});
			rmSync(dir, {recursive: true, force: true});
			release();
		},
	};
}

const quote = (word: string): string => `'${word.replace(/'/g, "'\\''")}'`;

/** `cc-dev` running in a detached tmux pane: keys in, screens out. */
export type TmuxSession = {
	/** The pane as text (with `withEscapes`, colours included). */
	screen(withEscapes?: boolean): string;
	/** Waits until the pane matches, then returns it; the error shows the last screen. */
	waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
	/** tmux key names (Enter, Down, C-c). Keys for a new screen or prompt wait until waitFor has seen it. */
	keys(...keys: string[]): Promise<void>;
	type(text: string): Promise<void>;
	resize(columns: number, rows: number): void;
	kill(): void;
};

export function startSession(project: Project, options: {columns?: number; rows?: number; env?: Record<string, string>; args?: string[]} = {}): TmuxSession {
	const name = `cc-dev-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const env = {...project.env, ...options.env};
	const command = [
		'env',
		'-u',
		'DATABASE_URL',
		'-u',
		'CI',
		...Object.entries(env).map(([key, value]) => `${key}=${value}`),
		process.execPath,
		cliBin,
		...(options.args ?? []),
	]
		.map(quote)
		.join(' ');
	execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), '-c', project.dir, `${command}; echo "cc-dev exited $?"; sleep 60`]);
	const screen = (withEscapes = false): string => execFileSync('tmux', ['capture-pane', '-p', ...(withEscapes ? ['-e'] : []), '-t', name], {encoding: 'utf8'});
	return {
		screen,
		async waitFor(pattern, timeoutMs = 60_000) {
			let text = '';
			if (await eventually(() => pattern.test((text = screen())), timeoutMs)) return text;
			throw new Error(`The screen did not show ${pattern} within ${timeoutMs} ms. It shows:\n${text}`);
		},
		async keys(...keys) {
			for (const key of keys) execFileSync('tmux', ['send-keys', '-t', name, key]);
		},
		async type(text) {
			execFileSync('tmux', ['send-keys', '-t', name, '-l', text]);
		},
		resize(columns, rows) {
			execFileSync('tmux', ['resize-window', '-t', name, '-x', String(columns), '-y', String(rows)]);
		},
		kill() {
			spawnSync('tmux', ['kill-session', '-t', name]);
		},
	};
}

import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';
import {ensureDockerEngine} from '../helpers/docker-engine.js';
import {dockerPort, makeProject} from './docker-project.js';
import {eventually} from '../helpers/until.js';

const execFileAsync = promisify(execFile);
const engine = await ensureDockerEngine();
const runner = fileURLToPath(new URL('psql-tty-run.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const hasTmux = await execFileAsync('tmux', ['-V']).then(() => true, () => false);

if (!engine.available) {
	test.skip(`interactive psql test skipped: no Docker engine (${engine.reason})`, () => {});
} else if (!hasTmux) {
	test.skip('interactive psql test skipped: tmux is not installed (apt-get install tmux)', () => {});
} else {
	test('db psql on a terminal: a TTY of the terminal size inside the container (resized along), keys go through, exit code comes back', async (t) => {
		const port = await dockerPort(t);
		const project = makeProject(t, engine, {port});
		await project.provider.start();
		const tmux = (...args: string[]) => execFileAsync('tmux', ['-L', `ccdt-${process.pid}`, ...args]);
		const variables = ['DOCKER_HOST', 'CC_DEV_DB_IMAGE', 'CC_DEV_DOCKER_NETWORK'].map((name) => `${name}=${project.env[name] ?? ''}`);
		const command = ['env', ...variables, process.execPath, '--import=tsx', runner, project.dir].map((word) => `'${word}'`).join(' ');
		await tmux('new-session', '-d', '-x', '100', '-y', '30', '-c', repoRoot, `${command}; sleep 30`);
		t.teardown(() => tmux('kill-server').catch(() => {}));
		const screen = async () => (await tmux('capture-pane', '-p')).stdout;
		const waitFor = async (pattern: RegExp) => {
			if (await eventually(async () => pattern.test(await screen()), 60_000)) return;
			t.fail(`timed out waiting for ${pattern}; screen:\n${await screen()}`);
		};
		await waitFor(/cognition_curator_dev=#/);
		const type = async (line: string) => {
			await tmux('send-keys', '-l', line);
			await tmux('send-keys', 'Enter');
		};
		await type("SELECT 6 * 7 AS answer, current_setting('port') AS port \\g");
		await waitFor(new RegExp(`\\b42 \\| ${port}\\b`));
		await type('\\! stty size');
		await waitFor(/^30 100$/m);
		await tmux('resize-window', '-x', '90', '-y', '25');
		// The new size reaches the container's TTY a moment later: ask again until it answers with it.
		let size = '';
		for (let asked = 1; size !== '25 90' && asked <= 50; asked++) {
			await type(`\\! echo size-${asked}; stty size`);
			await waitFor(new RegExp(`^size-${asked}\\n\\d+ \\d+$`, 'm'));
			size = new RegExp(`^size-${asked}\\n(\\d+ \\d+)$`, 'm').exec(await screen())?.[1] ?? '';
		}
		t.is(size, '25 90');
		await type('\\q');
		await waitFor(/psql exit code 0/);
		t.regex(await screen(), /psql exit code 0/);
	});
}

import {execa} from 'execa';
import {repoRoot} from './database.js';

/**
 * JavaScript for a fresh process that has Ink's `render` and `Text` and React's `createElement` in
 * scope: draws one line into a stream standing in for a terminal, and sets `drew` to whether it
 * came out.
 */
export const drawWithInk = `
	const {PassThrough} = await import('node:stream');
	const stdout = Object.assign(new PassThrough(), {columns: 80, rows: 24, isTTY: false});
	let written = '';
	stdout.on('data', (chunk) => (written += chunk));
	render(createElement(Text, null, 'hello from ink'), {stdout, debug: true, patchConsole: false}).unmount();
	const drew = written.includes('hello from ink');
`;

/** Runs an ES module script in a fresh Node process from the project folder (no NODE_OPTIONS); its standard output. */
export async function runModuleScript(script: string): Promise<string> {
	const result = await execa(process.execPath, ['--input-type=module', '-e', script], {cwd: repoRoot, env: {NODE_OPTIONS: undefined}});
	return result.stdout;
}

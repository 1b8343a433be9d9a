import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {execa} from 'execa';
import {repoRoot} from '../helpers/database.js';

/**
 * `node bin/cc-dev.js` does not read the bin's shebang; a command that may parse SQL must still
 * run with --liftoff-only (see bin/cc-dev.js). A preloaded module reports the V8 flags of every
 * process image that starts, so the test sees the bin replace itself.
 */
const reporter = path.join(mkdtempSync(path.join(tmpdir(), 'cc-dev-flags-')), 'report-flags.mjs');
writeFileSync(reporter, "process.stderr.write(`flags: ${JSON.stringify(process.execArgv.filter((flag) => flag.startsWith('--liftoff')))}\\n`);\n");

async function startedFlags(args: string[], how: 'node' | 'bin'): Promise<{images: string[][]; exitCode: number | undefined}> {
	const bin = path.join(repoRoot, 'bin', 'cc-dev.js');
	const env = {NODE_OPTIONS: `--import=${reporter}`, NO_COLOR: '1', DATABASE_URL: undefined, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`};
	const result = how === 'node' ? await execa(process.execPath, [bin, ...args], {cwd: repoRoot, env, reject: false}) : await execa(bin, args, {cwd: repoRoot, env, reject: false});
	const images = String(result.stderr)
		.split('\n')
		.filter((line) => line.startsWith('flags: '))
		.map((line) => JSON.parse(line.slice('flags: '.length)) as string[]);
	return {images, exitCode: result.exitCode};
}

test('node bin/cc-dev.js: a command that parses SQL runs with --liftoff-only, in a second image of the same process', async (t) => {
	const {images, exitCode} = await startedFlags(['migrate', 'preview', '--offline'], 'node');
	t.is(exitCode, 0);
	t.deepEqual(images, [[], ['--liftoff-only']]);
});

test('node bin/cc-dev.js: a command that never parses starts once', async (t) => {
	const {images, exitCode} = await startedFlags(['--version'], 'node');
	t.is(exitCode, 0);
	t.deepEqual(images, [[]]);
});

test('the bin (as npx and the Railway pre-deploy command start it) has the flag from its shebang and starts once', async (t) => {
	const {images, exitCode} = await startedFlags(['migrate', 'preview', '--offline'], 'bin');
	t.is(exitCode, 0);
	t.deepEqual(images, [['--liftoff-only']]);
});

import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {execa} from 'execa';
import {ensureBuilt} from '../helpers/built.js';
import {repoRoot} from '../helpers/database.js';
import {cliBin as bin} from '../helpers/run-cli.js';
import {sharedTempFolder} from '../helpers/temp-folder.js';

/**
 * The SQL parser (WebAssembly) must stay on V8's baseline compiler however cc-dev is started: an
 * optimising recompile in the background makes the process wait for it at exit (see
 * source/core/sql/webassembly-tiering.ts). V8's --trace-wasm-compilation-times prints one line per
 * compiled function, naming the compiler, so the tests read which compilers ran.
 */
const folder = sharedTempFolder(test, 'cc-dev-flags-');
// Enough parsing for V8 to optimise the parser's hot functions when nothing stops it (the control test).
const statements = Array.from({length: 300}, (_, index) => `CREATE INDEX CONCURRENTLY IF NOT EXISTS t_${index} ON users (c${index});`).join('\n');
const sqlFile = path.join(folder, 'many.sql');
writeFileSync(sqlFile, `${statements}\n`);
const env = {NO_COLOR: '1', DATABASE_URL: undefined, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`};

function compilers(stdout: string): Set<string> {
	return new Set([...stdout.matchAll(/^Compiled function .* using (\w+)/gm)].map((match) => match[1]!));
}

test.before(async () => {
	await ensureBuilt();
});

test('control: parsing the same SQL with the parser loaded plainly gets optimised by TurboFan', async (t) => {
	const script = `const parser = await import('libpg-query'); await parser.loadModule(); parser.parseSync(${JSON.stringify(statements)}); for (const line of ${JSON.stringify(statements)}.split('\\n')) parser.parseSync(line);`;
	const result = await execa(process.execPath, ['--trace-wasm-compilation-times', '--input-type=module', '-e', script], {cwd: repoRoot, env, reject: false});
	t.is(result.exitCode, 0, String(result.stderr));
	t.true(compilers(String(result.stdout)).has('TurboFan'), 'the workload is not heavy enough to show the optimising compiler: the tests below would prove nothing');
});

test('node bin/cc-dev.js lint: the parser is compiled by Liftoff only', async (t) => {
	const result = await execa(process.execPath, ['--trace-wasm-compilation-times', bin, 'lint', '--assume-no-transaction', sqlFile], {cwd: repoRoot, env, reject: false});
	t.is(result.exitCode, 0, String(result.stderr));
	t.deepEqual(compilers(String(result.stdout)), new Set(['Liftoff']));
});

test('node bin/cc-dev.js migrate preview --offline: the parser is compiled by Liftoff only', async (t) => {
	const result = await execa(process.execPath, ['--trace-wasm-compilation-times', bin, 'migrate', 'preview', '--offline'], {cwd: repoRoot, env, reject: false});
	t.is(result.exitCode, 0, String(result.stderr));
	t.deepEqual(compilers(String(result.stdout)), new Set(['Liftoff']));
});

test('the bin starts Node once, however it is started, and for commands that parse SQL too', async (t) => {
	// A preloaded module reports every process image that starts.
	const reporter = path.join(folder, 'report-start.mjs');
	writeFileSync(reporter, 'process.stderr.write(`started: ${process.pid}\\n`);\n');
	const withReporter = {...env, NODE_OPTIONS: `--import=${reporter}`};
	for (const [command, args] of [
		[process.execPath, [bin, 'migrate', 'preview', '--offline']],
		[bin, ['migrate', 'preview', '--offline']],
		[process.execPath, [bin, '--version']],
	] as const) {
		const result = await execa(command, args, {cwd: repoRoot, env: withReporter, reject: false});
		t.is(result.exitCode, 0, String(result.stderr));
		t.is(String(result.stderr).split('\n').filter((line) => line.startsWith('started: ')).length, 1, `${path.basename(command)} ${args.join(' ')}`);
	}
});

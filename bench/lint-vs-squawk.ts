/**
 * cc-dev lint next to Squawk (squawk-cli from npm, installed by the bench into .cc-dev/bench-tools on
 * first use: it is not a devDependency, since its lockfile entries name per-platform packages that
 * not every registry mirror serves, and `npm ci` refuses a lockfile without them), in the same run: 1,000
 * typical migrations, and one file cold through the project's bin, `node bin/cc-dev.js` and
 * `npx cc-dev` (npm's own start is part of what users pay). Squawk gets the same SQL: the up
 * sections as plain files, since it does not read cc-dev's headers.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {type BenchRow, median, repoRoot, spread, tempDir} from './bench-server.js';
import {benchMigrationText} from './lint.js';
import {cc, measure, parserAlone, type Run} from './processes.js';

const fileCount = 1000;
const squawkVersion = '2.66.0';
const toolsDir = path.join(repoRoot, '.cc-dev', 'bench-tools', `squawk-${squawkVersion}`);
const squawk = path.join(toolsDir, 'node_modules', '.bin', 'squawk');

/** squawk-cli from the npm registry, installed once beside the project (git-ignored). */
function installSquawk(): void {
	if (existsSync(squawk)) return;
	mkdirSync(toolsDir, {recursive: true});
	writeFileSync(path.join(toolsDir, 'package.json'), '{"private": true}\n');
	execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', toolsDir, `squawk-cli@${squawkVersion}`], {stdio: 'inherit'});
}

/** The migrations folder cc-dev lints, and the same up sections as plain files for Squawk. */
function corpus(): {migrations: string; plain: string; single: string} {
	const root = tempDir('cc-dev-bench-squawk-');
	const migrations = path.join(root, 'migrations');
	const plain = path.join(root, 'plain');
	mkdirSync(migrations);
	mkdirSync(plain);
	for (let index = 0; index < fileCount; index++) {
		const text = benchMigrationText(index);
		const name = `${(index + 1).toString(16).padStart(12, '0')}_benchmark_${index}.sql`;
		writeFileSync(path.join(migrations, name), text);
		const up = text.slice(text.indexOf('-- migrate:up') + '-- migrate:up'.length, text.indexOf('-- migrate:down'));
		writeFileSync(path.join(plain, `${index}.sql`), up);
	}
	return {migrations, plain, single: path.join(plain, '1.sql')};
}

export async function benchLintVsSquawk(rounds = Number(process.env['BENCH_ROUNDS'] ?? 3)): Promise<BenchRow[]> {
	installSquawk();
	if (!existsSync(squawk)) throw new Error(`squawk-cli ${squawkVersion} could not be installed from the npm registry: no baseline to compare with`);
	const {migrations, plain, single} = corpus();
	const plainFiles = Array.from({length: fileCount}, (_, index) => path.join(plain, `${index}.sql`));
	const runs: Record<'ccMany' | 'squawkMany' | 'ccOne' | 'nodeOne' | 'npxOne' | 'squawkOne' | 'parserOne', Run[]> = {ccMany: [], squawkMany: [], ccOne: [], nodeOne: [], npxOne: [], squawkOne: [], parserOne: []};
	// Findings make both exit 1 (cc-dev: the suppressed-free errors of the corpus; Squawk: its warnings count as errors).
	for (let round = 0; round < rounds; round++) {
		runs.ccMany.push(await cc(['lint', '--reporter', 'json'], {migrations, allowedExit: 1}));
		runs.squawkMany.push(await measure(squawk, ['--reporter', 'json', ...plainFiles], {allowedExit: 1}));
		runs.ccOne.push(await cc(['lint', '--assume-no-transaction', single], {allowedExit: 1}));
		runs.nodeOne.push(await cc(['lint', '--assume-no-transaction', single], {way: 'node', allowedExit: 1}));
		runs.npxOne.push(await cc(['lint', '--assume-no-transaction', single], {way: 'npx', allowedExit: 1}));
		runs.squawkOne.push(await measure(squawk, [single], {allowedExit: 1}));
		runs.parserOne.push(await parserAlone(single));
	}
	const ms = (list: Run[]): number[] => list.map((run) => run.ms);
	const many = median(ms(runs.ccMany));
	const squawkMany = median(ms(runs.squawkMany));
	const one = median(ms(runs.ccOne));
	const squawkOne = median(ms(runs.squawkOne));
	const floor = median(ms(runs.parserOne));
	return [
		{name: `cc-dev lint, ${fileCount.toLocaleString('en-US')} migrations (whole process)`, ms: many, spread: spread(ms(runs.ccMany)), baselineName: 'squawk 2.66', baselineMs: squawkMany, target: 'within 2x of Squawk', met: many <= 2 * squawkMany},
		{name: 'cc-dev lint, one file, cold (the bin)', ms: one, spread: spread(ms(runs.ccOne)), baselineName: 'squawk 2.66', baselineMs: squawkOne, target: 'under 150 ms', met: one < 150},
		// What the design's stack (Node, libpg-query's WebAssembly) costs before cc-dev does anything of its own.
		{name: '  floor: Node and the parser alone (load it, parse the file)', ms: floor, spread: spread(ms(runs.parserOne)), baselineName: 'squawk 2.66', baselineMs: squawkOne, target: floor < 150 ? 'under 150 ms: the goal is reachable' : 'above 150 ms: the goal is out of reach here', met: floor < 150},
		{name: '  cc-dev above that floor (its modules, the rules, the scanner, the report)', ms: one - floor},
		{name: '  node bin/cc-dev.js lint, one file', ms: median(ms(runs.nodeOne)), spread: spread(ms(runs.nodeOne)), baselineName: 'squawk 2.66', baselineMs: squawkOne},
		{name: '  npx cc-dev lint, one file', ms: median(ms(runs.npxOne)), spread: spread(ms(runs.npxOne)), baselineName: 'squawk 2.66', baselineMs: squawkOne},
	];
}

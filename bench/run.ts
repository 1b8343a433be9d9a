/**
 * `npm run bench`: every measured path of cc-dev next to a baseline measured in the same run.
 * `npm run bench -- apply status` runs only those parts (`npm run bench -- --list` names them).
 * The full run writes bench/results/latest.md (git-ignored) and prints the table; copy it into
 * the README. A part that cannot run (no Docker, say) is reported as skipped, with the reason.
 *
 * To add a measure: one entry in `measures` below, whose `run` loads its module lazily (a partial
 * run loads only what it runs) and returns rows (bench-server.ts's BenchRow).
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {ConnectionTarget} from '../source/core/database/target.js';
import {type BenchRow, removeTempDirs, repoRoot, startBenchServer, stopBenchServer} from './bench-server.js';

type Measure = {
	readonly part: string;
	readonly title: string;
	readonly run: (server: () => Promise<ConnectionTarget>) => Promise<BenchRow[] | BenchRow>;
};

const measures: readonly Measure[] = [
	{part: 'start', title: 'cold start', run: async () => (await import('./start.js')).benchStart()},
	{part: 'apply', title: 'apply and revert, light workload', run: async (server) => (await import('./migrations.js')).benchApply(await server())},
	{part: 'status', title: 'migrate status', run: async (server) => (await import('./migrations.js')).benchStatus(await server())},
	{part: 'remote', title: 'a database 20 ms away', run: async (server) => (await import('./remote.js')).benchRemote(await server())},
	{part: 'heavy', title: 'apply and revert, heavier workload', run: async (server) => (await import('./migrations.js')).benchHeavy(await server())},
	{part: 'scale', title: '3,000 migrations', run: async (server) => (await import('./migrations.js')).benchScale(await server())},
	{part: 'big', title: 'a 5 MB migration', run: async (server) => (await import('./migrations.js')).benchBig(await server())},
	{part: 'lint', title: 'lint', run: async () => (await import('./lint.js')).benchLint()},
	{part: 'squawk', title: 'lint next to Squawk', run: async () => (await import('./lint-vs-squawk.js')).benchLintVsSquawk()},
	{part: 'suite', title: 'validation suite and dump', run: async () => (await import('./suite.js')).benchSuite()},
	{part: 'deploy', title: 'deploy', run: async () => (await import('./deploy.js')).benchDeploy()},
	{part: 'tui', title: 'interactive app', run: async () => (await import('./tui.js')).benchTui()},
	{part: 'generate', title: 'generated migration', run: async () => (await import('./generate.js')).benchGenerate()},
	{part: 'docker', title: 'docker', run: async () => (await import('./docker.js')).benchDocker()},
];

type Section = {title: string; rows: readonly BenchRow[]} | {title: string; skipped: string};

const format = (value: number | undefined, unit: BenchRow['unit'] = 'ms'): string => {
	if (value === undefined) return '';
	if (unit === 'MB') return `${value.toFixed(0)} MB`;
	if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} s`;
	return Math.abs(value) < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
};

function render(sections: readonly Section[]): string {
	const lines = [`cc-dev benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.versions.node}; medians, (fastest–slowest)`, ''];
	lines.push('| measure | cc-dev | baseline | ratio | goal |', '| --- | --- | --- | --- | --- |');
	for (const section of sections) {
		if ('skipped' in section) {
			lines.push(`| ${section.title} | skipped: ${section.skipped} | | | |`);
			continue;
		}
		for (const row of section.rows) {
			const value = `${format(row.ms, row.unit)}${row.spread ? ` (${format(row.spread[0])}–${format(row.spread[1])})` : ''}`;
			const ratio = row.baselineMs && row.unit !== 'MB' && row.baselineMs > 0 ? `${(row.ms / row.baselineMs).toFixed(2)}x` : '';
			const goal = row.target ? `${row.met === undefined ? '' : row.met ? '✔ ' : '✘ '}${row.target}` : '';
			lines.push(`| ${row.name} | ${value} | ${row.baselineName ? `${row.baselineName}: ${format(row.baselineMs, row.unit)}` : ''} | ${ratio} | ${goal} |`);
		}
	}
	return lines.join('\n');
}

const wanted = process.argv.slice(2).filter((word) => word !== '--');
if (wanted.includes('--list')) {
	for (const measure of measures) process.stdout.write(`${measure.part.padEnd(8)} ${measure.title}\n`);
	process.exit(0);
}
const unknown = wanted.filter((part) => !measures.some((measure) => measure.part === part));
if (unknown.length > 0) {
	process.stderr.write(`Unknown part: ${unknown.join(', ')}. The parts: ${measures.map((measure) => measure.part).join(', ')}.\n`);
	process.exit(2);
}

// Interrupted (Ctrl-C): the generated workloads go too (the exit handler of bench-server.ts).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => process.exit(code));

let serverStarted: Promise<ConnectionTarget> | undefined;
const server = (): Promise<ConnectionTarget> => (serverStarted ??= startBenchServer());
const results = path.join(repoRoot, 'bench', 'results');
mkdirSync(results, {recursive: true});
const sections: Section[] = [];
for (const measure of measures.filter((entry) => wanted.length === 0 || wanted.includes(entry.part))) {
	process.stderr.write(`bench: ${measure.title}...\n`);
	try {
		const rows = await measure.run(server);
		sections.push({title: measure.title, rows: Array.isArray(rows) ? rows : [rows]});
	} catch (error) {
		sections.push({title: measure.title, skipped: (error as Error).message.split('\n')[0]!});
	} finally {
		removeTempDirs();
	}
	// Written after each part, so that an interrupted run keeps what it measured.
	writeFileSync(path.join(results, 'in-progress.md'), `${render(sections)}\n`);
}
await stopBenchServer().catch((error: unknown) => process.stderr.write(`bench: could not stop the bench server: ${(error as Error).message}\n`));
const report = render(sections);
writeFileSync(path.join(results, wanted.length === 0 ? 'latest.md' : 'partial.md'), `${report}\n`);
process.stdout.write(`${report}\n`);
process.exit(0);

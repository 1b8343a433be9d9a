/**
 * `npm run bench`: every measured path of cc-dev next to a baseline measured in the same run.
 * Writes bench/results/latest.md (git-ignored) and prints the table; copy it into the README.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {repoRoot, startBenchServer} from './bench-server.js';
import {benchMigrations, type BenchRow} from './migrations.js';

type Section = {title: string; rows: BenchRow[]} | {title: string; skipped: string};

async function optional(title: string, modulePath: string, exportName: string, ...args: unknown[]): Promise<Section> {
	try {
		const module = (await import(modulePath)) as Record<string, (...parameters: unknown[]) => Promise<BenchRow[] | BenchRow>>;
		const fn = module[exportName];
		if (!fn) return {title, skipped: `${exportName} not exported by ${modulePath}`};
		const result = await fn(...args);
		return {title, rows: Array.isArray(result) ? result : [result]};
	} catch (error) {
		return {title, skipped: (error as Error).message.split('\n')[0]!};
	}
}

const format = (ms: number | undefined): string => (ms === undefined ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function render(sections: Section[]): string {
	const lines = [`cc-dev benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.versions.node}`, ''];
	lines.push('| measure | cc-dev | baseline | ratio | target |', '| --- | --- | --- | --- | --- |');
	for (const section of sections) {
		if ('skipped' in section) {
			lines.push(`| ${section.title} | skipped: ${section.skipped} | | | |`);
			continue;
		}
		for (const row of section.rows) {
			const ratio = row.baselineMs ? `${(row.ms / row.baselineMs).toFixed(2)}x` : '';
			lines.push(`| ${row.name} | ${format(row.ms)} | ${row.baselineName ? `${row.baselineName}: ${format(row.baselineMs)}` : ''} | ${ratio} | ${row.target ?? ''} |`);
		}
	}
	return lines.join('\n');
}

const server = await startBenchServer();
const sections: Section[] = [{title: 'migrations', rows: await benchMigrations(server)}];
sections.push(await optional('lint', './lint.js', 'benchLint'));
sections.push(await optional('validation suite and dump', './suite.js', 'benchSuite'));
sections.push(await optional('deploy', './deploy.js', 'benchDeploy'));
sections.push(await optional('interactive app', './tui.js', 'benchTui'));
sections.push(await optional('docker', './docker.js', 'benchDocker'));
const report = render(sections);
mkdirSync(path.join(repoRoot, 'bench', 'results'), {recursive: true});
writeFileSync(path.join(repoRoot, 'bench', 'results', 'latest.md'), `${report}\n`);
process.stdout.write(`${report}\n`);
process.exit(0);

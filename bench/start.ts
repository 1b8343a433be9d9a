/**
 * A cold start: `cc-dev --version` started each way users start it, next to Node's own start in
 * the same run. `npx cc-dev` adds npm's start and its reading of the installed packages.
 */
import {type BenchRow, median, spread} from './bench-server.js';
import {cc, nodeAlone, type Run} from './processes.js';

export async function benchStart(rounds = Number(process.env['BENCH_ROUNDS'] ?? 3) * 3): Promise<BenchRow[]> {
	const runs: Record<'bin' | 'node' | 'npx' | 'alone', Run[]> = {bin: [], node: [], npx: [], alone: []};
	for (let round = 0; round < rounds; round++) {
		runs.alone.push(await nodeAlone());
		runs.bin.push(await cc(['--version']));
		runs.node.push(await cc(['--version'], {way: 'node'}));
		runs.npx.push(await cc(['--version'], {way: 'npx'}));
	}
	const ms = (list: Run[]): number[] => list.map((run) => run.ms);
	const alone = median(ms(runs.alone));
	const bin = median(ms(runs.bin));
	return [
		{name: 'cc-dev --version (the bin, as npx runs it)', ms: bin, spread: spread(ms(runs.bin)), baselineName: 'node -e 0', baselineMs: alone, target: 'within 50 ms of node', met: bin - alone < 50},
		{name: '  node bin/cc-dev.js --version', ms: median(ms(runs.node)), spread: spread(ms(runs.node)), baselineName: 'node -e 0', baselineMs: alone},
		{name: '  npx cc-dev --version', ms: median(ms(runs.npx)), spread: spread(ms(runs.npx)), baselineName: 'node -e 0', baselineMs: alone},
	];
}

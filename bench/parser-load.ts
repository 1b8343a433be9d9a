/**
 * `node_modules/.bin/node bench/parser-load.ts`: how long the PostgreSQL parser (libpg-query's WASM)
 * takes to load in a fresh process, and to parse and scan a first statement. Each figure is the
 * median of several fresh processes, since the load happens once per process.
 */
import {execFileSync} from 'node:child_process';

const runs = 7;
const child = `
const start = performance.now();
const parser = await import('libpg-query');
await parser.loadModule();
const loaded = performance.now();
parser.parseSync('SELECT 1');
if (typeof parser.scanSync === 'function') parser.scanSync('SELECT 1 -- c');
const first = performance.now();
process.stdout.write(JSON.stringify({load: loaded - start, first: first - loaded}));
`;

const samples: Array<{load: number; first: number}> = [];
for (let run = 0; run < runs; run++) {
	samples.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', child], {encoding: 'utf8'})) as {load: number; first: number});
}
const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const {version} = (await import('libpg-query/package.json', {with: {type: 'json'}})).default as {version: string};
process.stdout.write(`libpg-query ${version}: load ${median(samples.map((sample) => sample.load)).toFixed(1)} ms, first parse ${median(samples.map((sample) => sample.first)).toFixed(1)} ms (median of ${runs} fresh processes)\n`);

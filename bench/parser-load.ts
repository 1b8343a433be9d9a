/**
 * `node_modules/.bin/node bench/parser-load.ts [--liftoff-only]`: how long the PostgreSQL parser (libpg-query's WASM)
 * takes to load in a fresh process, and to parse and scan a first statement. Each figure is the
 * median of several fresh processes, since the load happens once per process. The parser is the one
 * installed where it runs (run it from another checkout to compare versions).
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
const {version} = (await import('libpg-query/package.json', {with: {type: 'json'}})).default;
process.stdout.write(JSON.stringify({version, load: loaded - start, first: first - loaded}));
`;

const flags = process.argv.slice(2);
type Sample = {version: string; load: number; first: number};
const samples: Sample[] = [];
for (let run = 0; run < runs; run++) {
	samples.push(JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', child], {encoding: 'utf8'})) as Sample);
}
const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
process.stdout.write(`libpg-query ${samples[0]!.version}: load ${median(samples.map((sample) => sample.load)).toFixed(1)} ms, first parse ${median(samples.map((sample) => sample.first)).toFixed(1)} ms (median of ${runs} fresh processes${flags.length > 0 ? `, ${flags.join(' ')}` : ''})\n`);

/**
 * The same commands against a database 20 ms of round trip away (a loopback proxy that holds each
 * packet 10 ms each way: a laptop and a cloud database in a nearby region), next to the same
 * commands on the local server in the same run. Far from the database, what a command costs is
 * its round trips: (far − near) / 20 ms counts them, and psql's `select 1` (the handshake, the
 * password exchange and one query) is the baseline.
 */
import type {ConnectionTarget} from '../source/core/database/target.js';
import {adminRun, type BenchRow, median, scratch, spread} from './bench-server.js';
import {startLatencyProxy} from './latency-proxy.js';
import {cc, psqlCommand, type Run} from './processes.js';
import {generateWorkload} from './workloads.js';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3) * 2;
const oneWayMs = 10;
const roundTripMs = oneWayMs * 2;

function through(target: ConnectionTarget, port: number): ConnectionTarget {
	const url = new URL(target.url);
	url.port = String(port);
	return {...target, port, url: url.toString()};
}

type Command = {readonly name: string; readonly run: (target: ConnectionTarget) => Promise<Run>};

export async function benchRemote(server: ConnectionTarget): Promise<BenchRow[]> {
	const work = generateWorkload('small', 300);
	const near = await scratch(server, 'bench_remote');
	const proxy = await startLatencyProxy({host: near.host, port: near.port}, oneWayMs);
	const far = through(near, proxy.port);
	const commands: Command[] = [
		{name: 'psql -c "select 1"', run: (target) => psqlCommand(target, 'select 1')},
		{name: 'migrate status, nothing pending (301 applied)', run: (target) => cc(['migrate', 'status'], {target, migrations: work.directory})},
		{name: 'migrate up, nothing pending', run: (target) => cc(['migrate', 'up'], {target, migrations: work.directory})},
		{
			name: 'migrate up, one small migration',
			run: async (target) => {
				// The last migration reverted locally (down reverts one), then applied again through the target.
				await cc(['migrate', 'down'], {target: near, migrations: work.directory});
				return cc(['migrate', 'up'], {target, migrations: work.directory});
			},
		},
		{name: 'deploy, nothing pending', run: (target) => cc(['deploy'], {target, migrations: work.directory})},
		{
			name: 'migrate up, all 301 migrations',
			run: async (target) => {
				await cc(['migrate', 'down', '--to', 'base'], {target: near, migrations: work.directory});
				return cc(['migrate', 'up'], {target, migrations: work.directory});
			},
		},
	];
	try {
		await cc(['migrate', 'up'], {target: near, migrations: work.directory});
		const runs = new Map(commands.map((command) => [command.name, {near: [] as number[], far: [] as number[]}]));
		for (let round = 0; round < rounds; round++) {
			for (const command of commands) {
				const times = runs.get(command.name)!;
				times.near.push((await command.run(near)).ms);
				times.far.push((await command.run(far)).ms);
			}
		}
		return commands.map((command) => {
			const {near: nearMs, far: farMs} = runs.get(command.name)!;
			const roundTrips = (median(farMs) - median(nearMs)) / roundTripMs;
			const who = command.name.startsWith('psql') ? command.name : `cc-dev ${command.name}`;
			return {name: `${who}, 20 ms away (≈ ${roundTrips.toFixed(1)} round trips)`, ms: median(farMs), spread: spread(farMs), baselineName: 'the same, local', baselineMs: median(nearMs)};
		});
	} finally {
		await proxy.close();
		await adminRun(server, 'DROP DATABASE IF EXISTS bench_remote WITH (FORCE)');
	}
}

/**
 * The validation suite and the schema dump, each next to its baseline in the same run:
 * `cc-dev test` as a whole (target: under 5 s with the current migrations), and `cc-dev dump`
 * next to a plain `pg_dump --schema-only` of the same database (target: within 1.2x).
 */
import path from 'node:path';
import {execa} from 'execa';
import type {ConnectionTarget} from '../source/core/database/target.js';
import {runMigrations} from '../source/core/migrations/run-migrations.js';
import {dumpSchema} from '../source/core/schema/dump-schema.js';
import {localPgDumpTool} from '../source/core/schema/pg-dump-tool.js';
import {findLocalPgDump} from '../source/core/schema/pg-dump-binary.js';
import {adminRun, median, repoRoot, scratch, startBenchServer, timed} from './bench-server.js';
import type {BenchRow} from './migrations.js';

const cli = path.join(repoRoot, 'bin', 'cc-dev.js');

async function cc(args: readonly string[], target: ConnectionTarget): Promise<void> {
	const env: NodeJS.ProcessEnv = {...process.env, DATABASE_URL: target.url, NO_COLOR: '1'};
	delete env['CC_DEV_PROJECT'];
	const result = await execa(process.execPath, [cli, ...args], {cwd: repoRoot, env, reject: false});
	if (result.exitCode !== 0) throw new Error(`cc-dev ${args.join(' ')} exited ${result.exitCode}: ${String(result.stdout).slice(-400)} ${String(result.stderr).slice(-400)}`);
}

export async function benchSuite(rounds = 3): Promise<BenchRow[]> {
	const server = await startBenchServer();
	const target = await scratch(server, 'bench_suite');
	try {
		const suite: number[] = [];
		for (let round = 0; round < rounds; round++) suite.push(await timed(() => cc(['test'], target)));

		await runMigrations({target, migrationsDir: path.join(repoRoot, 'migrations'), waitMs: 5000, lockWaitMs: 10_000, lockTimeout: '5s', statementTimeout: '1min', direction: 'up'});
		const found = await findLocalPgDump({serverMajor: 15});
		const tool = localPgDumpTool(found);
		const args = ['--schema-only', '--no-owner', '--no-privileges', ...(found.supportsRestrictKey ? ['--restrict-key=ccdev'] : []), '--dbname', target.url];
		const plain: number[] = [];
		const core: number[] = [];
		const command: number[] = [];
		const startUp: number[] = [];
		for (let round = 0; round < 7; round++) {
			plain.push(await timed(() => execa(found.path, args)));
			core.push(await timed(() => dumpSchema({target, tool, revision: '28a8c0e6e895'})));
			command.push(await timed(() => cc(['dump', '--out', '-'], target)));
			startUp.push(await timed(() => cc(['--version'], target)));
		}
		return [
			{name: 'cc-dev test (all 7 checks, current migrations)', ms: median(suite), target: 'under 5 s'},
			{name: 'dump: dumpSchema (in process)', ms: median(core), baselineName: 'pg_dump --schema-only', baselineMs: median(plain), target: 'within 1.2x of pg_dump'},
			{name: 'dump: cc-dev dump --out - (whole command)', ms: median(command), baselineName: 'pg_dump --schema-only', baselineMs: median(plain), target: 'Node start-up on top (next row)'},
			{name: 'dump: cc-dev dump --out - (whole command)', ms: median(command), baselineName: 'pg_dump + cc-dev --version start-up', baselineMs: median(plain) + median(startUp), target: 'within 1.2x of pg_dump + start-up'},
		];
	} finally {
		await adminRun(server, 'DROP DATABASE IF EXISTS bench_suite WITH (FORCE)');
	}
}

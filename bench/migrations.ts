import {copyFileSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {buildGraph} from '../source/core/migrations/graph.js';
import {loadMigrations} from '../source/core/migrations/load-migrations.js';
import {adminRun, median, repoRoot, scratch, tempDir, timed, write} from './bench-server.js';
import type {ConnectionTarget} from '../source/core/database/target.js';

export type BenchRow = {name: string; ms: number; baselineName?: string; baselineMs?: number; target?: string};

const tables = ['users', 'decks', 'flashcards', 'learning_insights', 'performance_metrics', 'retention_data', 'review_sessions', 'study_sessions'];
const psql = '/usr/lib/postgresql/15/bin/psql';
const cli = path.join(repoRoot, 'bin', 'cc-dev.js');

/** The initial migration plus `count` small generated ones: add a column, index it, comment it; each with a down. */
export function generate(count: number): string {
	const directory = tempDir('cc-dev-bench-');
	copyFileSync(path.join(repoRoot, 'migrations', '28a8c0e6e895_initial_migration.sql'), path.join(directory, '28a8c0e6e895_initial_migration.sql'));
	let parent = '28a8c0e6e895';
	for (let index = 1; index <= count; index++) {
		const revision = (0xb0_00_00_00_00_00 + index).toString(16);
		const table = tables[index % tables.length]!;
		const column = `bench_${index}`;
		write(path.join(directory, `${revision}_bench_${index}.sql`), [
			`-- Revision: ${revision}`,
			`-- Revises: ${parent}`,
			`-- Message: bench ${index}`,
			'',
			'-- migrate:up',
			`ALTER TABLE public.${table} ADD COLUMN ${column} integer;`,
			`CREATE INDEX ix_${table}_${column} ON public.${table} (${column});`,
			`COMMENT ON COLUMN public.${table}.${column} IS 'generated for the benchmark';`,
			'',
			'-- migrate:down',
			`DROP INDEX public.ix_${table}_${column};`,
			`ALTER TABLE public.${table} DROP COLUMN ${column};`,
			'',
		].join('\n'));
		parent = revision;
	}
	return directory;
}

function scripts(directory: string): {up: string; down: string} {
	const ordered = buildGraph(loadMigrations(directory)).ordered;
	return {
		up: write(path.join(directory, 'all-up.psql'), ordered.map((migration) => migration.up.sql).join('\n')),
		down: write(path.join(directory, 'all-down.psql'), [...ordered].reverse().map((migration) => migration.down!.sql).join('\n')),
	};
}

/** The bin as npx runs it: through its shebang, with the project's Node first in PATH. */
const binEnv = {PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`};

async function cc(args: string[], target: ConnectionTarget, directory: string): Promise<void> {
	const result = await execa(cli, [...args, '--migrations', directory], {env: {...binEnv, DATABASE_URL: target.url}, reject: false});
	if (result.exitCode !== 0 && !(args[1] === 'status' && result.exitCode === 1)) throw new Error(`cc-dev ${args.join(' ')} failed: ${String(result.stderr)}`);
}

async function psqlFile(target: ConnectionTarget, file: string): Promise<void> {
	await execa(psql, ['-X', '-q', '-1', '-v', 'ON_ERROR_STOP=1', '-f', file, target.url]);
}

export async function benchMigrations(server: ConnectionTarget, rounds = 3): Promise<BenchRow[]> {
	const directory = generate(300);
	const {up, down} = scripts(directory);
	const apply: number[] = [];
	const applyPsql: number[] = [];
	const revert: number[] = [];
	const revertPsql: number[] = [];
	const status: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const viaCli = await scratch(server, 'bench_cc');
		apply.push(await timed(() => cc(['migrate', 'up'], viaCli, directory)));
		for (let index = 0; index < 5; index++) status.push(await timed(() => cc(['migrate', 'status'], viaCli, directory)));
		revert.push(await timed(() => cc(['migrate', 'down', '--to', 'base'], viaCli, directory)));
		const viaPsql = await scratch(server, 'bench_psql');
		applyPsql.push(await timed(() => psqlFile(viaPsql, up)));
		revertPsql.push(await timed(() => psqlFile(viaPsql, down)));
	}
	await adminRun(server, 'DROP DATABASE IF EXISTS bench_cc WITH (FORCE)');
	await adminRun(server, 'DROP DATABASE IF EXISTS bench_psql WITH (FORCE)');
	const version: number[] = [];
	const nodeAlone: number[] = [];
	for (let index = 0; index < 10; index++) {
		version.push(await timed(() => execa(cli, ['--version'], {env: binEnv})));
		nodeAlone.push(await timed(() => execa(process.execPath, ['-e', '0'])));
	}
	return [
		{name: 'migrate up: initial + 300 migrations', ms: median(apply), baselineName: 'psql -1 -f (same SQL)', baselineMs: median(applyPsql), target: 'within 2x of psql'},
		{name: 'migrate down --to base: 301 migrations', ms: median(revert), baselineName: 'psql -1 -f (down SQL)', baselineMs: median(revertPsql), target: 'within 3x of psql'},
		{name: 'migrate status, nothing pending', ms: median(status), target: 'under 150 ms'},
		{name: 'cc-dev --version (cold start)', ms: median(version), baselineName: 'node -e 0', baselineMs: median(nodeAlone), target: 'within 50 ms of node'},
	];
}

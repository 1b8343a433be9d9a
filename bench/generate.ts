/**
 * `migrate new --from-sql` of a one-column change on the Cognition Curator schema, as a whole
 * process: scratch database at the head, the desired schema loaded, both catalogs read and
 * compared, the verification round trip (up, down, up) and the lint (target: under 3 s). Next to
 * it, `migrate up` of the same change, measured in the same run.
 */
import {cpSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {ConnectionTarget} from '../source/core/database/target.js';
import {median, repoRoot, scratch, spread, startBenchServer, tempDir, write, type BenchRow} from './bench-server.js';
import {cc} from './processes.js';

const addition = 'ALTER TABLE public.decks ADD COLUMN archived_at timestamp with time zone;';

export async function benchGenerate(rounds = 5): Promise<BenchRow[]> {
	const server = await startBenchServer();
	const target: ConnectionTarget = await scratch(server, 'bench_generate');
	const folder = tempDir('cc-dev-bench-generate-');
	const migrations = path.join(folder, 'migrations');
	cpSync(path.join(repoRoot, 'migrations'), migrations, {recursive: true});
	const initial = readFileSync(path.join(migrations, readdirSync(migrations)[0]!), 'utf8');
	const desired = write(path.join(folder, 'desired.sql'), `${initial.split('-- migrate:up')[1]!.split('-- migrate:down')[0]}\n${addition}\n`);
	await cc(['migrate', 'up'], {target, migrations});
	const generate: number[] = [];
	for (let round = 0; round < rounds; round++) {
		generate.push((await cc(['migrate', 'new', 'add archived_at', '--from-sql', desired, '--dry-run'], {target, migrations})).ms);
	}
	await cc(['migrate', 'new', 'add archived_at', '--from-sql', desired], {target, migrations});
	const apply: number[] = [];
	for (let round = 0; round < rounds; round++) {
		apply.push((await cc(['migrate', 'up'], {target, migrations})).ms);
		await cc(['migrate', 'down'], {target, migrations});
	}
	const ms = median(generate);
	return [{
		name: '`migrate new --from-sql`: one added column on the Cognition Curator schema (scratch databases, compare, verify up/down/up, lint)',
		ms,
		spread: spread(generate),
		baselineName: '`migrate up` of the same change',
		baselineMs: median(apply),
		target: 'under 3 s',
		met: ms < 3000,
	}];
}

import type {Config} from '../config/load-config.js';
import {withClient} from '../database/connect.js';
import {withScratchDatabase} from '../database/scratch-database.js';
import type {ConnectionTarget} from '../database/target.js';
import {buildGraph, requireSingleHead} from '../migrations/graph.js';
import {loadMigrations} from '../migrations/load-migrations.js';
import {runMigrations} from '../migrations/run-migrations.js';
import {readDatabaseState} from '../migrations/state.js';
import {dumpSchema, type SchemaDump} from './dump-schema.js';
import {choosePgDump, type PgDumpTool} from './pg-dump-tool.js';

export type DumpSourceOptions = {
	readonly migrationsDir: string;
	/** The pg_dump to use; a promise lets choosing it overlap with the other work. */
	readonly tool: PgDumpTool | Promise<PgDumpTool>;
	readonly waitMs: number;
	readonly signal?: AbortSignal;
};

/** The database's single current revision, for the dump's header; undefined at base, with several, or when the files do not load. */
async function currentRevision(target: ConnectionTarget, migrationsDir: string, waitMs: number): Promise<string | undefined> {
	let graph;
	try {
		graph = buildGraph(loadMigrations(migrationsDir));
	} catch {
		return undefined;
	}
	const state = await withClient(target, {waitMs, applicationName: 'cc-dev dump'}, (client) => readDatabaseState(client, graph));
	const current = state.applied.length === 0 && state.alembicRevision ? [state.alembicRevision] : state.current;
	return current.length === 1 ? current[0] : undefined;
}

/** `cc-dev dump`: the configured database as it is, its current revision in the header. */
export async function dumpDatabase(options: DumpSourceOptions & {readonly target: ConnectionTarget}): Promise<SchemaDump & {readonly revision: string | undefined}> {
	const revision = currentRevision(options.target, options.migrationsDir, options.waitMs);
	revision.catch(() => {});
	const dump = await dumpSchema({target: options.target, tool: await options.tool, revision, ...(options.signal ? {signal: options.signal} : {})});
	return {...dump, revision: await revision};
}

/**
 * `cc-dev dump --from-migrations`: a scratch database migrated to head, dumped, dropped. This is
 * what the committed railway_schema.sql must be (the suite's dump check compares with it).
 */
export async function dumpFromMigrations(options: DumpSourceOptions & {readonly server: ConnectionTarget; readonly lockTimeout: string; readonly statementTimeout: string}): Promise<SchemaDump & {readonly revision: string | undefined}> {
	const head = requireSingleHead(buildGraph(loadMigrations(options.migrationsDir)));
	return withScratchDatabase(options.server, 'cc-dev dump --from-migrations', {waitMs: options.waitMs, ...(options.signal ? {signal: options.signal} : {})}, async (scratch) => {
		await runMigrations({
			target: scratch.target,
			migrationsDir: options.migrationsDir,
			waitMs: options.waitMs,
			lockWaitMs: 10_000,
			lockTimeout: options.lockTimeout,
			statementTimeout: options.statementTimeout,
			direction: 'up',
			...(options.signal ? {signal: options.signal} : {}),
		});
		const dump = await dumpSchema({target: scratch.target, tool: await options.tool, ...(head ? {revision: head} : {}), ...(options.signal ? {signal: options.signal} : {})});
		return {...dump, revision: head};
	});
}

/**
 * The dump `cc-dev dump` and the app make: of the configured database, or (fromMigrations) of a
 * scratch database migrated to head; the pg_dump is chosen while the rest gets ready.
 */
export async function dumpConfigured(config: Config, options: {readonly fromMigrations: boolean; readonly signal?: AbortSignal}): Promise<SchemaDump & {readonly revision: string | undefined}> {
	const tool = choosePgDump(config);
	tool.catch(() => {});
	const common = {migrationsDir: config.migrationsDir, tool, waitMs: config.waitMs, ...(options.signal ? {signal: options.signal} : {})};
	return options.fromMigrations
		? dumpFromMigrations({...common, server: config.target, lockTimeout: config.lockTimeout, statementTimeout: config.statementTimeout})
		: dumpDatabase({...common, target: config.target});
}

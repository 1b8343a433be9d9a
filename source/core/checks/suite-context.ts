import {connect} from '../database/connect.js';
import type {ScratchDatabase, ScratchRegistry} from '../database/scratch-database.js';
import type {ConnectionTarget} from '../database/target.js';
import {buildGraph, type RevisionGraph} from '../migrations/graph.js';
import {loadMigrations} from '../migrations/load-migrations.js';
import {runMigrations, type RunOptions} from '../migrations/run-migrations.js';
import {readDumpFile} from '../schema/dump-file.js';
import type {PgDumpTool} from '../schema/pg-dump-tool.js';
import {executeDumpScript} from '../schema/restore-dump.js';

/** Everything the suite needs to know, from the configuration. */
export type SuiteSettings = {
	/** The configured database: read by some checks, never changed; scratch databases go on its server. */
	readonly target: ConnectionTarget;
	readonly migrationsDir: string;
	readonly templatesDir: string;
	/** The committed schema dump (railway_schema.sql at the project root): the expected schema. */
	readonly schemaFile: string;
	readonly waitMs: number;
	readonly lockWaitMs: number;
	readonly lockTimeout: string;
	readonly statementTimeout: string;
	/** The project's state folder: the runs share its cache of the migrations' parse analysis. */
	readonly stateDir?: string;
	/** Chooses the pg_dump to use (the container's with Docker, else a local one). */
	readonly choosePgDump: () => Promise<PgDumpTool>;
	readonly signal?: AbortSignal;
};

/** What checks share: the settings, the run's scratch databases, and lazily built resources. */
export type SuiteContext = SuiteSettings & {
	readonly scratch: ScratchRegistry;
	/** The migrations, parsed and validated (the same error object every time when they are invalid). */
	graph(): RevisionGraph;
	/** A scratch database migrated to head, shared by the checks that only read it. */
	migratedToHead(): Promise<ScratchDatabase>;
	/** A scratch database with the committed schema dump restored into it: what the schema must be. */
	expectedSchema(): Promise<ScratchDatabase>;
	/** An empty scratch database of a check's own, created once per key (prepare and run share it). */
	ownScratch(key: string): Promise<ScratchDatabase>;
	pgDump(): Promise<PgDumpTool>;
	/** Options for runMigrations against a scratch database. */
	runOptions(target: ConnectionTarget, migrationsDir?: string): Omit<RunOptions, 'direction'>;
};

/** Memoises an async function; the rejection is observed so that an unused failure is not an unhandled one. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
	let promise: Promise<T> | undefined;
	return () => {
		if (!promise) {
			promise = fn();
			promise.catch(() => {});
		}
		return promise;
	};
}

export function createSuiteContext(settings: SuiteSettings, scratch: ScratchRegistry): SuiteContext {
	let graph: {value: RevisionGraph} | {error: unknown} | undefined;
	const own = new Map<string, () => Promise<ScratchDatabase>>();
	const runOptions = (target: ConnectionTarget, migrationsDir = settings.migrationsDir): Omit<RunOptions, 'direction'> => ({
		target,
		migrationsDir,
		waitMs: settings.waitMs,
		lockWaitMs: settings.lockWaitMs,
		lockTimeout: settings.lockTimeout,
		statementTimeout: settings.statementTimeout,
		...(settings.stateDir ? {stateDir: settings.stateDir} : {}),
		...(settings.signal ? {signal: settings.signal} : {}),
	});
	const context: SuiteContext = {
		...settings,
		scratch,
		graph() {
			if (!graph) {
				try {
					graph = {value: buildGraph(loadMigrations(settings.migrationsDir))};
				} catch (error) {
					graph = {error};
				}
			}
			if ('error' in graph) throw graph.error;
			return graph.value;
		},
		migratedToHead: once(async () => {
			context.graph();
			const database = await scratch.create('migrated to head');
			await runMigrations({...runOptions(database.target), direction: 'up'});
			return database;
		}),
		expectedSchema: once(async () => {
			const [script, database] = await Promise.all([readDumpFile(settings.schemaFile), scratch.create('railway_schema.sql restored')]);
			const client = await connect(database.target, {waitMs: settings.waitMs, applicationName: 'cc-dev test'});
			try {
				await client.query('BEGIN');
				await executeDumpScript(client, script, settings.signal);
				await client.query('COMMIT');
			} finally {
				await client.end().catch(() => {});
			}
			return database;
		}),
		ownScratch(key) {
			let create = own.get(key);
			if (!create) {
				create = once(() => scratch.create(key));
				own.set(key, create);
			}
			return create();
		},
		pgDump: once(() => settings.choosePgDump()),
		runOptions,
	};
	return context;
}

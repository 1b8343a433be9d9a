import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {createScratchRegistry} from '../database/scratch-database.js';
import type {ConnectionTarget} from '../database/target.js';
import {UsageError} from '../errors.js';
import {lintMigrations, type LintFinding, type LintOptions} from '../lint/index.js';
import {buildGraph, requireSingleHead} from '../migrations/graph.js';
import {loadMigrations} from '../migrations/load-migrations.js';
import type {SessionOptions} from '../migrations/migration-session.js';
import {parseMigration} from '../migrations/parse-migration.js';
import {runMigrations} from '../migrations/run-migrations.js';
import {stampRevision} from '../migrations/stamp.js';
import {diffComments} from './comments.js';
import {desiredDatabase, describeSource, sqlFilesOf, type DesiredSource} from './desired-source.js';
import {devRevision} from './dev-revision.js';
import {renderFiles, type GeneratedFile} from './migration-files.js';
import {readCatalog} from './read-catalog.js';
import {applySafeForms} from './safe-forms.js';
import {analyseChanges, type Drop, type ProbableRename} from './schema-changes.js';
import {engineStatements, preloadEngine} from './schema-engine.js';
import {verifyMigration, type Verification} from './verify-migration.js';

export type GenerateOptions = SessionOptions & {
	readonly message: string;
	readonly source: DesiredSource;
	/**
	 * Write even though the up section drops tables, columns, enum values or narrows a type: true,
	 * or the caller's decision once it sees them (the app asks; the command has --allow-drops).
	 */
	readonly allowDrops?: boolean | ((drops: readonly Drop[], renames: readonly ProbableRename[]) => Promise<boolean>);
	/** Show the SQL and the verification, write nothing. */
	readonly dryRun?: boolean;
	/** Write even when the verification fails (the files say so). */
	readonly unverified?: boolean;
	/** --from-dev only: record the new revision(s) in the development database. */
	readonly stamp?: boolean;
	/** Where scratch databases go (default: the server of `target`). */
	readonly scratchServer?: ConnectionTarget;
	readonly lint?: Pick<LintOptions, 'severities'>;
	readonly now?: Date;
};

export type GenerateStatus = 'no-change' | 'written' | 'dry-run' | 'refused-drops' | 'verification-failed';

export type GenerateResult = {
	readonly status: GenerateStatus;
	/** What the desired schema was read from. */
	readonly source: string;
	/** The revision the change starts from (the head). */
	readonly head: string | undefined;
	readonly files: readonly (GeneratedFile & {readonly path: string})[];
	readonly drops: readonly Drop[];
	readonly renames: readonly ProbableRename[];
	/** Objects cc-dev cannot write statements for (a comment on a kind of object it cannot name...). */
	readonly unsupported: readonly string[];
	readonly verification: Verification | undefined;
	readonly lint: readonly LintFinding[];
	/** Revisions recorded in the development database by --stamp. */
	readonly stamped: readonly string[];
	readonly durationMs: number;
};

function step<T>(options: GenerateOptions, id: string, title: string, fn: () => Promise<T>): Promise<T> {
	const started = performance.now();
	options.onEvent?.({type: 'step-start', id, title});
	return fn().then((value) => {
		options.onEvent?.({type: 'step-done', id, title, durationMs: performance.now() - started});
		return value;
	});
}

function checkOptions(options: GenerateOptions): void {
	if (options.message.trim() === '') throw new UsageError('A generated migration needs a message.', {hint: 'For example: cc-dev migrate new "add deck archive flag" --from-dev'});
	if (/[\r\n]/.test(options.message)) throw new UsageError('The message must be one line.');
	if (options.stamp && options.source.kind !== 'dev') throw new UsageError('--stamp records the new revision in the development database: it goes with --from-dev only.');
	if (options.source.kind === 'sql') sqlFilesOf(options.source.path);
}

/**
 * `cc-dev migrate new MESSAGE --from-...`: builds the starting schema (the migrations at the
 * head) in a scratch database, reads the desired one, lets the engine diff them, rewrites the
 * result into safe forms, refuses silent data loss, proves the files on a scratch database
 * (up = desired, down = start, up again), lints them, and writes them. Scratch databases are
 * always dropped; the development database and --from-url are only read (except --stamp).
 */
export async function generateMigration(options: GenerateOptions): Promise<GenerateResult> {
	const started = performance.now();
	checkOptions(options);
	const graph = buildGraph(loadMigrations(options.migrationsDir));
	const head = requireSingleHead(graph);
	const sourceText = describeSource(options.source, options.target);
	if (options.source.kind === 'dev') await devRevision(options.target, graph, head, options.waitMs);
	const scratch = createScratchRegistry(options.scratchServer ?? options.target, {waitMs: options.waitMs, signal: options.signal});
	const session = {waitMs: options.waitMs, lockWaitMs: options.lockWaitMs, lockTimeout: options.lockTimeout, statementTimeout: options.statementTimeout, signal: options.signal};
	const result = (status: GenerateStatus, extra: Partial<GenerateResult> = {}): GenerateResult => ({
		status, source: sourceText, head, files: [], drops: [], renames: [], unsupported: [], verification: undefined, lint: [], stamped: [], durationMs: performance.now() - started, ...extra,
	});
	try {
		preloadEngine();
		const building = step(options, 'start', `Build the schema at ${head ?? 'base'} in a scratch database`, async () => {
			const database = await scratch.create(`migrations at ${head ?? 'base'}`);
			if (head) await runMigrations({...session, target: database.target, migrationsDir: options.migrationsDir, direction: 'up'});
			return database;
		});
		building.catch(() => {});
		// The desired schema is read while the starting one is built, except from a command: its
		// scratch database gets the starting schema's extensions first.
		const readDesired = async () => step(options, 'desired', `Read the desired schema from ${sourceText}`, async () =>
			desiredDatabase(options.source, {devTarget: options.target, start: options.source.kind === 'command' ? (await building).target : options.target, scratch, waitMs: options.waitMs, signal: options.signal}));
		const [start, desiredTarget] = await Promise.all([building, readDesired()]);
		const [startCatalog, desiredCatalog] = await step(options, 'inspect', 'Compare the two schemas', () =>
			Promise.all([readCatalog(start.target, {waitMs: options.waitMs}), readCatalog(desiredTarget, {waitMs: options.waitMs})]));
		const [up, down] = await Promise.all([engineStatements(startCatalog.engine, desiredCatalog.engine), engineStatements(desiredCatalog.engine, startCatalog.engine)]);
		const upComments = diffComments(startCatalog.comments, desiredCatalog.comments, desiredCatalog.engine);
		const downComments = diffComments(desiredCatalog.comments, startCatalog.comments, startCatalog.engine);
		const unsupported = upComments.unsupported.map((comment) => `comment on ${comment.type} ${comment.identity} (cc-dev cannot name this kind of object in COMMENT ON)`);
		if (up.length === 0 && upComments.statements.length === 0 && unsupported.length === 0) return result('no-change');
		const changes = analyseChanges(startCatalog, desiredCatalog);
		const existingColumns = (table: string, column: string): boolean => startCatalog.engine.tables[table]?.columns[column] !== undefined;
		const phases = applySafeForms({up, down, upComments: upComments.statements, downComments: downComments.statements}, changes, existingColumns);
		let files = renderFiles(phases, {message: options.message.trim(), head, taken: new Set(graph.byRevision.keys()), now: options.now ?? new Date()});
		const withPaths = (list: readonly GeneratedFile[]) => list.map((file) => ({...file, path: path.join(options.migrationsDir, file.fileName)}));
		if (changes.drops.length > 0 && !(typeof options.allowDrops === 'function' ? await options.allowDrops(changes.drops, changes.renames) : options.allowDrops)) {
			return result('refused-drops', {files: withPaths(files), drops: changes.drops, renames: changes.renames, unsupported});
		}
		const verification = await step(options, 'verify', 'Verify: up gives the desired schema, down the starting one, up again', () =>
			verifyMigration(files, {scratch: start.target, migrationsDir: options.migrationsDir, startRevision: head, start: startCatalog, desired: desiredCatalog, session}));
		const lint = await step(options, 'lint', 'Lint the generated migration', () =>
			lintMigrations(files.map((file) => parseMigration(file.text, path.join(options.migrationsDir, file.fileName))), {history: graph.ordered, ...(options.lint?.severities ? {severities: options.lint.severities} : {})}));
		const base = {drops: changes.drops, renames: changes.renames, unsupported, verification, lint};
		if (options.dryRun) return result('dry-run', {...base, files: withPaths(files)});
		if (!verification.ok && !options.unverified) return result('verification-failed', {...base, files: withPaths(files)});
		if (!verification.ok) {
			files = renderFiles(phases, {message: options.message.trim(), head, taken: new Set(graph.byRevision.keys()), now: options.now ?? new Date(), unverified: 'the verification failed'});
		}
		const written = withPaths(files);
		mkdirSync(options.migrationsDir, {recursive: true});
		for (const file of written) writeFileSync(file.path, file.text, {flag: 'wx'});
		let stamped: string[] = [];
		if (options.stamp && options.source.kind === 'dev') {
			const last = written.at(-1)!.revision;
			const stampResult = await step(options, 'stamp', `Record ${last} in the development database`, () => stampRevision({...options, allowProduction: false, railwayEnvironment: undefined, revision: last}));
			stamped = [...stampResult.added];
		}
		return result('written', {...base, files: written, stamped});
	} finally {
		await scratch.dropAll();
	}
}

/** The exit code of a generation: 0 written / nothing to do / a verified dry run, 1 otherwise. */
export function generateExitCode(result: GenerateResult): 0 | 1 {
	if (result.status === 'no-change' || result.status === 'written') return 0;
	if (result.status === 'dry-run') return result.verification?.ok ? 0 : 1;
	return 1;
}

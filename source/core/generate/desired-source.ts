import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {connect, withClient} from '../database/connect.js';
import type {ScratchRegistry} from '../database/scratch-database.js';
import {describeTarget, type ConnectionTarget} from '../database/target.js';
import {CancelledError, FailureError, InputError} from '../errors.js';
import {loadParser, parseSql} from '../sql/parse-sql.js';
import {positionAt} from '../migrations/text-position.js';
import {redact} from '../redact.js';

/** Where the desired schema comes from: exactly one per run. */
export type DesiredSource =
	| {readonly kind: 'dev'}
	| {readonly kind: 'sql'; readonly path: string}
	| {readonly kind: 'url'; readonly target: ConnectionTarget}
	| {readonly kind: 'command'; readonly command: string; readonly timeoutMs: number; readonly cwd: string};

/** How a source reads in messages. */
export function describeSource(source: DesiredSource, devTarget: ConnectionTarget): string {
	switch (source.kind) {
		case 'dev':
			return `the development database (${describeTarget(devTarget)})`;
		case 'sql':
			return source.path;
		case 'url':
			return describeTarget(source.target);
		case 'command':
			return `what \`${source.command}\` created`;
	}
}

/** The .sql files a --from-sql path names: the file, or a folder's .sql files in name order. */
export function sqlFilesOf(input: string): string[] {
	let stats;
	try {
		stats = statSync(input);
	} catch {
		throw new InputError(`--from-sql: ${input} does not exist.`, {hint: 'Give a .sql file, or a folder of .sql files, that declares the whole desired schema.'});
	}
	if (!stats.isDirectory()) return [input];
	const files = readdirSync(input).filter((file) => file.endsWith('.sql')).sort().map((file) => path.join(input, file));
	if (files.length === 0) throw new InputError(`--from-sql: the folder ${input} has no .sql file.`, {hint: 'Put the schema in .sql files there; they are loaded in name order.'});
	return files;
}

type PgError = Error & {code?: string; position?: string};

/** Loads --from-sql files into an empty database; a syntax or execution error names file:line:column (exit 2). */
export async function loadSqlFiles(target: ConnectionTarget, files: readonly string[], waitMs: number): Promise<void> {
	await loadParser();
	const texts = files.map((file) => ({file, text: readFileSync(file, 'utf8')}));
	for (const {file, text} of texts) {
		const parsed = parseSql(text);
		if (!parsed.ok) {
			const {line, column} = positionAt(text, parsed.offset);
			throw new InputError(`${file}:${line}:${column}: ${parsed.message}`, {hint: 'Fix the SQL of the desired schema and run again; nothing was written.'});
		}
	}
	await withClient(target, {waitMs, applicationName: 'cc-dev generate'}, async (client) => {
		for (const {file, text} of texts) {
			try {
				await client.query(text);
			} catch (error) {
				const pgError = error as PgError;
				const where = pgError.position ? positionAt(text, Number(pgError.position) - 1) : undefined;
				throw new InputError(`${file}${where ? `:${where.line}:${where.column}` : ''}: ${redact(pgError.message)}`, {
					hint: 'The desired schema must load into an empty database in one go: fix the file and run again; nothing was written.',
					cause: error,
				});
			}
		}
	});
}

/** The extensions a database has, as CREATE EXTENSION statements (ORMs create tables, not extensions). */
async function extensionStatements(target: ConnectionTarget, waitMs: number): Promise<string[]> {
	return withClient(target, {waitMs, applicationName: 'cc-dev generate'}, async (client) => {
		const result = await client.query<{statement: string}>(`select format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I', e.extname, n.nspname) as statement from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql' order by e.extname`);
		return result.rows.map((row) => row.statement);
	});
}

const stderrTail = (text: string): string => text.trimEnd().split('\n').slice(-20).join('\n');

/**
 * Runs the project's schema command against an empty scratch database (DATABASE_URL), which has
 * the extensions of the starting schema: ORMs such as SQLAlchemy create tables, never extensions.
 */
export async function runSchemaCommand(source: Extract<DesiredSource, {kind: 'command'}>, target: ConnectionTarget, start: ConnectionTarget, options: {waitMs: number; signal?: AbortSignal | undefined}): Promise<void> {
	const extensions = await extensionStatements(start, options.waitMs);
	if (extensions.length > 0) await withClient(target, {waitMs: options.waitMs}, (client) => client.query(extensions.join(';\n')));
	const {execa} = await import('execa');
	const result = await execa(source.command, {
		shell: true,
		cwd: source.cwd,
		env: {DATABASE_URL: target.url, SQLALCHEMY_DATABASE_URI: target.url},
		timeout: source.timeoutMs,
		reject: false,
		all: false,
		stdin: 'ignore',
		...(options.signal ? {cancelSignal: options.signal} : {}),
		forceKillAfterDelay: 2000,
	});
	if (options.signal?.aborted) throw new CancelledError('Cancelled: no migration written.');
	if (result.timedOut) {
		throw new FailureError(`The schema command timed out after ${Math.round(source.timeoutMs / 1000)} s: ${source.command}${result.stderr ? `\n${redact(stderrTail(String(result.stderr)))}` : ''}`, {
			hint: 'Make it finish faster, or raise the limit with --command-timeout SECONDS (or commandTimeout in the cc-dev section of package.json).',
		});
	}
	if (result.failed) {
		const reason = result.exitCode === undefined ? (result.shortMessage ?? 'it could not start') : `exit code ${result.exitCode}`;
		throw new FailureError(`The schema command failed (${reason}): ${source.command}${result.stderr ? `\n${redact(stderrTail(String(result.stderr)))}` : ''}`, {
			hint: 'It runs with DATABASE_URL set to an empty scratch database and must create the whole schema there (e.g. db.create_all()). Fix it and run again; nothing was written.',
		});
	}
}

/**
 * Produces the database that holds the desired schema: the development database or --from-url
 * as they are (only read), or a scratch database loaded from --from-sql or filled by --from-command.
 */
export async function desiredDatabase(source: DesiredSource, context: {devTarget: ConnectionTarget; start: ConnectionTarget; scratch: ScratchRegistry; waitMs: number; signal?: AbortSignal | undefined}): Promise<ConnectionTarget> {
	switch (source.kind) {
		case 'dev':
			return context.devTarget;
		case 'url': {
			const client = await connect(source.target, {waitMs: context.waitMs, applicationName: 'cc-dev generate'});
			await client.end();
			return source.target;
		}
		case 'sql': {
			const files = sqlFilesOf(source.path);
			const database = await context.scratch.create('desired schema from SQL');
			await loadSqlFiles(database.target, files, context.waitMs);
			return database.target;
		}
		case 'command': {
			const database = await context.scratch.create('desired schema from the schema command');
			await runSchemaCommand(source, database.target, context.start, {waitMs: context.waitMs, signal: context.signal});
			return database.target;
		}
	}
}

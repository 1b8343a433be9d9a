import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {InputError, isCcDevError} from '../errors.js';
import type {CcDevError} from '../errors.js';
import type {Migration, TransactionMode} from '../migrations/migration.js';
import {fileNamePattern, parseMigration} from '../migrations/parse-migration.js';
import {readMigrationText} from '../migrations/read-migration-file.js';
import {plainSqlLayout} from './plain-sql-layout.js';
import type {LintSource} from './types.js';

/** How a plain SQL file (not a cc-dev migration) is assumed to run. */
export type TransactionAssumption = 'transaction' | 'no-transaction';

/** The name standard input goes by in findings. */
export const stdinName = '<stdin>';

/**
 * A plain SQL file as the linter reads it: one up section run inside a transaction or statement by
 * statement as assumed, with no down section expected. A file of another migration tool that marks
 * its sections (goose, dbmate) is read as those sections, and one that says its tool runs it
 * without a transaction (goose, dbmate, sqlx, graphile-migrate) is linted that way, whatever the
 * assumption: that is how it will run.
 */
export function plainSqlSource(text: string, filePath: string, assumption: TransactionAssumption, role: 'migration' | 'rollback' = 'migration'): LintSource {
	const layout = plainSqlLayout(text);
	const modeOf = (withoutTransaction: boolean): TransactionMode => (withoutTransaction || assumption === 'no-transaction' ? 'none' : 'per-migration');
	// A rollback file is a down section: it gets the checks for what fails, not those for a deploy's locks.
	const rollback = role === 'rollback' && layout.down === undefined;
	return {
		revision: `plain:${filePath}`,
		parents: [],
		message: '',
		created: undefined,
		transaction: modeOf(layout.upWithoutTransaction),
		downTransaction: modeOf(rollback ? layout.upWithoutTransaction : layout.downWithoutTransaction),
		path: filePath,
		fileName: filePath === stdinName ? stdinName : path.basename(filePath),
		text,
		up: rollback ? {sql: '', offset: 0, line: 1, column: 1} : layout.up,
		down: rollback ? layout.up : layout.down,
		checksum: '',
		plainSql: true,
	};
}

/**
 * Rollback files of other tools, by name: diesel's `down.sql`, golang-migrate's and sqlx's
 * `<version>_<name>.down.sql`, Flyway's undo `U<version>__<name>.sql`.
 */
const rollbackFileName = /^(?:down\.sql|.+\.down\.sql|U\d[\w.]*__.*\.sql)$/i;

/** A file named like a migration (`<revision>_<slug>.sql`) is read as one; any other SQL file as plain SQL. */
export function lintSourceOf(text: string, filePath: string, assumption: TransactionAssumption): LintSource {
	const name = path.basename(filePath);
	if (fileNamePattern.test(name)) return parseMigration(text, filePath);
	return plainSqlSource(text, filePath, assumption, rollbackFileName.test(name) ? 'rollback' : 'migration');
}

async function kindOf(target: string): Promise<'file' | 'directory' | undefined> {
	try {
		return (await stat(target)).isDirectory() ? 'directory' : 'file';
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

async function sqlFilesIn(directory: string): Promise<string[]> {
	const entries = await readdir(directory, {withFileTypes: true});
	return entries
		.filter((entry) => entry.name.endsWith('.sql'))
		.map((entry) => path.join(directory, entry.name))
		.sort();
}

/** A folder no migrations live in: hidden ones (.git) and installed packages. */
const skippedFolder = /(?:^|[\\/])(?:\.[^\\/]*|node_modules)(?:[\\/]|$)/;

/**
 * The .sql files of a folder and its subfolders (Prisma's and diesel's one folder per migration),
 * in path order, which is the order those tools apply them.
 */
async function sqlFilesUnder(directory: string): Promise<string[]> {
	const entries = await readdir(directory, {withFileTypes: true, recursive: true});
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.sql') && !skippedFolder.test(path.relative(directory, entry.parentPath)))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

/** The files the targets name (folders expand to their .sql files), in order, each once; `-` stays as is (standard input). */
export async function filesOf(targets: readonly string[], cwd: string): Promise<string[]> {
	const files: string[] = [];
	const missing: string[] = [];
	const empty: string[] = [];
	for (const target of targets) {
		if (target === '-') {
			files.push('-');
			continue;
		}
		const absolute = path.resolve(cwd, target);
		const kind = await kindOf(absolute);
		if (kind === undefined) missing.push(target);
		else if (kind === 'directory') {
			const found = await sqlFilesUnder(absolute);
			if (found.length === 0) empty.push(target);
			files.push(...found);
		} else files.push(absolute);
	}
	if (missing.length > 0) {
		throw new InputError(`No such file or folder: ${missing.join(', ')}`, {hint: 'Give SQL files or folders (or - for standard input), e.g. cc-dev lint migrations/28a8c0e6e895_initial_migration.sql.'});
	}
	if (empty.length > 0) {
		throw new InputError(`No .sql files in ${empty.join(', ')}`, {hint: 'Name a folder that holds SQL files (its subfolders are read too), or the files themselves.'});
	}
	return [...new Set(files)];
}

/**
 * Whether a diesel migration (`<folder>/up.sql` or `down.sql`) is run without a transaction: its
 * folder's metadata.toml says `run_in_transaction = false`.
 */
async function dieselRunsWithoutTransaction(file: string): Promise<boolean> {
	if (!/^(?:up|down)\.sql$/i.test(path.basename(file))) return false;
	try {
		return /^\s*run_in_transaction\s*=\s*false\s*(?:#.*)?$/m.test(await readFile(path.join(path.dirname(file), 'metadata.toml'), 'utf8'));
	} catch {
		return false;
	}
}

export type ReadOptions = {
	readonly assumption: TransactionAssumption;
	readonly readStdin: () => Promise<string>;
	/** Every file must be a migration (the migrations folder itself): a misnamed one is an error, as for the runner. */
	readonly migrationsOnly?: boolean;
};

/**
 * Reads the files to lint: migrations by their name, any other file as plain SQL, `-` from
 * standard input. Every unreadable or malformed file is reported, in one InputError.
 */
export async function readLintSources(files: readonly string[], {assumption, readStdin, migrationsOnly = false}: ReadOptions): Promise<LintSource[]> {
	const sources: LintSource[] = [];
	const problems: CcDevError[] = [];
	for (const file of files) {
		try {
			if (file === '-') sources.push(plainSqlSource(await readStdin(), stdinName, assumption));
			else if (migrationsOnly) sources.push(parseMigration(readMigrationText(file), file));
			else sources.push(lintSourceOf(readMigrationText(file), file, (await dieselRunsWithoutTransaction(file)) ? 'no-transaction' : assumption));
		} catch (error) {
			if (isCcDevError(error)) problems.push(error);
			else if ((error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EISDIR') {
				problems.push(new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code}).`, {hint: 'Check the file\'s permissions.'}));
			} else throw error;
		}
	}
	if (problems.length === 1) throw problems[0]!;
	if (problems.length > 1) {
		const lines = problems.map((problem) => `  ${problem.message}${problem.hint ? `\n    ${problem.hint}` : ''}`);
		throw new InputError(`${problems.length} files cannot be read:\n${lines.join('\n')}`);
	}
	return sources;
}

/** Every readable migration of a folder, for context; unreadable ones are skipped (they are not being linted). */
export async function contextMigrationsIn(directory: string): Promise<Migration[]> {
	if ((await kindOf(directory)) !== 'directory') return [];
	const migrations: Migration[] = [];
	for (const file of await sqlFilesIn(directory)) {
		if (!fileNamePattern.test(path.basename(file))) continue;
		try {
			migrations.push(parseMigration(await readFile(file, 'utf8'), file));
		} catch {
			// Not linted, only read for context.
		}
	}
	return migrations;
}

/** The .sql files of the migrations folder; an error naming the fix when there is none. */
export async function migrationFilesIn(directory: string): Promise<string[]> {
	if ((await kindOf(directory)) !== 'directory') {
		throw new InputError(`No migrations folder at ${directory}.`, {hint: 'Run cc-dev from the project folder, pass --migrations DIR, or name the SQL files to lint.'});
	}
	return sqlFilesIn(directory);
}

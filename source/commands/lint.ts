import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {CcDevError, InputError, isCcDevError, UsageError} from '../core/errors.js';
import {lintMigrations, ruleIds} from '../core/lint/index.js';
import type {LintOptions, RuleSetting} from '../core/lint/index.js';
import type {Migration} from '../core/migrations/migration.js';
import {parseMigration} from '../core/migrations/parse-migration.js';
import {isLintReporter, lintReporters, renderLintReport} from '../report/lint/index.js';

export const lintDescription = 'Check migrations for statements that lock or rewrite tables of a live database, or break the running release.';

export const lintUsage = `Usage: cc-dev lint [FILES or DIRS...] [options]

Checks migrations for zero-downtime problems: blocking locks, table rewrites, statements
that cannot run in a transaction, renames and drops that break the release still running.
Without FILES, lints every migration in the migrations folder.

Options:
  --reporter NAME      pretty (default), json, junit or github (workflow annotations)
  --pending            only the migrations not yet applied to the configured database
  --migrations DIR     the migrations folder (default: $CC_DEV_MIGRATIONS_DIR or ./migrations)
  --severity RULE=LEVEL
                       set a rule to error, warning or off (repeatable)
  --color, --no-color  force colours on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help           show this help

Suppress a finding with a reason, on the line above the statement (or in the file header,
before "-- migrate:up", for the whole file):
  -- cc-dev-lint-disable RULE: why it is safe here

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable files.
Rules: ${ruleIds.join(', ')}.`;

export type LintIo = {
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
};

export type LintDependencies = {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	/**
	 * The revisions applied to the configured database, for `--pending`, given the migrations on
	 * disk (a Flask-Migrate database counts as applied up to its alembic revision). Without it
	 * `--pending` is a usage error (the command wiring provides it from core's appliedRevisions).
	 */
	readonly appliedRevisions?: (migrations: readonly Migration[]) => Promise<ReadonlySet<string>>;
};

async function isDirectory(target: string): Promise<boolean | undefined> {
	try {
		return (await stat(target)).isDirectory();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

async function sqlFilesIn(directory: string): Promise<string[]> {
	const entries = await readdir(directory, {withFileTypes: true});
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
		.map((entry) => path.join(directory, entry.name))
		.sort();
}

/** The .sql files named on the command line (directories expand to their .sql files). */
async function filesFrom(targets: readonly string[], cwd: string): Promise<string[]> {
	const files: string[] = [];
	const missing: string[] = [];
	for (const target of targets) {
		const absolute = path.resolve(cwd, target);
		const directory = await isDirectory(absolute);
		if (directory === undefined) missing.push(target);
		else if (directory) files.push(...(await sqlFilesIn(absolute)));
		else files.push(absolute);
	}
	if (missing.length > 0) {
		throw new InputError(`No such file or folder: ${missing.join(', ')}`, {hint: 'Give migration files or folders, e.g. cc-dev lint migrations/28a8c0e6e895_initial_migration.sql.'});
	}
	return [...new Set(files)];
}

/** Reads and parses migration files; every malformed file is reported, in one InputError. */
async function loadMigrations(files: readonly string[]): Promise<Migration[]> {
	const migrations: Migration[] = [];
	const problems: CcDevError[] = [];
	for (const file of files) {
		try {
			migrations.push(parseMigration(await readFile(file, 'utf8'), file));
		} catch (error) {
			if (!isCcDevError(error)) throw error;
			problems.push(error);
		}
	}
	if (problems.length === 1) throw problems[0]!;
	if (problems.length > 1) {
		const lines = problems.map((problem) => `  ${problem.message}${problem.hint ? `\n    ${problem.hint}` : ''}`);
		throw new InputError(`${problems.length} migration files cannot be read:\n${lines.join('\n')}`);
	}
	return migrations;
}

/** Every readable migration of a folder, for context; unreadable ones are skipped (they are not being linted). */
async function readableMigrationsIn(directory: string): Promise<Migration[]> {
	if ((await isDirectory(directory)) !== true) return [];
	const migrations: Migration[] = [];
	for (const file of await sqlFilesIn(directory)) {
		try {
			migrations.push(parseMigration(await readFile(file, 'utf8'), file));
		} catch {
			// Not linted, only read for context.
		}
	}
	return migrations;
}

function severitiesFrom(values: readonly string[]): Record<string, RuleSetting> {
	const severities: Record<string, RuleSetting> = {};
	for (const value of values) {
		const [rule, level] = value.split('=', 2);
		if (!rule || !level) throw new UsageError(`--severity takes RULE=LEVEL (got "${value}").`, {hint: 'For example: --severity timestamp-without-time-zone=off'});
		severities[rule.trim()] = level.trim() as RuleSetting;
	}
	return severities;
}

function useColor(flag: boolean | undefined, stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
	if (flag !== undefined) return flag;
	if (env['NO_COLOR']) return false;
	if (env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0') return true;
	return (stream as {isTTY?: boolean}).isTTY === true;
}

type Parsed = {
	readonly reporter: string;
	readonly pending: boolean;
	readonly migrations: string | undefined;
	readonly severity: string[];
	readonly color: boolean | undefined;
	readonly help: boolean;
	readonly files: string[];
};

function parseFlags(argv: string[]): Parsed {
	try {
		const {values, positionals} = parseArgs({
			args: argv,
			allowPositionals: true,
			allowNegative: true,
			options: {
				reporter: {type: 'string', short: 'r', default: 'pretty'},
				pending: {type: 'boolean', default: false},
				migrations: {type: 'string'},
				severity: {type: 'string', multiple: true, default: []},
				color: {type: 'boolean'},
				help: {type: 'boolean', short: 'h', default: false},
			},
		});
		return {
			reporter: values.reporter,
			pending: values.pending,
			migrations: values.migrations,
			severity: values.severity,
			color: values.color,
			help: values.help,
			files: positionals,
		};
	} catch (error) {
		throw new UsageError((error as Error).message, {hint: 'Run cc-dev lint --help for the options.'});
	}
}

async function lintCommand(argv: string[], io: LintIo, dependencies: LintDependencies): Promise<0 | 1> {
	const cwd = dependencies.cwd ?? process.cwd();
	const env = dependencies.env ?? process.env;
	const flags = parseFlags(argv);
	if (flags.help) {
		io.stdout.write(`${lintUsage}\n`);
		return 0;
	}
	if (!isLintReporter(flags.reporter)) {
		throw new UsageError(`Unknown reporter "${flags.reporter}".`, {hint: `Use --reporter ${lintReporters.join(', ')}.`});
	}
	const options: LintOptions = {severities: severitiesFrom(flags.severity)};
	const directory = path.resolve(cwd, flags.migrations ?? env['CC_DEV_MIGRATIONS_DIR'] ?? 'migrations');

	let migrations: Migration[];
	let history: Migration[];
	if (flags.pending) {
		if (flags.files.length > 0) throw new UsageError('--pending and FILES do not go together.', {hint: 'Either list the files to lint or use --pending.'});
		if (!dependencies.appliedRevisions) {
			throw new UsageError('--pending needs the database to know which migrations are applied, and it is not available here.', {
				hint: 'Run cc-dev lint without --pending to lint every migration, or name the files to lint.',
			});
		}
		const all = await loadMigrations(await filesInMigrationsDir(directory));
		const applied = await dependencies.appliedRevisions(all);
		migrations = all.filter((migration) => !applied.has(migration.revision));
		history = all.filter((migration) => applied.has(migration.revision));
	} else if (flags.files.length > 0) {
		migrations = await loadMigrations(await filesFrom(flags.files, cwd));
		history = await readableMigrationsIn(directory);
	} else {
		migrations = await loadMigrations(await filesInMigrationsDir(directory));
		history = [];
	}

	const findings = await lintMigrations(migrations, {...options, history});
	const report = {files: migrations.map((migration) => migration.path), findings};
	io.stdout.write(renderLintReport(flags.reporter, report, {cwd, color: useColor(flags.color, io.stdout, env)}));
	return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

async function filesInMigrationsDir(directory: string): Promise<string[]> {
	if ((await isDirectory(directory)) !== true) {
		throw new InputError(`No migrations folder at ${directory}.`, {hint: 'Run cc-dev from the project folder, or pass --migrations DIR.'});
	}
	return sqlFilesIn(directory);
}

/**
 * `cc-dev lint [FILES...]`: lints migrations and writes the report to stdout.
 * Returns 0 (no errors), 1 (errors found), 2 (bad usage or unreadable files) or 3 (environment);
 * expected failures are written to stderr, unexpected ones are thrown.
 */
export async function runLint(argv: string[], io: LintIo, dependencies: LintDependencies = {}): Promise<0 | 1 | 2 | 3> {
	try {
		return await lintCommand(argv, io, dependencies);
	} catch (error) {
		if (!isCcDevError(error)) throw error;
		io.stderr.write(`Error: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
		return error.exitCode;
	}
}

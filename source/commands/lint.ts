import path from 'node:path';
import {UsageError} from '../core/errors.js';
import type {ExitCode} from '../core/errors.js';
import {lintMigrations} from '../core/lint/index.js';
import type {LintSource, RuleSetting} from '../core/lint/index.js';
import {contextMigrationsIn, filesOf, migrationFilesIn, readLintSources} from '../core/lint/load-sources.js';
import type {TransactionAssumption} from '../core/lint/load-sources.js';
import type {Migration} from '../core/migrations/migration.js';
import {buildGraph} from '../core/migrations/graph.js';
import {isLintReporter, lintReporters, renderLintReport} from '../report/lint/index.js';
import type {LintReporter} from '../report/lint/index.js';
import {shouldColor} from '../report/style.js';
import type {CommandContext} from './command.js';

function severitiesFrom(values: readonly string[]): Record<string, RuleSetting> {
	const severities: Record<string, RuleSetting> = {};
	for (const value of values) {
		const [rule, level] = value.split('=', 2);
		if (!rule || !level) throw new UsageError(`--severity takes RULE=LEVEL (got "${value}").`, {hint: 'For example: --severity timestamp-without-time-zone=off'});
		severities[rule.trim()] = level.trim() as RuleSetting;
	}
	return severities;
}

function reporterOf(context: CommandContext): LintReporter {
	const named = context.string('reporter');
	if (named !== undefined && !isLintReporter(named)) throw new UsageError(`Unknown reporter "${named}".`, {hint: `Use --reporter ${lintReporters.join(', ')}.`});
	if (context.json && named !== undefined && named !== 'json') throw new UsageError(`--json and --reporter ${named} do not go together.`, {hint: 'Keep one of them: --json is --reporter json.'});
	return context.json ? 'json' : (named ?? 'pretty');
}

function assumptionOf(context: CommandContext): TransactionAssumption {
	const inside = context.flag('assume-transaction');
	const outside = context.flag('assume-no-transaction');
	if (inside && outside) throw new UsageError('--assume-transaction and --assume-no-transaction do not go together.', {hint: 'Choose how the plain SQL files run: in one transaction (the default) or statement by statement.'});
	return outside ? 'no-transaction' : 'transaction';
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** The revisions applied to the configured database, for --pending: core's definition (a Flask-era database counts as adopted). */
async function appliedRevisions(context: CommandContext, migrations: readonly Migration[]): Promise<ReadonlySet<string>> {
	const config = context.config();
	// Loaded here: linting files needs no database driver, and loading one costs a cold start 15 ms.
	const {readAppliedRevisions} = await import('../core/migrations/read-applied.js');
	return readAppliedRevisions(config.target, buildGraph(migrations), {waitMs: config.waitMs, onEvent: context.onEvent});
}

/** What to lint, and the migrations before it that tell the linter about the schema. */
async function inputsOf(context: CommandContext, directory: string): Promise<{sources: LintSource[]; history: Migration[]}> {
	const targets = context.args.positionals;
	const options = {assumption: assumptionOf(context), readStdin: async () => readStdin(context.io.stdin)};
	if (context.flag('pending')) {
		if (targets.length > 0) throw new UsageError('--pending and FILES do not go together.', {hint: 'Either list the files to lint or use --pending.'});
		const all = (await readLintSources(await migrationFilesIn(directory), {...options, migrationsOnly: true})) as Migration[];
		const applied = await appliedRevisions(context, all);
		return {sources: all.filter((migration) => !applied.has(migration.revision)), history: all.filter((migration) => applied.has(migration.revision))};
	}
	if (targets.length > 0) {
		const files = await filesOf(targets, process.cwd());
		if (files.filter((file) => file === '-').length > 1) throw new UsageError('Standard input (-) can be read once.');
		return {sources: await readLintSources(files, options), history: await contextMigrationsIn(directory)};
	}
	return {sources: await readLintSources(await migrationFilesIn(directory), {...options, migrationsOnly: true}), history: []};
}

/**
 * `cc-dev lint [FILES...]`: lints migrations (or any SQL file, or standard input) and writes the
 * report to stdout. Exit 0 no errors, 1 errors found; bad usage and unreadable files throw.
 */
export async function runLint(context: CommandContext): Promise<ExitCode> {
	const reporter = reporterOf(context);
	const severities = severitiesFrom((context.args.values['severity'] as string[] | undefined) ?? []);
	const directory = path.resolve(context.string('migrations') ?? process.env['CC_DEV_MIGRATIONS_DIR'] ?? 'migrations');
	const {sources, history} = await inputsOf(context, directory);
	const findings = await lintMigrations(sources, {severities, history});
	const color = !context.flag('no-color') && shouldColor(context.io.stdout);
	context.io.stdout.write(renderLintReport(reporter, {files: sources.map((source) => source.path), findings}, {cwd: process.cwd(), color}));
	return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

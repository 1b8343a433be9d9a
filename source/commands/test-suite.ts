import path from 'node:path';
import {runSuite} from '../core/checks/suite.js';
import type {SuiteSettings} from '../core/checks/suite-context.js';
import {UsageError, type ExitCode} from '../core/errors.js';
import {resolveTemplatesDir} from '../core/scaffold/templates-dir.js';
import {choosePgDump} from '../core/schema/pg-dump-tool.js';
import {isSuiteReporter, prettyEventLine, renderSuiteReport, suiteReporters} from '../report/suite/index.js';
import {createStyle, shouldColor} from '../report/style.js';
import type {CommandContext} from './command.js';
import {schemaFilePath} from '../core/schema/schema-file.js';

/** The committed schema dump: --schema FILE, else railway_schema.sql at the project root. */
export function schemaFileOf(context: CommandContext): string {
	const config = context.config();
	const given = context.string('schema');
	return given ? path.resolve(given) : schemaFilePath(config.projectRoot);
}

/** `cc-dev test`: the validation suite; the live list on stderr, the report on stdout. */
export async function runTestSuite(context: CommandContext): Promise<ExitCode> {
	const reporter = context.json ? 'json' : (context.string('reporter') ?? 'pretty');
	if (!isSuiteReporter(reporter)) throw new UsageError(`Unknown reporter "${reporter}".`, {hint: `Use --reporter ${suiteReporters.join(', ')}.`});
	const config = context.config();
	const only = context.args.values['only'];
	const settings: SuiteSettings = {
		target: config.target,
		migrationsDir: config.migrationsDir,
		templatesDir: resolveTemplatesDir(config.templatesDir),
		schemaFile: schemaFileOf(context),
		waitMs: config.waitMs,
		lockWaitMs: config.lockWaitMs,
		lockTimeout: config.lockTimeout,
		statementTimeout: config.statementTimeout,
		stateDir: config.stateDir,
		choosePgDump: () => choosePgDump(config),
		signal: context.signal,
	};
	const report = await runSuite(settings, {
		only: Array.isArray(only) ? only : typeof only === 'string' ? [only] : undefined,
		bail: context.flag('bail'),
		onEvent: (event) => {
			if (context.json) return;
			const line = prettyEventLine(event, context.style);
			if (line !== undefined) context.err(line);
		},
	});
	const outputStyle = createStyle(context.args.values['no-color'] !== true && shouldColor(context.io.stdout));
	if (reporter === 'pretty' && !context.json) context.out('');
	context.out(renderSuiteReport(reporter, report, outputStyle).replace(/\n$/, ''));
	return report.exitCode;
}

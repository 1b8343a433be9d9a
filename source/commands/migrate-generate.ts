import path from 'node:path';
import {readProjectSettings} from '../core/config/project-settings.js';
import {parseDatabaseUrl} from '../core/database/target.js';
import {UsageError, type ExitCode} from '../core/errors.js';
import type {DesiredSource} from '../core/generate/desired-source.js';
import {generateExitCode, generateMigration} from '../core/generate/generate-migration.js';
import {renderGenerate} from '../report/generate.js';
import type {CommandContext} from './command.js';
import {sessionOptions} from './session-options.js';

/** The --from-... flags; exactly one per run. */
export const sourceFlags = ['from-dev', 'from-sql', 'from-url', 'from-command'] as const;

const generatorOnlyFlags = ['allow-drops', 'dry-run', 'unverified', 'stamp', 'command-timeout', 'scratch-url'] as const;

/** Whether the run generates (a --from-... flag); generator flags without one are a usage error. */
export function hasSourceFlag(context: CommandContext): boolean {
	const given = sourceFlags.some((flag) => context.args.values[flag] !== undefined && context.args.values[flag] !== false);
	const orphan = generatorOnlyFlags.find((flag) => context.args.values[flag] !== undefined && context.args.values[flag] !== false);
	if (!given && orphan) throw new UsageError(`--${orphan} goes with a generated migration: add --from-dev, --from-sql PATH, --from-url URL or --from-command.`);
	return given;
}

const defaultCommandTimeoutMs = 120_000;

function desiredSource(context: CommandContext): DesiredSource {
	const given = sourceFlags.filter((flag) => context.args.values[flag] !== undefined && context.args.values[flag] !== false);
	if (given.length > 1) throw new UsageError(`Give one source of the desired schema, not ${given.map((flag) => `--${flag}`).join(' and ')}.`);
	const config = context.config();
	switch (given[0]) {
		case 'from-dev':
			return {kind: 'dev'};
		case 'from-sql':
			return {kind: 'sql', path: path.resolve(context.string('from-sql')!)};
		case 'from-url':
			return {kind: 'url', target: parseDatabaseUrl(context.string('from-url')!, '--from-url')};
		default: {
			const settings = readProjectSettings(config.projectRoot);
			const command = context.string('from-command') || settings.fromCommand;
			if (!command) {
				throw new UsageError('--from-command needs a command, and the project configures none.', {
					hint: 'Pass it (--from-command "python -c \'from src.app import app, db; app.app_context().push(); db.create_all()\'") or set it once in package.json: {"cc-dev": {"fromCommand": "..."}}.',
				});
			}
			const flagTimeout = context.string('command-timeout');
			if (flagTimeout !== undefined && !(Number(flagTimeout) > 0)) throw new UsageError(`--command-timeout takes a number of seconds (got "${flagTimeout}").`);
			const timeoutMs = flagTimeout !== undefined ? Math.round(Number(flagTimeout) * 1000) : (settings.commandTimeoutMs ?? defaultCommandTimeoutMs);
			return {kind: 'command', command, timeoutMs, cwd: config.projectRoot};
		}
	}
}

function messageOf(context: CommandContext): string {
	const message = context.string('message') ?? context.args.positionals[0];
	if (message === undefined) throw new UsageError('A generated migration needs a message.', {hint: 'For example: cc-dev migrate new "add deck archive flag" --from-dev'});
	return message;
}

/**
 * `cc-dev migrate new MESSAGE --from-dev | --from-sql PATH | --from-url URL | --from-command [CMD]`:
 * generates the migration from the migrations' head to the desired schema, verified and linted
 * before it is written. Exit 0 written (or nothing to do), 1 refused or not verified, 2 bad input, 3 environment.
 */
export async function runMigrateGenerate(context: CommandContext): Promise<ExitCode> {
	if (context.string('template') !== undefined || context.flag('merge')) throw new UsageError('--from-... generates the SQL: leave out --template and --merge.');
	const source = desiredSource(context);
	const message = messageOf(context);
	const scratchUrl = context.string('scratch-url');
	const result = await generateMigration({
		...sessionOptions(context),
		message,
		source,
		allowDrops: context.flag('allow-drops'),
		dryRun: context.flag('dry-run'),
		unverified: context.flag('unverified'),
		stamp: context.flag('stamp'),
		...(scratchUrl ? {scratchServer: parseDatabaseUrl(scratchUrl, '--scratch-url')} : {}),
	});
	if (context.json) {
		context.printJson({...result, files: result.files.map(({text, ...file}) => ({...file, text}))});
		return generateExitCode(result);
	}
	context.out(renderGenerate(result, context.style));
	if (result.status === 'written' && source.kind === 'dev' && !context.flag('stamp')) {
		const last = result.files.at(-1)!.revision;
		context.out(`${context.style.cyan('next')}  Your development database already has this change: record it with cc-dev migrate stamp ${last} (or pass --stamp next time).`);
	}
	return generateExitCode(result);
}

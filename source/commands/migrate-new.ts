import path from 'node:path';
import {CancelledError, UsageError, type ExitCode} from '../core/errors.js';
import {templateQuestionNames} from '../core/scaffold/question-flags.js';
import {listTemplates, readHeads, scaffoldMigration} from '../core/scaffold/scaffold-migration.js';
import {resolveTemplatesDir} from '../core/scaffold/templates-dir.js';
import type {ScaffoldChoices} from './ask-scaffold.js';
import type {CommandContext} from './command.js';

/** The answers given as --<question> flags. */
function flagAnswers(context: CommandContext): Record<string, string> {
	const answers: Record<string, string> = {};
	for (const name of templateQuestionNames()) {
		const value = context.string(name);
		if (value !== undefined) answers[name] = value;
	}
	return answers;
}

function messageOf(context: CommandContext): string | undefined {
	const flag = context.string('message');
	const positional = context.args.positionals[0];
	if (flag !== undefined && positional !== undefined) throw new UsageError('Give the message once: as the argument or with --message, not both.');
	return flag ?? positional;
}

async function askInTerminal(context: CommandContext, known: {template?: string | undefined; message?: string | undefined; answers: Record<string, string>; heads: readonly string[]; templatesDir: string}): Promise<ScaffoldChoices> {
	const {askScaffold, isPromptCancel} = await import('./ask-scaffold.js');
	const stdout = context.io.stdout as NodeJS.WriteStream;
	try {
		return await askScaffold({
			templates: await listTemplates(known.templatesDir),
			template: known.template,
			message: known.message,
			answers: known.answers,
			heads: known.heads,
			signal: context.signal,
			output: stdout.isTTY ? context.io.stdout : context.io.stderr,
		});
	} catch (error) {
		if (isPromptCancel(error)) throw new CancelledError('Cancelled: no migration written.');
		throw error;
	}
}

/**
 * `cc-dev migrate new [MESSAGE] [--template NAME] [--<question> VALUE...] [--merge]`: writes a
 * migration from a template. In a terminal, what the flags leave open is asked; otherwise a missing
 * answer is a usage error naming its flag (the template defaults to blank).
 */
export async function runMigrateNew(context: CommandContext): Promise<ExitCode> {
	const generate = await import('./migrate-generate.js');
	if (generate.hasSourceFlag(context)) return generate.runMigrateGenerate(context);
	const config = context.config();
	const templatesDir = resolveTemplatesDir(config.templatesDir);
	const merge = context.flag('merge');
	const {heads} = readHeads(config.migrationsDir);
	let template = context.string('template');
	if (merge) {
		if (template !== undefined && template !== 'merge') throw new UsageError('--merge writes a merge revision: leave out --template.');
		if (heads.length < 2) throw new UsageError(`Nothing to merge: the migrations have ${heads.length === 0 ? 'no head' : `one head (${heads[0]})`}.`, {hint: '--merge joins several heads into one.'});
		template = 'merge';
	}
	let message = messageOf(context) ?? (merge ? 'merge heads' : undefined);
	let answers = flagAnswers(context);
	const isTerminal = Boolean((context.io.stdin as NodeJS.ReadStream).isTTY) && !context.json;
	if (isTerminal) {
		({template, message, answers} = await askInTerminal(context, {template, message, answers: {...answers}, heads, templatesDir}));
	}
	if (message === undefined) {
		throw new UsageError('cc-dev migrate new needs a message.', {hint: 'Pass it as the argument or with --message, e.g. cc-dev migrate new "add study goals" --template create-table --table study_goals'});
	}
	if (template === 'merge' && heads.length < 2) throw new UsageError('The merge template joins several heads, and the migrations have one.', {hint: 'Use another --template.'});
	const result = await scaffoldMigration({migrationsDir: config.migrationsDir, templatesDir, template: template ?? 'blank', message, answers});
	if (context.json) {
		context.printJson({revision: result.revision, path: result.path, template: template ?? 'blank', revises: result.revises, next: result.next, text: result.text});
		return 0;
	}
	const {style} = context;
	const relative = path.relative(process.cwd(), result.path) || result.path;
	context.out(`${style.green('✔')} Wrote ${style.bold(relative)} ${style.dim(`(revises ${result.revises?.join(', ') || 'nothing: the first migration'})`)}`);
	context.out('');
	context.out(result.text.trimEnd());
	if (result.next) context.out('');
	if (result.next) context.out(`${style.cyan('next')}  ${result.next}`);
	return 0;
}

import {input, select} from '@inquirer/prompts';
import {answerProblem, resolveDefault} from '../core/scaffold/answers.js';
import type {TemplateInfo, TemplateQuestion} from '../core/scaffold/contract.js';

/** What the questions of `migrate new` produce: everything a ScaffoldRequest needs from a person. */
export type ScaffoldChoices = {
	readonly template: string;
	readonly message: string;
	readonly answers: Readonly<Record<string, string>>;
};

export type AskScaffoldOptions = {
	readonly templates: readonly TemplateInfo[];
	/** Already decided (flags): not asked again. */
	readonly template?: string | undefined;
	readonly message?: string | undefined;
	readonly answers?: Readonly<Record<string, string>>;
	/** Several heads: the merge template is offered first. */
	readonly heads: readonly string[];
	readonly signal?: AbortSignal;
	readonly input?: NodeJS.ReadableStream;
	readonly output?: NodeJS.WritableStream;
};

function templateChoices(templates: readonly TemplateInfo[], heads: readonly string[]) {
	const canMerge = heads.length > 1;
	const usable = templates.filter((template) => template.name !== 'merge' || canMerge);
	const ordered = canMerge ? [...usable.filter((template) => template.name === 'merge'), ...usable.filter((template) => template.name !== 'merge')] : usable;
	return ordered.map((template) => ({value: template.name, name: template.name, description: template.description}));
}

function askQuestion(question: TemplateQuestion, answers: Readonly<Record<string, string>>, context: object): Promise<string> {
	const fallback = resolveDefault(question, answers);
	if (question.kind === 'choice' && question.choices) {
		return select({message: question.message, choices: question.choices.map((choice) => ({value: choice})), ...(fallback === undefined ? {} : {default: fallback})}, context);
	}
	return input(
		{
			message: question.message,
			...(fallback === undefined ? {} : {default: fallback}),
			validate: (value) => answerProblem(question, value) ?? true,
		},
		context,
	);
}

/**
 * Asks, with @inquirer/prompts, whatever is still open: the template, the message, then each
 * question of the template with its default (earlier answers fill in later defaults). Ctrl-C
 * rejects with inquirer's ExitPromptError; an aborted signal with AbortPromptError.
 */
export async function askScaffold(options: AskScaffoldOptions): Promise<ScaffoldChoices> {
	const context = {
		...(options.signal ? {signal: options.signal} : {}),
		...(options.input ? {input: options.input} : {}),
		...(options.output ? {output: options.output} : {}),
	};
	const template =
		options.template ??
		(await select({message: 'Which template?', choices: templateChoices(options.templates, options.heads), pageSize: 12, default: options.heads.length > 1 ? 'merge' : 'blank'}, context));
	const info = options.templates.find((candidate) => candidate.name === template);
	const message =
		options.message ??
		(await input(
			{
				message: 'Message (what the migration does)',
				...(template === 'merge' ? {default: 'merge heads'} : {}),
				validate: (value) => (value.trim() === '' ? 'A message is required.' : true),
			},
			context,
		));
	const answers: Record<string, string> = {...options.answers};
	for (const question of info?.questions ?? []) {
		if (answers[question.name] !== undefined) continue;
		answers[question.name] = (await askQuestion(question, answers, context)).trim();
	}
	return {template, message: message.trim(), answers};
}

/** True for the errors inquirer throws when the user presses Ctrl-C or the signal aborts. */
export function isPromptCancel(error: unknown): boolean {
	const name = (error as {name?: string} | undefined)?.name;
	return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

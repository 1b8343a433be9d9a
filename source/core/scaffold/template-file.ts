import path from 'node:path';
import {parse} from 'yaml';
import {InputError} from '../errors.js';
import type {QuestionKind, TemplateInfo, TemplateQuestion} from './contract.js';
import {placeholdersOf} from './render-template.js';

/** A template as read from its file: what it asks and the body to render. */
export type TemplateDefinition = {
	readonly info: TemplateInfo;
	/** Where it sorts in lists (front-matter `order`). */
	readonly order: number;
	/** The migration body after the front matter, with placeholders. */
	readonly body: string;
	readonly file: string;
};

const fence = /^--\s*---\s*$/;
const kinds = new Set<QuestionKind>(['identifier', 'identifiers', 'sql', 'text', 'integer', 'number', 'choice']);
/** Answers every template gets without asking. */
export const builtinPlaceholders = ['message', 'revision', 'revises', 'created', 'file', 'template'] as const;
/** Option names of `cc-dev migrate new` itself, which a question cannot take. */
export const reservedQuestionNames = new Set(['template', 'message', 'merge', 'migrations', 'templates', 'help', 'verbose', 'json', 'no-color', 'h', ...builtinPlaceholders]);
const questionName = /^[a-z][a-z0-9_-]*$/;

type Raw = Record<string, unknown>;

function fail(file: string, problem: string): never {
	throw new InputError(`${path.basename(file)}: ${problem}`, {
		hint: 'A template starts with a front-matter comment block between two "-- ---" lines: see templates/blank.sql, and source/core/scaffold/contract.ts for the format.',
	});
}

function splitFrontMatter(text: string, file: string): {yaml: string; body: string} {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	if (!fence.test(lines[0] ?? '')) fail(file, 'the first line is not "-- ---"');
	const close = lines.findIndex((line, index) => index > 0 && fence.test(line));
	if (close === -1) fail(file, 'the front matter has no closing "-- ---" line');
	const yaml = lines
		.slice(1, close)
		.map((line, index) => {
			if (!line.startsWith('--')) fail(file, `front-matter line ${index + 2} does not start with "--"`);
			return line.slice(line.startsWith('-- ') ? 3 : 2);
		})
		.join('\n');
	return {yaml, body: lines.slice(close + 1).join('\n').replace(/^\n+/, '')};
}

function readQuestion(file: string, raw: unknown, index: number): TemplateQuestion {
	if (typeof raw !== 'object' || raw === null) fail(file, `questions[${index}] is not a map`);
	const entry = raw as Raw;
	const name = entry['name'];
	if (typeof name !== 'string' || !questionName.test(name)) fail(file, `questions[${index}].name must be lowercase letters, digits, _ or -`);
	if (reservedQuestionNames.has(name)) fail(file, `the question name "${name}" is reserved (an option of cc-dev migrate new, or a built-in placeholder)`);
	const message = entry['message'];
	if (typeof message !== 'string' || message.trim() === '') fail(file, `questions[${index}] (${name}) has no message`);
	const kind = (entry['kind'] ?? 'sql') as QuestionKind;
	if (!kinds.has(kind)) fail(file, `questions[${index}] (${name}) has an unknown kind "${String(entry['kind'])}"`);
	const choices = entry['choices'];
	if (kind === 'choice' && (!Array.isArray(choices) || choices.length === 0 || !choices.every((choice) => typeof choice === 'string'))) {
		fail(file, `questions[${index}] (${name}) is a choice without a list of choices`);
	}
	const fallback = entry['default'];
	return {
		name,
		message: message.trim(),
		kind,
		...(fallback === undefined || fallback === null ? {} : {default: String(fallback)}),
		...(kind === 'choice' ? {choices: choices as string[]} : {}),
	};
}

/** Parses a template file: front matter (validated, every problem names the file) and body. */
export function parseTemplate(text: string, file: string): TemplateDefinition {
	const {yaml, body} = splitFrontMatter(text, file);
	let data: unknown;
	try {
		data = parse(yaml);
	} catch (error) {
		fail(file, `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	if (typeof data !== 'object' || data === null) fail(file, 'the front matter is empty');
	const raw = data as Raw;
	const description = raw['description'];
	if (typeof description !== 'string' || description.trim() === '') fail(file, 'no description');
	const transaction = raw['transaction'] ?? 'per-migration';
	if (transaction !== 'per-migration' && transaction !== 'none') fail(file, `transaction must be per-migration or none (got "${String(transaction)}")`);
	const rawQuestions = raw['questions'] ?? [];
	if (!Array.isArray(rawQuestions)) fail(file, 'questions must be a list');
	const questions = rawQuestions.map((question, index) => readQuestion(file, question, index));
	const names = new Set(questions.map((question) => question.name));
	if (names.size !== questions.length) fail(file, 'two questions have the same name');
	const example = Object.fromEntries(Object.entries((raw['example'] ?? {}) as Raw).map(([key, value]) => [key, String(value)]));
	for (const key of Object.keys(example)) if (!names.has(key)) fail(file, `the example answers "${key}", which is not a question`);
	const known = new Set<string>([...names, ...builtinPlaceholders]);
	for (const placeholder of placeholdersOf(body)) {
		if (!known.has(placeholder)) fail(file, `the body uses {{${placeholder}}}, which is neither a question nor one of ${builtinPlaceholders.join(', ')}`);
	}
	if (!/^-- migrate:up\s*$/m.test(body)) fail(file, 'the body has no "-- migrate:up" line');
	const next = raw['next'];
	const info: TemplateInfo = {
		name: path.basename(file, '.sql'),
		description: description.trim(),
		transaction,
		questions,
		example,
		...(raw['fails-until-edited'] === true ? {failsUntilEdited: true} : {}),
		...(typeof next === 'string' && next.trim() !== '' ? {next: next.trim()} : {}),
	};
	const order = typeof raw['order'] === 'number' ? raw['order'] : 1000;
	return {info, order, body, file};
}

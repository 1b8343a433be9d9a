import {UsageError} from '../errors.js';
import type {TemplateInfo, TemplateQuestion} from './contract.js';
import {fillKnown} from './render-template.js';

const identifier = /^[a-z_][a-z0-9_]*$/;

function checkIdentifier(value: string): string | undefined {
	if (!identifier.test(value)) return `"${value}" is not a lowercase SQL name (letters, digits and _, not starting with a digit)`;
	if (Buffer.byteLength(value) > 63) return `"${value}" is longer than 63 characters, and PostgreSQL would cut it`;
	return undefined;
}

/** Why an answer is not acceptable for its question, or undefined when it is. The same check serves flags and prompts. */
export function answerProblem(question: TemplateQuestion, value: string): string | undefined {
	const text = value.trim();
	if (text === '') return 'an answer is required';
	if (/[\r\n]/.test(value)) return 'the answer must be on one line';
	switch (question.kind ?? 'sql') {
		case 'identifier':
			return checkIdentifier(text);
		case 'identifiers': {
			const names = text.split(',').map((name) => name.trim());
			return names.map((name) => (name === '' ? 'an empty name in the list' : checkIdentifier(name))).find((problem) => problem !== undefined);
		}
		case 'integer':
			return /^[1-9]\d*$/.test(text) ? undefined : `"${text}" is not a whole number greater than 0`;
		case 'number':
			return /^\d+(\.\d+)?$/.test(text) ? undefined : `"${text}" is not a number (like 0.1)`;
		case 'choice':
			return question.choices?.includes(text) ? undefined : `"${text}" is not one of ${question.choices?.join(', ')}`;
		case 'text':
			return text.includes('$$') ? 'the answer cannot contain $$' : undefined;
		case 'sql':
			return text.includes(';') ? 'one fragment of SQL, without ";"' : undefined;
	}
}

/** The default of a question with earlier answers filled in (ix_{{table}}_{{columns|snake}} -> ix_decks_user_id). */
export function resolveDefault(question: TemplateQuestion, answers: Readonly<Record<string, string>>): string | undefined {
	return question.default === undefined ? undefined : fillKnown(question.default, answers);
}

/**
 * Every answer of a template: the given ones checked, the missing ones from their defaults. A
 * missing required answer or an invalid one is a usage error naming the flag.
 */
export function completeAnswers(info: TemplateInfo, given: Readonly<Record<string, string>>): Record<string, string> {
	const known = new Set(info.questions.map((question) => question.name));
	const unknown = Object.keys(given).filter((name) => !known.has(name));
	if (unknown.length > 0) {
		throw new UsageError(`The template ${info.name} has no question ${unknown.map((name) => `--${name}`).join(', ')}.`, {
			hint: info.questions.length > 0 ? `Its questions: ${info.questions.map((question) => `--${question.name}`).join(', ')}.` : 'It asks no questions.',
		});
	}
	const answers: Record<string, string> = {};
	for (const question of info.questions) {
		const value = given[question.name] ?? resolveDefault(question, answers);
		if (value === undefined) {
			throw new UsageError(`The template ${info.name} needs --${question.name} (${question.message}).`, {
				hint: `For example: --${question.name} ${JSON.stringify(info.example[question.name] ?? 'VALUE')}`,
			});
		}
		const problem = answerProblem(question, value);
		if (problem) throw new UsageError(`--${question.name}: ${problem}.`, {hint: question.message});
		answers[question.name] = value.trim();
	}
	return answers;
}

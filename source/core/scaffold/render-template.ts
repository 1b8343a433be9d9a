import {InputError} from '../errors.js';

/** `{{name}}` or `{{name|filter}}`. */
const placeholderPattern = /\{\{\s*([a-z][a-z0-9_-]*)\s*(?:\|\s*([a-z-]+)\s*)?\}\}/g;

/** Splits at commas outside parentheses, brackets and quotes: "a numeric(10,2), b text" -> two items. */
export function splitTopLevel(text: string): string[] {
	const items: string[] = [];
	let depth = 0;
	let quote: string | undefined;
	let current = '';
	for (const character of text) {
		if (quote) {
			if (character === quote) quote = undefined;
		} else if (character === "'" || character === '"') {
			quote = character;
		} else if (character === '(' || character === '[') {
			depth++;
		} else if (character === ')' || character === ']') {
			depth--;
		} else if (character === ',' && depth === 0) {
			items.push(current.trim());
			current = '';
			continue;
		}
		current += character;
	}
	items.push(current.trim());
	return items.filter((item) => item !== '');
}

/** A column definition that is just `name jsonb` gets the project's convention: NOT NULL with an empty-object default. */
function withJsonbConvention(definition: string): string {
	return /^\S+\s+jsonb$/i.test(definition) ? `${definition} NOT NULL DEFAULT '{}'::jsonb` : definition;
}

type Filter = (value: string, indent: string) => string;

/** What `{{answer|filter}}` can do to an answer. */
export const filters: Readonly<Record<string, Filter>> = {
	/** A SQL string literal: It's -> 'It''s'. */
	literal: (value) => `'${value.replace(/'/g, "''")}'`,
	/** For names built from answers: "deck_id, status" -> deck_id_status. */
	snake: (value) => value.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''),
	/** Column definitions, one per line, each followed by a comma; a bare `name jsonb` becomes NOT NULL DEFAULT '{}'. */
	'column-rows': (value, indent) =>
		splitTopLevel(value)
			.map((definition) => `${withJsonbConvention(definition)},`)
			.join(`\n${indent}`),
};

/** The placeholders of a template body, in order; unknown filters are an input error. */
export function placeholdersOf(body: string): string[] {
	const names: string[] = [];
	for (const match of body.matchAll(placeholderPattern)) {
		const filter = match[2];
		if (filter !== undefined && !(filter in filters)) {
			throw new InputError(`Unknown template filter "${filter}" in ${match[0]}.`, {hint: `Filters: ${Object.keys(filters).join(', ')}.`});
		}
		names.push(match[1]!);
	}
	return names;
}

/**
 * Fills the placeholders of a template text. A line holding nothing but a placeholder whose value
 * is empty disappears; a multi-line value keeps the indentation of its line.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>): string {
	const lines: string[] = [];
	for (const line of text.split('\n')) {
		const indent = /^\s*/.exec(line)![0];
		let hasPlaceholder = false;
		const rendered = line.replace(placeholderPattern, (_match, name: string, filter: string | undefined) => {
			const value = values[name];
			if (value === undefined) throw new InputError(`No value for {{${name}}}.`, {hint: 'Answer every question of the template.'});
			hasPlaceholder = true;
			return filter ? filters[filter]!(value, indent) : value;
		});
		if (hasPlaceholder && rendered.trim() === '') continue;
		lines.push(rendered);
	}
	return lines.join('\n');
}

/** Fills placeholders in a short text (a default, a hint) from the answers so far; unknown ones stay as they are. */
export function fillKnown(text: string, values: Readonly<Record<string, string>>): string {
	return text.replace(placeholderPattern, (match, name: string, filter: string | undefined) => {
		const value = values[name];
		if (value === undefined) return match;
		return filter ? filters[filter]!(value, '') : value;
	});
}

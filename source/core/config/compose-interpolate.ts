import {InputError} from '../errors.js';

/** Where a value came from, for error messages: the file and the field. */
export type ValuePlace = {readonly file: string; readonly field: string};

const namePattern = /^[A-Za-z_]\w*/;

function fail(place: ValuePlace, problem: string, hint: string): never {
	throw new InputError(`${place.file}: ${place.field}: ${problem}`, {hint});
}

/** The index of the `}` closing the `${` that starts at `open`, allowing nested `${...}` in defaults. */
function closingBrace(text: string, open: number): number {
	let depth = 0;
	for (let index = open; index < text.length; index++) {
		if (text[index] === '$' && text[index + 1] === '$') {
			index++;
		} else if (text[index] === '$' && text[index + 1] === '{') {
			depth++;
			index++;
		} else if (text[index] === '}') {
			depth--;
			if (depth === 0) return index;
		}
	}
	return -1;
}

function expandBraced(body: string, env: NodeJS.ProcessEnv, place: ValuePlace): string {
	const name = namePattern.exec(body)?.[0];
	if (!name) fail(place, `"\${${body}}" is not a valid variable reference`, 'Variable names are letters, digits and _, not starting with a digit; write $$ for a literal $.');
	const value = env[name];
	const rest = body.slice(name.length);
	if (rest === '') return value ?? '';
	const operator = /^(:?[-?+])/.exec(rest)?.[1];
	if (!operator) fail(place, `"\${${body}}" is not a valid variable reference`, 'Use ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error} or ${VAR?error}; write $$ for a literal $.');
	const argument = rest.slice(operator.length);
	const isSet = value !== undefined;
	const isSetAndNotEmpty = isSet && value !== '';
	switch (operator) {
		case ':-':
			return isSetAndNotEmpty ? value : interpolate(argument, env, place);
		case '-':
			return isSet ? value : interpolate(argument, env, place);
		case ':?':
		case '?':
			if (operator === ':?' ? isSetAndNotEmpty : isSet) return value!;
			return fail(
				place,
				`required variable ${name} is ${isSet ? 'empty' : 'not set'}${argument ? `: ${interpolate(argument, env, place)}` : ''}`,
				`Set ${name} in the environment, or give the field a value in docker-compose.yml.`,
			);
		case ':+':
			return isSetAndNotEmpty ? interpolate(argument, env, place) : '';
		default:
			return isSet ? interpolate(argument, env, place) : '';
	}
}

/**
 * Expands variables in one compose value as docker compose does: `$$` is a literal `$`; `$VAR` and
 * `${VAR}` (empty when unset); `${VAR:-default}` (unset or empty) and `${VAR-default}` (unset);
 * `${VAR:?error}` and `${VAR?error}` stop with the error; `${VAR:+alt}` and `${VAR+alt}`. Defaults may
 * hold further references. Any other `$` is an error, as in compose.
 */
export function interpolate(text: string, env: NodeJS.ProcessEnv, place: ValuePlace): string {
	let result = '';
	let index = 0;
	while (index < text.length) {
		const dollar = text.indexOf('$', index);
		if (dollar === -1) {
			result += text.slice(index);
			break;
		}
		result += text.slice(index, dollar);
		const next = text[dollar + 1];
		if (next === '$') {
			result += '$';
			index = dollar + 2;
		} else if (next === '{') {
			const close = closingBrace(text, dollar);
			if (close === -1) fail(place, `"${text}" has an unclosed \${`, 'Close it with }, or write $$ for a literal $.');
			result += expandBraced(text.slice(dollar + 2, close), env, place);
			index = close + 1;
		} else {
			const name = namePattern.exec(text.slice(dollar + 1))?.[0];
			if (!name) fail(place, `"${text}" has a $ that starts no variable`, 'Write $$ for a literal $ (docker compose reads $ as the start of a variable).');
			result += env[name] ?? '';
			index = dollar + 1 + name.length;
		}
	}
	return result;
}

/** Interpolates every string of a parsed YAML value (keys stay as written, as in compose). */
export function interpolateTree(value: unknown, env: NodeJS.ProcessEnv, place: ValuePlace): unknown {
	if (typeof value === 'string') return interpolate(value, env, place);
	if (Array.isArray(value)) return value.map((item, index) => interpolateTree(item, env, {file: place.file, field: `${place.field}[${index}]`}));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateTree(item, env, {file: place.file, field: `${place.field}.${key}`})]));
	}
	return value;
}

import test from 'ava';
import {interpolate} from '../../../source/core/config/compose-interpolate.js';
import {InputError} from '../../../source/core/errors.js';

const place = {file: 'docker-compose.yml', field: 'services.db.image'};
const env = {SET: 'value', EMPTY: '', OTHER: 'other'};
const expand = (text: string) => interpolate(text, env, place);

test('$VAR and ${VAR} take the value, or nothing when unset', (t) => {
	t.is(expand('a-$SET-b'), 'a-value-b');
	t.is(expand('a-${SET}-b'), 'a-value-b');
	t.is(expand('$SET_x'), '', 'the name runs as far as name characters go, as in compose');
	t.is(expand('${UNSET}|$UNSET'), '|');
	t.is(expand('${EMPTY}'), '');
});

test('$$ is a literal $, never the start of a variable', (t) => {
	t.is(expand('pa$$word'), 'pa$word');
	t.is(expand('$${SET}'), '${SET}');
	t.is(expand('$$$SET'), '$value');
	t.is(expand('cost: $$5'), 'cost: $5');
});

test('${VAR:-default} for unset or empty, ${VAR-default} for unset only', (t) => {
	t.is(expand('${UNSET:-fallback}'), 'fallback');
	t.is(expand('${EMPTY:-fallback}'), 'fallback');
	t.is(expand('${SET:-fallback}'), 'value');
	t.is(expand('${UNSET-fallback}'), 'fallback');
	t.is(expand('${EMPTY-fallback}'), '');
	t.is(expand('${SET-fallback}'), 'value');
	t.is(expand('${UNSET:-}'), '');
	t.is(expand('${UNSET:-a:b/c}'), 'a:b/c');
});

test('a default may hold further references and escapes', (t) => {
	t.is(expand('${UNSET:-${OTHER}}'), 'other');
	t.is(expand('${UNSET:-${ALSO_UNSET:-deep}}'), 'deep');
	t.is(expand('${UNSET:-$$x}'), '$x');
});

test('${VAR:+alt} and ${VAR+alt} replace a set variable', (t) => {
	t.is(expand('${SET:+alt}'), 'alt');
	t.is(expand('${EMPTY:+alt}'), '');
	t.is(expand('${EMPTY+alt}'), 'alt');
	t.is(expand('${UNSET+alt}'), '');
});

test('${VAR:?error} stops on unset or empty, ${VAR?error} on unset only, naming the field and the variable', (t) => {
	t.is(expand('${SET:?needed}'), 'value');
	t.is(expand('${EMPTY?needed}'), '');
	const unset = t.throws(() => expand('${UNSET:?set the image}'), {instanceOf: InputError});
	t.is(unset?.message, 'docker-compose.yml: services.db.image: required variable UNSET is not set: set the image');
	t.is(unset?.exitCode, 2);
	t.regex(unset?.hint ?? '', /Set UNSET/);
	t.throws(() => expand('${EMPTY:?}'), {message: 'docker-compose.yml: services.db.image: required variable EMPTY is empty'});
	t.throws(() => expand('${UNSET?missing}'), {message: /required variable UNSET is not set: missing/});
});

test('a $ that starts no variable, an unclosed ${ and a bad name are errors with the fix', (t) => {
	const lone = t.throws(() => expand('pa$5word'), {instanceOf: InputError});
	t.regex(lone?.message ?? '', /services\.db\.image: "pa\$5word" has a \$ that starts no variable/);
	t.regex(lone?.hint ?? '', /\$\$/);
	t.throws(() => expand('ends with $'), {message: /starts no variable/});
	t.throws(() => expand('${SET'), {message: /unclosed/});
	t.throws(() => expand('${1BAD}'), {message: /not a valid variable reference/});
	t.throws(() => expand('${SET/x/y}'), {message: /not a valid variable reference/});
});

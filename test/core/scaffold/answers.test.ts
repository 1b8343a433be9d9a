import test from 'ava';
import {UsageError} from '../../../source/core/errors.js';
import {answerProblem, completeAnswers, resolveDefault} from '../../../source/core/scaffold/answers.js';
import type {TemplateInfo} from '../../../source/core/scaffold/contract.js';
import {newRevisionId, slugFromMessage} from '../../../source/core/scaffold/naming.js';

const info: TemplateInfo = {
	name: 'add-index',
	description: 'd',
	transaction: 'none',
	questions: [
		{name: 'table', message: 'Table', kind: 'identifier'},
		{name: 'columns', message: 'Columns', kind: 'identifiers'},
		{name: 'index', message: 'Index', kind: 'identifier', default: 'ix_{{table}}_{{columns|snake}}'},
	],
	example: {table: 'flashcards', columns: 'deck_id'},
};

test('answers are checked by kind', (t) => {
	const cases: Array<[TemplateInfo['questions'][number], string, boolean]> = [
		[{name: 'a', message: 'm', kind: 'identifier'}, 'deck_reminders', true],
		[{name: 'a', message: 'm', kind: 'identifier'}, 'Decks', false],
		[{name: 'a', message: 'm', kind: 'identifier'}, 'x'.repeat(64), false],
		[{name: 'a', message: 'm', kind: 'identifiers'}, 'deck_id, status', true],
		[{name: 'a', message: 'm', kind: 'identifiers'}, 'deck_id,, status', false],
		[{name: 'a', message: 'm', kind: 'integer'}, '500', true],
		[{name: 'a', message: 'm', kind: 'integer'}, '0', false],
		[{name: 'a', message: 'm', kind: 'number'}, '0.1', true],
		[{name: 'a', message: 'm', kind: 'choice', choices: ['CASCADE', 'SET NULL']}, 'SET NULL', true],
		[{name: 'a', message: 'm', kind: 'choice', choices: ['CASCADE']}, 'DROP', false],
		[{name: 'a', message: 'm', kind: 'sql'}, 'text NOT NULL DEFAULT \'\'', true],
		[{name: 'a', message: 'm', kind: 'sql'}, 'text; DROP TABLE users', false],
		[{name: 'a', message: 'm', kind: 'text'}, 'two\nlines', false],
		[{name: 'a', message: 'm'}, '   ', false],
	];
	for (const [question, value, isValid] of cases) t.is(answerProblem(question, value) === undefined, isValid, `${question.kind ?? 'sql'}: ${JSON.stringify(value)}`);
});

test('defaults refer to earlier answers; missing ones come from defaults', (t) => {
	t.is(resolveDefault(info.questions[2]!, {table: 'decks', columns: 'user_id, name'}), 'ix_decks_user_id_name');
	t.deepEqual(completeAnswers(info, {table: 'decks', columns: 'user_id'}), {table: 'decks', columns: 'user_id', index: 'ix_decks_user_id'});
});

test('a missing answer is a usage error naming its flag, with the example', (t) => {
	const error = t.throws(() => completeAnswers(info, {table: 'decks'}), {instanceOf: UsageError});
	t.regex(error!.message, /needs --columns/);
	t.regex(error!.hint!, /--columns "deck_id"/);
	t.throws(() => completeAnswers(info, {table: 'decks', columns: 'a', column: 'b'}), {instanceOf: UsageError, message: /no question --column/});
	t.throws(() => completeAnswers(info, {table: 'Decks', columns: 'a'}), {instanceOf: UsageError, message: /--table: "Decks" is not a lowercase SQL name/});
});

test('revision ids are 12 hex characters, fresh; slugs come from the message', (t) => {
	const taken = new Set<string>();
	for (let index = 0; index < 200; index++) {
		const revision = newRevisionId(taken);
		t.regex(revision, /^[0-9a-f]{12}$/);
		t.false(taken.has(revision));
		taken.add(revision);
	}
	t.is(slugFromMessage('Add study goals!'), 'add_study_goals');
	t.is(slugFromMessage('Décks: ajouter « archivé »'), 'decks_ajouter_archive');
	t.is(slugFromMessage('!!!'), 'migration');
	t.true(slugFromMessage('x'.repeat(80)).length <= 50);
});

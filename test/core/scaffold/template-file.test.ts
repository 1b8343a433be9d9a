import test from 'ava';
import {InputError} from '../../../source/core/errors.js';
import {parseTemplate} from '../../../source/core/scaffold/template-file.js';

const frontMatter = (yaml: string, body = '-- migrate:up\nSELECT {{table}};\n-- migrate:down\nSELECT 1;\n'): string =>
	`-- ---\n${yaml
		.split('\n')
		.map((line) => `-- ${line}`)
		.join('\n')}\n-- ---\n${body}`;

test('reads description, transaction, questions with kinds and defaults, example, next and order', (t) => {
	const template = parseTemplate(
		frontMatter(
			[
				'order: 5',
				'description: Does a thing',
				'transaction: none',
				'questions:',
				'  - name: table',
				'    message: Which table',
				'    kind: identifier',
				'  - name: mode',
				'    message: How',
				'    kind: choice',
				'    choices: [A, B]',
				'    default: A',
				'example:',
				'  table: decks',
				'next: "then {{table}}"',
			].join('\n'),
		),
		'/somewhere/do-thing.sql',
	);
	t.is(template.order, 5);
	t.deepEqual(template.info, {
		name: 'do-thing',
		description: 'Does a thing',
		transaction: 'none',
		questions: [
			{name: 'table', message: 'Which table', kind: 'identifier'},
			{name: 'mode', message: 'How', kind: 'choice', default: 'A', choices: ['A', 'B']},
		],
		example: {table: 'decks'},
		next: 'then {{table}}',
	});
	t.true(template.body.startsWith('-- migrate:up'));
});

const broken: Array<[string, string, RegExp]> = [
	['no front matter', '-- migrate:up\nSELECT 1;', /first line is not "-- ---"/],
	['unclosed front matter', '-- ---\n-- description: x\n-- migrate:up', /no closing/],
	['no description', frontMatter('transaction: none'), /no description/],
	['bad transaction mode', frontMatter('description: x\ntransaction: sometimes'), /transaction must be per-migration or none/],
	['unknown placeholder', frontMatter('description: x', '-- migrate:up\nSELECT {{nope}};'), /\{\{nope\}\}/],
	['reserved question name', frontMatter('description: x\nquestions:\n  - name: message\n    message: m'), /reserved/],
	['example of no question', frontMatter('description: x\nexample:\n  other: 1'), /not a question/],
	['unknown filter', frontMatter('description: x\nquestions:\n  - name: table\n    message: t', '-- migrate:up\nSELECT {{table|shout}};'), /Unknown template filter "shout"/],
	['no up marker', frontMatter('description: x\nquestions:\n  - name: table\n    message: t', 'SELECT {{table}};'), /no "-- migrate:up"/],
];

for (const [title, text, message] of broken) {
	test(`rejects a template with ${title}`, (t) => {
		t.throws(() => parseTemplate(text, '/t/broken.sql'), {instanceOf: InputError, message});
	});
}

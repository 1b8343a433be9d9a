import {PassThrough} from 'node:stream';
import test from 'ava';
import {listTemplates} from '../../../source/core/scaffold/scaffold-migration.js';
import {bundledTemplatesDir} from '../../../source/core/scaffold/templates-dir.js';
import {askScaffold, isPromptCancel} from '../../../source/commands/ask-scaffold.js';
import {delay, keys, plain} from '../fake-services.js';

const templates = await listTemplates(bundledTemplatesDir);

/** A fake terminal: keys typed into `input`, the prompts' drawing collected from `output`. */
function terminal() {
	const input = new PassThrough();
	const output = new PassThrough();
	// Each prompt pipes into `output` and ends the pipe when it is done; a terminal stays open (Node never ends process.stdout that way).
	output.end = () => output;
	let written = '';
	output.on('data', (chunk: Buffer) => {
		written += chunk.toString();
	});
	const type = async (...sequence: string[]) => {
		for (const text of sequence) {
			await delay(40);
			input.write(text);
		}
	};
	return {input, output, type, screen: () => plain(written)};
}

test('asks for the template, the message, then each question with its default', async (t) => {
	const io = terminal();
	const asked = askScaffold({templates, heads: ['28a8c0e6e895'], input: io.input, output: io.output});
	await io.type(keys.down, keys.enter, 'add reminders', keys.enter, 'deck_reminders', keys.enter, keys.enter);
	const choices = await asked;
	t.deepEqual(choices, {template: 'create-table', message: 'add reminders', answers: {table: 'deck_reminders', columns: 'name varchar(200) NOT NULL, custom_fields jsonb'}});
	t.regex(io.screen(), /Which template\?/);
	t.regex(io.screen(), /Name of the new table \(snake_case, plural\)/);
});

test('flags already given are not asked again; later defaults use earlier answers; invalid answers are refused', async (t) => {
	const io = terminal();
	const asked = askScaffold({templates, template: 'add-index', message: 'index goals', answers: {table: 'flashcards'}, heads: ['28a8c0e6e895'], input: io.input, output: io.output});
	await io.type('Deck Id', keys.enter);
	await delay(80);
	t.regex(io.screen(), /is not a lowercase SQL name/);
	await io.type('\u007F'.repeat(7), 'deck_id, status', keys.enter, keys.enter);
	const choices = await asked;
	t.deepEqual(choices.answers, {table: 'flashcards', columns: 'deck_id, status', index: 'ix_flashcards_deck_id_status'});
	t.notRegex(io.screen(), /Which template|Message/);
});

test('with several heads the merge template comes first; Ctrl-C cancels', async (t) => {
	const io = terminal();
	const asked = askScaffold({templates, heads: ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'], input: io.input, output: io.output});
	await io.type(keys.enter);
	await delay(80);
	t.regex(io.screen(), /Which template\? merge/);
	await io.type(keys.ctrlC);
	const error = await t.throwsAsync(asked);
	t.true(isPromptCancel(error));
});

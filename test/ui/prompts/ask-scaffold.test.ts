import {PassThrough} from 'node:stream';
import test from 'ava';
import {listTemplates} from '../../../source/core/scaffold/scaffold-migration.js';
import {bundledTemplatesDir} from '../../../source/core/scaffold/templates-dir.js';
import {askScaffold, isPromptCancel} from '../../../source/commands/ask-scaffold.js';
import {keys, plain, until} from '../fake-services.js';

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
	const screen = () => plain(written);
	// A prompt takes keys from the moment it is drawn (its key handler is set up with its first render); keys
	// typed before that would reach the prompt before it. So every answer waits for its question.
	const type = (...sequence: string[]) => {
		for (const text of sequence) input.write(text);
	};
	const shows = async (pattern: RegExp) => {
		try {
			await until(() => pattern.test(screen()), String(pattern));
		} catch (error) {
			throw new Error(`${(error as Error).message}; the prompts wrote:\n${screen()}`);
		}
	};
	return {input, output, type, shows, screen};
}

test('asks for the template, the message, then each question with its default', async (t) => {
	const io = terminal();
	const asked = askScaffold({templates, heads: ['28a8c0e6e895'], input: io.input, output: io.output});
	await io.shows(/Which template\?/);
	io.type(keys.down, keys.enter);
	await io.shows(/Message \(what the migration does\)/);
	io.type('add reminders', keys.enter);
	await io.shows(/Name of the new table/);
	io.type('deck_reminders', keys.enter);
	await io.shows(/Its columns besides id/);
	io.type(keys.enter);
	const choices = await asked;
	t.deepEqual(choices, {template: 'create-table', message: 'add reminders', answers: {table: 'deck_reminders', columns: 'name varchar(200) NOT NULL, custom_fields jsonb'}});
	t.regex(io.screen(), /Which template\?/);
	t.regex(io.screen(), /Name of the new table \(snake_case, plural\)/);
});

test('flags already given are not asked again; later defaults use earlier answers; invalid answers are refused', async (t) => {
	const io = terminal();
	const asked = askScaffold({templates, template: 'add-index', message: 'index goals', answers: {table: 'flashcards'}, heads: ['28a8c0e6e895'], input: io.input, output: io.output});
	await io.shows(/Column\(s\) of the index/);
	io.type('Deck Id', keys.enter);
	await io.shows(/is not a lowercase SQL name/);
	io.type('\u007F'.repeat(7), 'deck_id, status', keys.enter);
	await io.shows(/Name of the index/);
	io.type(keys.enter);
	const choices = await asked;
	t.deepEqual(choices.answers, {table: 'flashcards', columns: 'deck_id, status', index: 'ix_flashcards_deck_id_status'});
	t.notRegex(io.screen(), /Which template|Message/);
});

test('with several heads the merge template comes first; Ctrl-C cancels', async (t) => {
	const io = terminal();
	const asked = askScaffold({templates, heads: ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'], input: io.input, output: io.output});
	await io.shows(/Which template\?/);
	io.type(keys.enter);
	await io.shows(/Which template\? merge/);
	await io.shows(/Message \(what the migration does\)/);
	io.type(keys.ctrlC);
	const error = await t.throwsAsync(asked);
	t.true(isPromptCancel(error));
});

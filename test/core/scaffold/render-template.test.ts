import test from 'ava';
import {fillKnown, renderTemplate, splitTopLevel} from '../../../source/core/scaffold/render-template.js';

test('fills placeholders and applies filters', (t) => {
	t.is(renderTemplate('ALTER TYPE {{type}} ADD VALUE {{value|literal}};', {type: 'mood', value: "it's"}), "ALTER TYPE mood ADD VALUE 'it''s';");
	t.is(renderTemplate('ix_{{table}}_{{columns|snake}}', {table: 'flashcards', columns: 'deck_id, status'}), 'ix_flashcards_deck_id_status');
});

test('column-rows puts one definition per line at the placeholder\'s indentation, with the jsonb convention', (t) => {
	const text = 'CREATE TABLE t (\n    id uuid,\n    {{columns|column-rows}}\n    created_at timestamptz\n);';
	t.is(
		renderTemplate(text, {columns: "price numeric(10,2) NOT NULL, tags jsonb, note text DEFAULT 'a, b'"}),
		"CREATE TABLE t (\n    id uuid,\n    price numeric(10,2) NOT NULL,\n    tags jsonb NOT NULL DEFAULT '{}'::jsonb,\n    note text DEFAULT 'a, b',\n    created_at timestamptz\n);",
	);
});

test('a line holding only an empty placeholder disappears', (t) => {
	t.is(renderTemplate('a\n    {{columns|column-rows}}\nb', {columns: ''}), 'a\nb');
});

test('splitTopLevel ignores commas in parentheses and quotes', (t) => {
	t.deepEqual(splitTopLevel("a numeric(10,2), b text DEFAULT 'x,y', c int"), ['a numeric(10,2)', "b text DEFAULT 'x,y'", 'c int']);
});

test('fillKnown leaves unknown placeholders alone (defaults that refer to later answers)', (t) => {
	t.is(fillKnown('ix_{{table}}_{{columns|snake}}', {table: 'decks'}), 'ix_decks_{{columns|snake}}');
});

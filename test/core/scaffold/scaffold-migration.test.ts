import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {InputError, UsageError} from '../../../source/core/errors.js';
import {parseMigration} from '../../../source/core/migrations/parse-migration.js';
import {listTemplates, scaffoldMigration} from '../../../source/core/scaffold/scaffold-migration.js';
import {bundledTemplatesDir} from '../../../source/core/scaffold/templates-dir.js';
import {chain, migrationsDir} from '../../helpers/migrations-dir.js';
import {tempFolder} from '../../helpers/temp-folder.js';

const now = new Date('2026-03-04T05:06:07.890Z');

test('lists the templates in menu order, each complete', async (t) => {
	const templates = await listTemplates(bundledTemplatesDir);
	const names = templates.map((template) => template.name);
	t.deepEqual(names, ['blank', 'create-table', 'add-column', 'add-index', 'add-foreign-key', 'validate-constraint', 'add-enum-value', 'rename-column-expand', 'rename-column-contract', 'backfill', 'merge']);
	for (const template of templates) {
		t.true(template.description.length > 10, template.name);
		for (const key of Object.keys(template.example)) t.true(template.questions.some((question) => question.name === key), `${template.name}: ${key}`);
		for (const question of template.questions) t.true(question.default !== undefined || template.example[question.name] !== undefined, `${template.name} has an example for ${question.name}`);
	}
	t.true(templates.find((template) => template.name === 'blank')!.failsUntilEdited);
	t.deepEqual(templates.filter((template) => template.transaction === 'none').map((template) => template.name), ['add-index', 'add-enum-value', 'backfill']);
});

test('writes a file with a fresh revision, Revises = the head, the headers and the slug', async (t) => {
	const directory = migrationsDir(t, chain(2));
	const result = await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: 'add-column', message: 'Add archived_at to decks', answers: {table: 'decks', column: 'archived_at', type: 'timestamp with time zone'}, now});
	t.regex(result.revision, /^[0-9a-f]{12}$/);
	t.is(path.basename(result.path), `${result.revision}_add_archived_at_to_decks.sql`);
	t.is(readFileSync(result.path, 'utf8'), result.text);
	t.deepEqual(result.revises, ['000000000002']);
	const migration = parseMigration(result.text, result.path);
	t.deepEqual(migration.parents, ['000000000002']);
	t.is(migration.created, '2026-03-04T05:06:07Z');
	t.is(migration.message, 'Add archived_at to decks');
	t.is(migration.up.sql.trim(), 'ALTER TABLE public.decks ADD COLUMN archived_at timestamp with time zone;');
	t.is(migration.down?.sql.trim(), 'ALTER TABLE public.decks DROP COLUMN archived_at;');

	const next = await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: 'blank', message: 'then', answers: {}});
	t.deepEqual(next.revises, [result.revision]);
});

test('several heads make a merge revision', async (t) => {
	const directory = migrationsDir(t, [...chain(1), {revision: '00000000000a', parents: ['000000000001'], up: 'SELECT 1;', down: 'SELECT 1;'}, {revision: '00000000000b', parents: ['000000000001'], up: 'SELECT 1;', down: 'SELECT 1;'}]);
	const result = await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: 'merge', message: 'merge heads', answers: {}});
	t.deepEqual(result.revises, ['00000000000a', '00000000000b']);
	t.regex(result.text, /^-- Revises: 00000000000a, 00000000000b$/m);
	t.deepEqual(parseMigration(result.text, result.path).parents, ['00000000000a', '00000000000b']);
});

test('the first migration of a new folder revises nothing', async (t) => {
	const directory = path.join(tempFolder(t, 'cc-dev-scaffold-'), 'migrations');
	const result = await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: 'blank', message: 'first', answers: {}});
	t.deepEqual(result.revises, []);
	t.regex(result.text, /^-- Revises: $/m);
});

test('usage errors: unknown template, unknown parent, empty message, missing answer', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const request = {migrationsDir: directory, templatesDir: bundledTemplatesDir, message: 'x', answers: {}};
	const unknown = await t.throwsAsync(scaffoldMigration({...request, template: 'create-view'}), {instanceOf: UsageError, message: /Unknown template "create-view"/});
	t.regex(unknown!.hint!, /blank, create-table/);
	await t.throwsAsync(scaffoldMigration({...request, template: 'blank', revises: ['ffffffffffff']}), {instanceOf: UsageError, message: /Cannot revise ffffffffffff/});
	await t.throwsAsync(scaffoldMigration({...request, template: 'blank', message: '  '}), {instanceOf: UsageError, message: /needs a message/});
	await t.throwsAsync(scaffoldMigration({...request, template: 'create-table'}), {instanceOf: UsageError, message: /needs --table/});
	t.is(readdirSync(directory).length, 1);
});

test('a template whose output does not parse leaves no file behind', async (t) => {
	const templates = tempFolder(t, 'cc-dev-templates-');
	writeFileSync(path.join(templates, 'bad.sql'), '-- ---\n-- description: looks like a header\n-- ---\n-- Note: this line reads as a header\n\n-- migrate:up\nSELECT 1;\n');
	const directory = migrationsDir(t, chain(1));
	await t.throwsAsync(scaffoldMigration({migrationsDir: directory, templatesDir: templates, template: 'bad', message: 'x', answers: {}}), {instanceOf: InputError, message: /produced an invalid migration.*unknown header "Note"/});
	t.is(readdirSync(directory).length, 1);
});

test('a two-step template says what comes next, answers filled in', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const result = await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: 'add-foreign-key', message: 'fk', answers: {table: 'study_sessions', column: 'deck_id', references: 'decks'}});
	t.is(result.next, 'Step 2, in a second migration: cc-dev migrate new "validate study_sessions_deck_id_fkey" --template validate-constraint --table study_sessions --constraint study_sessions_deck_id_fkey');
	t.regex(result.text, /ON DELETE NO ACTION NOT VALID;/);
	t.true(existsSync(result.path));
});

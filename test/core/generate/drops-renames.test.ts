import {existsSync, readdirSync} from 'node:fs';
import test from 'ava';
import {assertGenerates, generateCase} from './generate-case.js';
import {base, plus} from './base-schema.js';

test.serial('a dropped table is refused without --allow-drops, naming what it destroys; nothing is written', async (t) => {
	const result = await generateCase(t, plus('CREATE TABLE public.logs (id integer, line text);'), base, {dryRun: false});
	t.is(result.status, 'refused-drops');
	t.deepEqual(result.drops.map((drop) => [drop.kind, drop.object]), [['table', 'public.logs']]);
	t.regex(result.drops[0]!.destroys, /every row/);
	t.is(result.verification, undefined);
	t.deepEqual(readdirSync(result.migrationsDir), ['aaaaaaaaaaaa_start.sql']);
});

test.serial('a dropped table with --allow-drops verifies (down recreates it)', assertGenerates, {
	start: plus('CREATE TABLE public.logs (id integer, line text);'),
	desired: base,
	options: {allowDrops: true},
	expect: [/drop table "public"\."logs"/],
	check: (t, result) => t.is(result.drops.length, 1),
});

test.serial('a dropped column is refused without --allow-drops', async (t) => {
	const result = await generateCase(t, base, base.replace('    color character varying(7),\n', ''));
	t.is(result.status, 'refused-drops');
	t.deepEqual(result.drops.map((drop) => [drop.kind, drop.object]), [['column', 'public.decks.color']]);
	t.deepEqual(result.renames, []);
});

test.serial('a dropped column with --allow-drops verifies', assertGenerates, {
	start: base,
	desired: base.replace('    color character varying(7),\n', ''),
	options: {allowDrops: true},
	expect: [/alter table "public"\."decks" drop column "color"/],
});

test.serial('a narrowed type is a drop', async (t) => {
	const result = await generateCase(t, base, base.replace('email character varying(255)', 'email character varying(100)'));
	t.is(result.status, 'refused-drops');
	t.deepEqual(result.drops.map((drop) => [drop.kind, drop.object]), [['type change', 'public.users.email']]);
	t.regex(result.drops[0]!.destroys, /character varying\(255\) -> character varying\(100\)/);
});

test.serial('a removed enum value is a drop', async (t) => {
	const result = await generateCase(t, base, base.replace(", 'REVIEW')", ')'));
	t.is(result.status, 'refused-drops');
	t.deepEqual(result.drops.map((drop) => [drop.kind, drop.object]), [['enum value', "public.cardstatus 'REVIEW'"]]);
});

test.serial('a removed enum value with --allow-drops rebuilds the type and verifies', assertGenerates, {
	start: base,
	desired: base.replace(", 'REVIEW')", ')'),
	options: {allowDrops: true},
	expect: [/create type "public"\."cardstatus" as enum \('NEW', 'LEARNING'\)/],
});

test.serial('a column dropped next to an added one of the same type is reported as a probable rename, with the rename templates', async (t) => {
	const result = await generateCase(t, base, base.replace('color character varying(7)', 'colour character varying(7)'));
	t.is(result.status, 'refused-drops');
	t.deepEqual(result.renames.map((rename) => [rename.kind, rename.table, rename.from, rename.to]), [['column', 'public.decks', 'color', 'colour']]);
	t.regex(result.renames[0]!.fix, /--template rename-column-expand --table decks --column color --new-column colour --type "character varying\(7\)"/);
	t.regex(result.renames[0]!.fix, /rename-column-contract/);
});

test.serial('a table dropped next to an added one of the same shape is reported as a probable rename', async (t) => {
	const result = await generateCase(t, plus('CREATE TABLE public.logs (id integer, line text);'), plus('CREATE TABLE public.journal (id integer, line text);'));
	t.is(result.status, 'refused-drops');
	t.deepEqual(result.renames.map((rename) => [rename.kind, rename.from, rename.to]), [['table', 'logs', 'journal']]);
	t.regex(result.renames[0]!.fix, /ALTER TABLE public\.logs RENAME TO journal/);
});

test.serial('a verified change is written, chained to the head; --dry-run writes nothing', async (t) => {
	const desired = base.replace('status public.cardstatus NOT NULL', 'status public.cardstatus NOT NULL,\n    note text');
	const dry = await generateCase(t, base, desired);
	t.is(dry.status, 'dry-run');
	t.false(existsSync(dry.files[0]!.path));
	const written = await generateCase(t, base, desired, {dryRun: false});
	t.is(written.status, 'written');
	t.true(existsSync(written.files[0]!.path));
	t.is(written.files[0]!.revises, 'aaaaaaaaaaaa');
	t.regex(written.files[0]!.text, /^-- Revises: aaaaaaaaaaaa$/m);
});

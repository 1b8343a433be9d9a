import test from 'ava';
import {assertGenerates} from './generate-case.js';
import {base, plus} from './base-schema.js';

test.serial('a new table is created with its keys, in one transactional file', assertGenerates, {
	start: base,
	desired: plus('CREATE TABLE public.tags (id uuid PRIMARY KEY, deck_id uuid NOT NULL REFERENCES public.decks(id), name text NOT NULL);'),
	expect: [/create table "public"\."tags"/, /PRIMARY KEY using index/, /FOREIGN KEY \(deck_id\) REFERENCES public\.decks\(id\);/],
	reject: [/not valid/i, /CONCURRENTLY/],
	files: 1,
});

test.serial('a nullable column is added', assertGenerates, {
	start: base,
	desired: base.replace('status public.cardstatus NOT NULL', 'status public.cardstatus NOT NULL,\n    archived_at timestamp with time zone'),
	expect: [/alter table "public"\."decks" add column "archived_at" timestamp with time zone;/],
	files: 1,
});

test.serial('a NOT NULL column with a default is added in one statement', assertGenerates, {
	start: base,
	desired: base.replace('status public.cardstatus NOT NULL', "status public.cardstatus NOT NULL,\n    is_public boolean DEFAULT false NOT NULL"),
	expect: [/add column "is_public" boolean not null default false/],
});

test.serial('a column default is set', assertGenerates, {
	start: base,
	desired: base.replace('name text NOT NULL', "name text DEFAULT 'untitled'::text NOT NULL"),
	expect: [/alter column "name" set default 'untitled'::text/],
});

test.serial('a column default is dropped', assertGenerates, {
	start: base.replace('name text NOT NULL', "name text DEFAULT 'untitled'::text NOT NULL"),
	desired: base,
	expect: [/alter column "name" drop default/],
});

test.serial('SET NOT NULL on an existing column goes through a validated check, in a second file', assertGenerates, {
	start: base,
	desired: base.replace('color character varying(7),', 'color character varying(7) NOT NULL,'),
	expect: [/ADD CONSTRAINT decks_color_not_null CHECK \(color IS NOT NULL\) NOT VALID;/, /VALIDATE CONSTRAINT decks_color_not_null;\n[\s\S]*ALTER COLUMN color SET NOT NULL;\n[\s\S]*DROP CONSTRAINT decks_color_not_null;/],
	reject: [/alter column "color" set not null/],
	files: 2,
	check(t, result) {
		t.deepEqual(result.files.map((file) => file.phase), ['change', 'validate']);
		t.is(result.files[1]!.revises, result.files[0]!.revision);
	},
});

test.serial('DROP NOT NULL is a plain statement', assertGenerates, {
	start: base,
	desired: base.replace('name text NOT NULL', 'name text'),
	expect: [/alter column "name" drop not null/],
	files: 1,
});

test.serial('a widened varchar is not a drop', assertGenerates, {
	start: base,
	desired: base.replace('color character varying(7)', 'color character varying(20)'),
	expect: [/alter column "color" set data type character varying\(20\)/],
	check: (t, result) => t.deepEqual(result.drops, []),
});

test.serial('a column type change carries a USING (allowed narrowing)', assertGenerates, {
	start: plus('CREATE TABLE public.scores (id integer PRIMARY KEY, points text);'),
	desired: plus('CREATE TABLE public.scores (id integer PRIMARY KEY, points integer);'),
	expect: [/alter column "points" set data type integer using "points"::integer/],
	options: {allowDrops: true},
	check: (t, result) => t.deepEqual(result.drops.map((drop) => `${drop.kind} ${drop.object}`), ['type change public.scores.points']),
});

test.serial('an identity column is added', assertGenerates, {
	start: plus('CREATE TABLE public.events (name text);'),
	desired: plus('CREATE TABLE public.events (name text, id bigint GENERATED ALWAYS AS IDENTITY);'),
	expect: [/generated always as identity/i],
});

test.serial('a generated column is added', assertGenerates, {
	start: plus('CREATE TABLE public.boxes (w integer, h integer);'),
	desired: plus('CREATE TABLE public.boxes (w integer, h integer, area integer GENERATED ALWAYS AS (w * h) STORED);'),
	expect: [/generated always as \(\(w \* h\)\) stored/i],
});

test.serial('a table in another schema is qualified, and the migration runs under an empty search_path', assertGenerates, {
	start: base,
	desired: plus("CREATE SCHEMA app;\nCREATE TABLE app.notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), deck_id uuid REFERENCES public.decks(id), body text DEFAULT upper('x'));"),
	expect: [/create schema if not exists "app"/, /create table "app"\."notes"/, /REFERENCES public\.decks\(id\)/],
	check(t, result) {
		for (const statement of result.files.flatMap((file) => file.up)) t.notRegex(statement, /REFERENCES (?!public\.)\w+\(/);
	},
});

test.serial('nothing to change: "already matches", no file', async (t) => {
	const {generateCase} = await import('./generate-case.js');
	const result = await generateCase(t, base, base, {dryRun: false});
	t.is(result.status, 'no-change');
	t.deepEqual(result.files, []);
	t.is(result.verification, undefined);
});

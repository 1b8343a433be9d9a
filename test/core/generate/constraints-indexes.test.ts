import test from 'ava';
import {assertGenerates} from './generate-case.js';
import {base, plus} from './base-schema.js';

test.serial('an index on an existing table is built CONCURRENTLY in its own Transaction: none file', assertGenerates, {
	start: base,
	desired: plus('CREATE INDEX ix_decks_name ON public.decks (name);'),
	expect: [/DROP INDEX CONCURRENTLY IF EXISTS public\.ix_decks_name;\n[\s\S]*CREATE INDEX CONCURRENTLY ix_decks_name ON public\.decks USING btree \(name\);/],
	files: 1,
	check(t, result) {
		t.is(result.files[0]!.transaction, 'none');
		t.deepEqual(result.files[0]!.down, ['DROP INDEX CONCURRENTLY IF EXISTS public.ix_decks_name;']);
	},
});

test.serial('a partial unique index on an existing table is built CONCURRENTLY', assertGenerates, {
	start: base,
	desired: plus("CREATE UNIQUE INDEX ix_decks_name_active ON public.decks (name) WHERE (color IS NOT NULL);"),
	expect: [/CREATE UNIQUE INDEX CONCURRENTLY ix_decks_name_active ON public\.decks USING btree \(name\) WHERE \(color IS NOT NULL\);/],
	files: 1,
});

test.serial('an expression index on an existing table is built CONCURRENTLY', assertGenerates, {
	start: base,
	desired: plus('CREATE INDEX ix_decks_lower_name ON public.decks (lower(name));'),
	expect: [/CREATE INDEX CONCURRENTLY ix_decks_lower_name ON public\.decks USING btree \(lower\(name\)\);/],
});

test.serial('an index on a new table is plain, in the same transaction as the table', assertGenerates, {
	start: base,
	desired: plus('CREATE TABLE public.tags (id uuid PRIMARY KEY, name text);\nCREATE INDEX ix_tags_name ON public.tags (name);'),
	expect: [/CREATE INDEX ix_tags_name ON public\.tags USING btree \(name\);/],
	reject: [/CONCURRENTLY/],
	files: 1,
});

test.serial('an index is dropped', assertGenerates, {
	start: plus('CREATE INDEX ix_decks_name ON public.decks (name);'),
	desired: base,
	expect: [/drop index if exists "public"\."ix_decks_name"/],
});

test.serial('a foreign key on an existing table is added NOT VALID and validated in the next file', assertGenerates, {
	start: base,
	desired: plus('ALTER TABLE public.decks ADD CONSTRAINT decks_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);'),
	expect: [/add constraint "decks_user_id_fkey" FOREIGN KEY \(user_id\) REFERENCES public\.users\(id\) not valid;/, /ALTER TABLE public\.decks VALIDATE CONSTRAINT decks_user_id_fkey;/],
	files: 2,
	check(t, result) {
		t.deepEqual(result.files.map((file) => [file.phase, file.transaction]), [['change', 'per-migration'], ['validate', 'per-migration']]);
		t.regex(result.files[1]!.text, /cc-dev-lint-disable down-missing/);
		t.deepEqual(result.lint, []);
	},
});

test.serial('a check constraint on an existing table is added NOT VALID and validated in the next file', assertGenerates, {
	start: base,
	desired: plus("ALTER TABLE public.decks ADD CONSTRAINT decks_color_check CHECK (length(color) = 7);"),
	expect: [/add constraint "decks_color_check" CHECK \(\(length\(\(color\)::text\) = 7\)\) not valid;/, /VALIDATE CONSTRAINT decks_color_check;/],
	files: 2,
});

test.serial('a unique constraint on an existing table: the index CONCURRENTLY, then the constraint USING INDEX', assertGenerates, {
	start: base,
	desired: plus('ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);'),
	expect: [/CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public\.users USING btree \(email\);/, /ALTER TABLE public\.users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;/],
	files: 2,
	check: (t, result) => t.deepEqual(result.files.map((file) => file.phase), ['indexes', 'validate']),
});

test.serial('a primary key on an existing table: the index CONCURRENTLY, then PRIMARY KEY USING INDEX', assertGenerates, {
	start: plus('CREATE TABLE public.logs (id bigint NOT NULL, line text);'),
	desired: plus('CREATE TABLE public.logs (id bigint NOT NULL, line text, CONSTRAINT logs_pkey PRIMARY KEY (id));'),
	expect: [/CREATE UNIQUE INDEX CONCURRENTLY logs_pkey ON public\.logs/, /ADD CONSTRAINT logs_pkey PRIMARY KEY USING INDEX logs_pkey;/],
});

test.serial('an exclusion constraint is added', assertGenerates, {
	start: plus('CREATE TABLE public.bookings (room integer, during tsrange);'),
	desired: plus('CREATE TABLE public.bookings (room integer, during tsrange, CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&));'),
	expect: [/EXCLUDE USING gist \(during WITH &&\)/],
});

test.serial('a foreign key is dropped', assertGenerates, {
	start: plus('ALTER TABLE public.decks ADD CONSTRAINT decks_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);'),
	desired: base,
	expect: [/drop constraint "decks_user_id_fkey"/],
});

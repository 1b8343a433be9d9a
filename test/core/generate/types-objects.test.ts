import test from 'ava';
import {assertGenerates} from './generate-case.js';
import {base, plus} from './base-schema.js';

test.serial('a value appended to an enum is ALTER TYPE ... ADD VALUE in its own Transaction: none file, not a rebuild', assertGenerates, {
	start: base,
	desired: base.replace("'REVIEW')", "'REVIEW', 'MASTERED')"),
	expect: [/^ALTER TYPE public\.cardstatus ADD VALUE 'MASTERED' AFTER 'REVIEW';$/m],
	reject: [/rename to/i, /create type/i, /alter column status type/i],
	files: 1,
	check(t, result) {
		t.is(result.files[0]!.transaction, 'none');
		t.is(result.files[0]!.phase, 'enum-values');
		t.regex(result.files[0]!.down.join('\n'), /create type "public"\."cardstatus" as enum \('NEW', 'LEARNING', 'REVIEW'\)/);
	},
});

test.serial('a value inserted in the middle of an enum is ADD VALUE ... BEFORE', assertGenerates, {
	start: base,
	desired: base.replace("'LEARNING', 'REVIEW'", "'LEARNING', 'RELEARNING', 'REVIEW'"),
	expect: [/ADD VALUE 'RELEARNING' BEFORE 'REVIEW';/],
});

test.serial('an enum value added next to a new column comes first, then the change', assertGenerates, {
	start: base,
	desired: base.replace("'REVIEW')", "'REVIEW', 'MASTERED')").replace('status public.cardstatus NOT NULL', 'status public.cardstatus NOT NULL,\n    note text'),
	files: 2,
	check(t, result) {
		t.deepEqual(result.files.map((file) => file.phase), ['enum-values', 'change']);
		t.is(result.files[1]!.revises, result.files[0]!.revision);
	},
});

test.serial('a new enum type and a column using it', assertGenerates, {
	start: base,
	desired: plus("CREATE TYPE public.priority AS ENUM ('low', 'high');\nCREATE TABLE public.tasks (id integer PRIMARY KEY, priority public.priority NOT NULL DEFAULT 'low');"),
	expect: [/create type "public"\."priority" as enum \('low', 'high'\)/],
});

test.serial('an extension is created', assertGenerates, {
	start: base,
	desired: plus('CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;'),
	expect: [/create extension if not exists "uuid-ossp" with schema "public"/],
});

test.serial('a sequence is created, and a column defaults to it', assertGenerates, {
	start: base,
	desired: plus("CREATE SEQUENCE public.ticket_seq START 100;\nCREATE TABLE public.tickets (n bigint DEFAULT nextval('public.ticket_seq'::regclass));"),
	expect: [/create sequence "public"\."ticket_seq"/, /nextval\('public\.ticket_seq'::regclass\)/],
});

test.serial('a view is created', assertGenerates, {
	start: base,
	desired: plus('CREATE VIEW public.deck_names AS SELECT id, name FROM public.decks;'),
	expect: [/create or replace view "public"\."deck_names" as/, /FROM public\.decks/],
});

test.serial('a view definition changes', assertGenerates, {
	start: plus('CREATE VIEW public.deck_names AS SELECT id, name FROM public.decks;'),
	desired: plus("CREATE VIEW public.deck_names AS SELECT id, name FROM public.decks WHERE color IS NOT NULL;"),
	expect: [/WHERE \(decks\.color IS NOT NULL\)/],
});

test.serial('a materialized view is created', assertGenerates, {
	start: base,
	desired: plus('CREATE MATERIALIZED VIEW public.deck_counts AS SELECT user_id, count(*) AS n FROM public.decks GROUP BY user_id;'),
	expect: [/create materialized view "public"\."deck_counts"/],
});

test.serial('a function is created', assertGenerates, {
	start: base,
	desired: plus("CREATE FUNCTION public.deck_label(deck public.decks) RETURNS text LANGUAGE sql STABLE AS $$ SELECT deck.name || ' (' || coalesce(deck.color, '-') || ')' $$;"),
	expect: [/CREATE OR REPLACE FUNCTION public\.deck_label/],
});

test.serial('a function body changes', assertGenerates, {
	start: plus("CREATE FUNCTION public.answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 41 $$;"),
	desired: plus("CREATE FUNCTION public.answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$;"),
	expect: [/SELECT 42/],
});

test.serial('a procedure is created', assertGenerates, {
	start: base,
	desired: plus("CREATE PROCEDURE public.touch_decks() LANGUAGE sql AS $$ UPDATE public.decks SET name = name $$;"),
	expect: [/CREATE OR REPLACE PROCEDURE public\.touch_decks\(\)/],
});

test.serial('a trigger and its function are created', assertGenerates, {
	start: base,
	desired: plus(`CREATE FUNCTION public.decks_upper_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$;
CREATE TRIGGER decks_upper_name BEFORE INSERT OR UPDATE ON public.decks FOR EACH ROW EXECUTE FUNCTION public.decks_upper_name();`),
	expect: [/CREATE TRIGGER decks_upper_name BEFORE INSERT OR UPDATE ON public\.decks FOR EACH ROW EXECUTE FUNCTION public\.decks_upper_name\(\)/],
});

test.serial('comments on a table and a column are added', assertGenerates, {
	start: base,
	desired: plus("COMMENT ON TABLE public.decks IS 'A deck of cards';\nCOMMENT ON COLUMN public.decks.color IS 'Hex colour, #rrggbb';"),
	expect: [/COMMENT ON TABLE public\.decks IS 'A deck of cards';/, /COMMENT ON COLUMN public\.decks\.color IS 'Hex colour, #rrggbb';/],
});

test.serial('a comment changes and another is removed', assertGenerates, {
	start: plus("COMMENT ON TABLE public.decks IS 'old';\nCOMMENT ON COLUMN public.decks.name IS 'gone';"),
	desired: plus("COMMENT ON TABLE public.decks IS 'new';"),
	expect: [/COMMENT ON TABLE public\.decks IS 'new';/, /COMMENT ON COLUMN public\.decks\.name IS NULL;/],
});

test.serial('row-level security and a policy are added', assertGenerates, {
	start: base,
	desired: plus("ALTER TABLE public.decks ENABLE ROW LEVEL SECURITY;\nCREATE POLICY decks_owner ON public.decks USING (user_id = (current_setting('app.user_id'))::uuid);"),
	expect: [/enable row level security/i, /create policy "decks_owner"/i],
});

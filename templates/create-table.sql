-- ---
-- order: 20
-- description: Create a table with the project's conventions (uuid id, created_at/updated_at timestamptz, jsonb defaults)
-- transaction: per-migration
-- questions:
--   - name: table
--     message: Name of the new table (snake_case, plural)
--     kind: identifier
--   - name: columns
--     message: "Its columns besides id, created_at and updated_at, comma-separated (a bare `name jsonb` gets NOT NULL DEFAULT '{}')"
--     kind: sql
--     default: name varchar(200) NOT NULL, custom_fields jsonb
-- example:
--   table: example_deck_reminders
--   columns: "deck_id uuid NOT NULL REFERENCES public.decks (id), remind_at timestamp with time zone NOT NULL, message varchar(200), channels jsonb NOT NULL DEFAULT '[]'::jsonb, custom_fields jsonb"
-- ---
-- The table follows the conventions of the Cognition Curator schema: a uuid primary key named
-- id (uuid_generate_v4 comes from the uuid-ossp extension of the initial migration), created_at
-- and updated_at as timestamptz filled by default (the application sets updated_at on change),
-- and jsonb columns NOT NULL with a default so that the code never meets a NULL document.
-- A foreign key column used in joins wants an index: add it in this migration while the table
-- is new and empty (a plain CREATE INDEX is fine here).

-- migrate:up
CREATE TABLE public.{{table}} (
    id uuid NOT NULL DEFAULT uuid_generate_v4(),
    {{columns|column-rows}}
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    updated_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT {{table}}_pkey PRIMARY KEY (id)
);

-- migrate:down
DROP TABLE public.{{table}};

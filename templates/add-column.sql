-- ---
-- order: 30
-- description: Add a column to an existing table
-- transaction: per-migration
-- questions:
--   - name: table
--     message: Table to add the column to
--     kind: identifier
--   - name: column
--     message: Name of the new column
--     kind: identifier
--   - name: type
--     message: "Its type, and a constant default if any (e.g. boolean NOT NULL DEFAULT false)"
--     kind: sql
--     default: text
-- example:
--   table: decks
--   column: example_archived_at
--   type: timestamp with time zone
-- ---
-- A nullable column, or one with a constant default, is added at once without rewriting the
-- table. A volatile default (random(), gen_random_uuid(), clock_timestamp()) rewrites every row
-- under an exclusive lock: add the column without it, then fill it with the backfill template.
-- To make a new column NOT NULL later without a long lock, add CHECK (column IS NOT NULL)
-- NOT VALID, validate it in another migration, then SET NOT NULL.

-- migrate:up
ALTER TABLE public.{{table}} ADD COLUMN {{column}} {{type}};

-- migrate:down
ALTER TABLE public.{{table}} DROP COLUMN {{column}};

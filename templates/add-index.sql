-- ---
-- order: 40
-- description: Add an index without blocking writes (CREATE INDEX CONCURRENTLY, so Transaction none)
-- transaction: none
-- questions:
--   - name: table
--     message: Table to index
--     kind: identifier
--   - name: columns
--     message: Column(s) of the index, comma-separated
--     kind: identifiers
--   - name: index
--     message: Name of the index
--     kind: identifier
--     default: ix_{{table}}_{{columns|snake}}
-- example:
--   table: flashcards
--   columns: deck_id, status
-- ---
-- CREATE INDEX CONCURRENTLY builds the index while reads and writes go on, and it cannot run
-- inside a transaction: this migration declares "Transaction: none". A concurrent build that
-- fails leaves an INVALID index behind, so the up section first drops a leftover of that name
-- and the migration can simply be run again.

-- migrate:up
DROP INDEX CONCURRENTLY IF EXISTS public.{{index}};
CREATE INDEX CONCURRENTLY {{index}} ON public.{{table}} USING btree ({{columns}});

-- migrate:down
DROP INDEX CONCURRENTLY IF EXISTS public.{{index}};

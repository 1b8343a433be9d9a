-- ---
-- order: 55
-- description: Validate a constraint added NOT VALID (step 2 of add-foreign-key, or of a CHECK)
-- transaction: per-migration
-- questions:
--   - name: table
--     message: Table of the constraint
--     kind: identifier
--   - name: constraint
--     message: Name of the constraint to validate
--     kind: identifier
-- example:
--   table: decks
--   constraint: decks_user_id_fkey
-- ---
-- cc-dev-lint-disable down-missing: a validated constraint cannot be made NOT VALID again; reverting the migration that added it drops it
-- VALIDATE CONSTRAINT checks the rows that existed before the constraint was added NOT VALID.
-- It takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on while it scans the table. If a
-- row breaks the constraint, the migration fails and names it; fix the data and run it again.

-- migrate:up
ALTER TABLE public.{{table}} VALIDATE CONSTRAINT {{constraint}};

-- migrate:down
-- Nothing to undo: a validated constraint stays valid, and reverting the migration that added
-- it removes it.

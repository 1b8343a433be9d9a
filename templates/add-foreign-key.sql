-- ---
-- order: 50
-- description: Add a foreign key NOT VALID (step 1 of 2; validate-constraint is step 2)
-- transaction: per-migration
-- questions:
--   - name: table
--     message: Table that gets the foreign key
--     kind: identifier
--   - name: column
--     message: Its column that references the other table
--     kind: identifier
--   - name: references
--     message: Referenced table (its id column)
--     kind: identifier
--   - name: on-delete
--     message: What happens to these rows when the referenced row is deleted
--     kind: choice
--     choices: [NO ACTION, RESTRICT, CASCADE, SET NULL]
--     default: NO ACTION
--   - name: constraint
--     message: Name of the constraint
--     kind: identifier
--     default: "{{table}}_{{column}}_fkey"
-- example:
--   table: study_sessions
--   column: deck_id
--   references: decks
--   on-delete: SET NULL
--   constraint: study_sessions_deck_id_set_null_fkey
-- next: 'Step 2, in a second migration: cc-dev migrate new "validate {{constraint}}" --template validate-constraint --table {{table}} --constraint {{constraint}}'
-- ---
-- Step 1 of 2. With NOT VALID the constraint is added without checking the existing rows, so
-- its lock lasts a moment; rows inserted or updated from now on are checked. Step 2 checks the
-- existing rows in a second migration, under a lock that lets reads and writes go on:
--   cc-dev migrate new "validate {{constraint}}" --template validate-constraint --table {{table}} --constraint {{constraint}}
-- Deleting a referenced row scans this table for {{column}}: it wants an index (add-index).

-- migrate:up
ALTER TABLE public.{{table}}
    ADD CONSTRAINT {{constraint}} FOREIGN KEY ({{column}}) REFERENCES public.{{references}} (id) ON DELETE {{on-delete}} NOT VALID;

-- migrate:down
ALTER TABLE public.{{table}} DROP CONSTRAINT {{constraint}};

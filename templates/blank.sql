-- ---
-- order: 10
-- description: An empty migration to write by hand (it fails loudly until you do)
-- transaction: per-migration
-- fails-until-edited: true
-- questions: []
-- example: {}
-- ---
-- Write the SQL that makes the change under "migrate:up" and the SQL that undoes it under
-- "migrate:down", replacing the two RAISE statements, which stop any run until you do. The
-- migration runs in one transaction; a statement that cannot (CREATE INDEX CONCURRENTLY,
-- ALTER TYPE ... ADD VALUE) needs "Transaction: none" in the header and a migration of its own.

-- migrate:up
DO $$ BEGIN
    RAISE EXCEPTION 'migration {{revision}} is not written yet' USING HINT = 'Write its up section in migrations/{{file}}.';
END $$;

-- migrate:down
DO $$ BEGIN
    RAISE EXCEPTION 'the down section of migration {{revision}} is not written yet' USING HINT = 'Write it in migrations/{{file}}.';
END $$;

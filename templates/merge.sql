-- ---
-- order: 90
-- description: A merge revision that joins several heads into one (no SQL; cc-dev migrate new --merge)
-- transaction: per-migration
-- questions: []
-- example: {}
-- ---
-- cc-dev-lint-disable down-missing: a merge revision runs no SQL
-- A merge revision: two branches each added a migration, so the migrations had several heads.
-- This one revises all of them and runs no SQL; applying it only records that they are joined.

-- migrate:up
-- No SQL: the migrations it revises make the changes.

-- migrate:down
-- No SQL: reverting it leaves the database at the heads it joins.

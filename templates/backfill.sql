-- ---
-- order: 80
-- description: Backfill data in batches, committing after each one (Transaction none)
-- transaction: none
-- questions:
--   - name: table
--     message: Table to update (its primary key must be id)
--     kind: identifier
--   - name: set
--     message: "What to set (e.g. tags = '[]'::jsonb)"
--     kind: sql
--   - name: where
--     message: Condition of the rows still to update (the SET must make it false for them)
--     kind: sql
--   - name: batch-size
--     message: Rows per batch
--     kind: integer
--     default: "1000"
--   - name: pause
--     message: Seconds to pause between batches
--     kind: number
--     default: "0.1"
-- example:
--   table: flashcards
--   set: mistake_count = 0
--   where: mistake_count < 0
--   batch-size: "500"
-- ---
-- cc-dev-lint-disable down-missing: a backfill changes data, not the schema; write the reverse UPDATE in the down section if the old values must come back
-- Updates at most {{batch-size}} rows at a time and commits after each batch, so that row locks
-- stay short and autovacuum keeps up: this is why the migration runs without a transaction.
-- The condition selects the rows still to update and the SET must make it false for them;
-- the loop stops with an error if batches keep coming long after the rows counted at the start.
-- Stopped halfway, it carries on where it was when run again. The whole loop is one statement,
-- so a backfill longer than the statement timeout (15 min) needs a larger --statement-timeout.

-- migrate:up
DO $$
DECLARE
    expected bigint;
    updated bigint;
    batches bigint := 0;
BEGIN
    SELECT count(*) INTO expected FROM public.{{table}} WHERE {{where}};
    LOOP
        UPDATE public.{{table}} SET {{set}}
        WHERE id IN (SELECT id FROM public.{{table}} WHERE {{where}} LIMIT {{batch-size}});
        GET DIAGNOSTICS updated = ROW_COUNT;
        EXIT WHEN updated = 0;
        batches := batches + 1;
        IF batches > expected / {{batch-size}} + 100 THEN
            RAISE EXCEPTION 'the backfill of {{table}} does not finish: % batches for % rows', batches, expected
                USING HINT = 'The SET must make the WHERE condition false for the rows it updates.';
        END IF;
        COMMIT;
        PERFORM pg_sleep({{pause}});
    END LOOP;
END $$;

-- migrate:down
-- Nothing to undo in the schema. Write the reverse UPDATE here if the old values must come back.

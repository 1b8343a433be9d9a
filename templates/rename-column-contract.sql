-- ---
-- order: 75
-- description: Rename a column safely, deploy 2 of 2 (contract) -- drop the old column and the sync trigger
-- transaction: per-migration
-- questions:
--   - name: table
--     message: Table of the column
--     kind: identifier
--   - name: column
--     message: Old name of the column (the one to drop)
--     kind: identifier
--   - name: new-column
--     message: New name (added by the expand migration)
--     kind: identifier
--   - name: type
--     message: "Type of the column, as declared (e.g. varchar(50)); the down section re-creates the old column with it"
--     kind: sql
-- example:
--   table: flashcards
--   column: source_reference
--   new-column: explanation
--   type: text
-- ---
-- The second deploy of an expand/contract rename: ship it only once no running release reads or
-- writes {{column}} (the release before this one already used {{new-column}} only). The down
-- section brings {{column}} back, filled from {{new-column}}, together with the sync trigger.
-- If {{column}} was NOT NULL, make {{new-column}} NOT NULL before this without a long lock: add
-- CHECK ({{new-column}} IS NOT NULL) NOT VALID, validate it, then SET NOT NULL.

-- migrate:up
DROP TRIGGER IF EXISTS {{table}}_sync_{{new-column|snake}} ON public.{{table}};
DROP FUNCTION IF EXISTS public.{{table}}_sync_{{new-column|snake}}();
-- cc-dev-lint-disable drop-column-or-table: the contract step of an expand/contract rename; the code stopped using the column a release ago
ALTER TABLE public.{{table}} DROP COLUMN {{column}};

-- migrate:down
ALTER TABLE public.{{table}} ADD COLUMN {{column}} {{type}};

CREATE FUNCTION public.{{table}}_sync_{{new-column|snake}}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.{{new-column}} := COALESCE(NEW.{{new-column}}, NEW.{{column}});
        NEW.{{column}} := COALESCE(NEW.{{column}}, NEW.{{new-column}});
    ELSIF NEW.{{new-column}} IS DISTINCT FROM OLD.{{new-column}} THEN
        NEW.{{column}} := NEW.{{new-column}};
    ELSE
        NEW.{{new-column}} := NEW.{{column}};
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER {{table}}_sync_{{new-column|snake}} BEFORE INSERT OR UPDATE ON public.{{table}}
    FOR EACH ROW EXECUTE FUNCTION public.{{table}}_sync_{{new-column|snake}}();

UPDATE public.{{table}} SET {{column}} = {{new-column}};

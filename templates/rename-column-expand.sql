-- ---
-- order: 70
-- description: Rename a column safely, deploy 1 of 2 (expand) -- add the new column and keep both in sync
-- transaction: per-migration
-- questions:
--   - name: table
--     message: Table of the column
--     kind: identifier
--   - name: column
--     message: Current name of the column
--     kind: identifier
--   - name: new-column
--     message: New name
--     kind: identifier
--   - name: type
--     message: "Type of the column, as declared (e.g. varchar(50))"
--     kind: sql
-- example:
--   table: decks
--   column: icon
--   new-column: icon_name
--   type: varchar(50)
-- next: 'Deploy 2 of 2, once no running code uses {{column}}: cc-dev migrate new "drop {{table}}.{{column}}" --template rename-column-contract --table {{table}} --column {{column}} --new-column {{new-column}} --type "{{type}}"'
-- ---
-- A rename in one step breaks the release that is still running during the deploy (and any
-- rollback): it queries the old name. Expand and contract spreads it over two deploys.
--   1. This migration (expand) adds {{new-column}}, copies {{column}} into it, and adds a
--      trigger that keeps the two equal whichever one the code writes. Ship it with code that
--      reads and writes {{new-column}}.
--   2. A later release (contract, template rename-column-contract) drops the trigger and
--      {{column}}, once no running code uses the old name.
-- The copy below updates every row in one transaction: for a large table, remove it and copy
-- with the backfill template instead (SET {{new-column}} = {{column}}).

-- migrate:up
ALTER TABLE public.{{table}} ADD COLUMN {{new-column}} {{type}};

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

-- cc-dev-lint-disable update-in-alter-transaction: the copy shares the trigger's transaction so no row escapes it; on a large table use the backfill template instead
UPDATE public.{{table}} SET {{new-column}} = {{column}} WHERE {{new-column}} IS DISTINCT FROM {{column}};

-- migrate:down
DROP TRIGGER {{table}}_sync_{{new-column|snake}} ON public.{{table}};
DROP FUNCTION public.{{table}}_sync_{{new-column|snake}}();
ALTER TABLE public.{{table}} DROP COLUMN {{new-column}};

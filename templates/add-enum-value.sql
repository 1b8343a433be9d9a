-- ---
-- order: 60
-- description: Add a value to an enum type (ALTER TYPE ... ADD VALUE, so Transaction none)
-- transaction: none
-- questions:
--   - name: type
--     message: Enum type
--     kind: identifier
--     default: cardstatus
--   - name: value
--     message: New value (label)
--     kind: text
-- example:
--   type: cardstatus
--   value: EXAMPLE_STATUS
-- ---
-- ALTER TYPE ... ADD VALUE cannot run inside a transaction block here, and a new value cannot be
-- used by the transaction that adds it: this migration declares "Transaction: none" and does
-- nothing else. Code that writes the new value ships after this migration is applied.
-- PostgreSQL has no way to drop an enum value, so the down section rebuilds the type without it
-- and converts each column of that type (rewriting those tables under an exclusive lock). It
-- refuses while a row still holds the value, and stops on a column default of that type.

-- migrate:up
ALTER TYPE public.{{type}} ADD VALUE {{value|literal}};

-- migrate:down
DO $$
DECLARE
    target record;
    is_used boolean;
    remaining text;
BEGIN
    FOR target IN
        SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE udt_schema = 'public' AND udt_name = '{{type}}'
    LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I::text = %L)', target.table_schema, target.table_name, target.column_name, {{value|literal}}) INTO is_used;
        IF is_used THEN
            RAISE EXCEPTION 'rows of %.% still have % = %', target.table_schema, target.table_name, target.column_name, {{value|literal}}
                USING HINT = 'Update those rows to another value first.';
        END IF;
    END LOOP;
    SELECT string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder) INTO remaining
    FROM pg_enum WHERE enumtypid = 'public.{{type}}'::regtype AND enumlabel <> {{value|literal}};
    ALTER TYPE public.{{type}} RENAME TO {{type}}__old;
    EXECUTE format('CREATE TYPE public.%I AS ENUM (%s)', '{{type}}', remaining);
    FOR target IN
        SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE udt_schema = 'public' AND udt_name = '{{type}}__old'
    LOOP
        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE public.%I USING %I::text::public.%I',
            target.table_schema, target.table_name, target.column_name, '{{type}}', target.column_name, '{{type}}');
    END LOOP;
    DROP TYPE public.{{type}}__old;
END $$;

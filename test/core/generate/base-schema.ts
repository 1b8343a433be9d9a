/** The starting schema most cases change: two tables, a foreign-key candidate, an enum. */
export const base = `
CREATE TYPE public.cardstatus AS ENUM ('NEW', 'LEARNING', 'REVIEW');
CREATE TABLE public.users (id uuid PRIMARY KEY, email character varying(255) NOT NULL);
CREATE TABLE public.decks (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    color character varying(7),
    user_id uuid,
    status public.cardstatus NOT NULL
);
`;

/** `base` plus some SQL. */
export const plus = (sql: string): string => `${base}\n${sql}`;

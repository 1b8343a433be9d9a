import test from 'ava';
import {server} from '../helpers/server.js';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'duplicate-column-assignment';
const setup = 'CREATE TABLE cards (id int PRIMARY KEY, front text, tags text[]); INSERT INTO cards VALUES (1, \'a\', \'{x,y}\');';

const failing: ReadonlyArray<readonly [sql: string, error: RegExp]> = [
	["UPDATE cards SET front = 'a', front = 'b' WHERE id = 1;", /multiple assignments to same column "front"/],
	["UPDATE cards SET tags = '{}', tags[1] = 'z' WHERE id = 1;", /multiple assignments to same column "tags"/],
	["INSERT INTO cards (id, front, front) VALUES (2, 'a', 'b');", /column "front" specified more than once/],
	["INSERT INTO cards (id, front) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET front = 'b', front = 'c';", /multiple assignments to same column "front"/],
	['CREATE TABLE tags (name text, name text);', /column "name" specified more than once/],
	['WITH moved AS (UPDATE cards SET front = front, front = NULL RETURNING id) SELECT 1;', /multiple assignments to same column "front"/],
	// Output columns: an alias, or the name PostgreSQL makes up (the column's, the function's, the cast's type, "?column?").
	['CREATE VIEW card_pair AS SELECT 1 AS a, 2 AS a;', /column "a" specified more than once/],
	['CREATE VIEW card_numbers AS SELECT 1, 2;', /column "\?column\?" specified more than once/],
	['CREATE VIEW card_fronts AS SELECT front, c.front FROM cards c;', /column "front" specified more than once/],
	['CREATE VIEW card_ids (ident) AS SELECT id, 2 AS front, lower(front) AS front FROM cards;', /column "front" specified more than once/],
	['CREATE MATERIALIZED VIEW card_counts AS SELECT count(*), count(front) FROM cards;', /column "count" specified more than once/],
	['CREATE TABLE card_copy AS SELECT id, id FROM cards;', /column "id" specified more than once/],
	['CREATE TABLE card_casts AS SELECT 1::int, 2::int;', /column "int4" specified more than once/],
	['SELECT id, front AS id INTO card_copy FROM cards;', /column "id" specified more than once/],
	['CREATE FOREIGN TABLE remote_cards (id int, id text) SERVER nowhere;', /column "id" specified more than once/],
];

for (const [sql, error] of failing) {
	test(`an error that PostgreSQL confirms: ${sql}`, async (t) => {
		const findings = findingsOf(await lintSpec({up: sql}), rule);
		t.is(findings.length, 1);
		t.is(findings[0]?.severity, 'error');
		const db = await server(t, setup);
		t.regex((await db.errorOf(sql)) ?? '', error);
	});
}

const safe = [
	"UPDATE cards SET front = 'a', tags = '{}' WHERE id = 1;",
	"UPDATE cards SET tags[1] = 'a', tags[2] = 'b' WHERE id = 1;",
	"INSERT INTO cards (id, front) VALUES (2, 'a') ON CONFLICT (id) DO UPDATE SET front = excluded.front;",
	'CREATE TABLE tags (name text, label text);',
	'CREATE VIEW card_pairs (a, b) AS SELECT 1 AS a, 2 AS a;',
	'CREATE VIEW card_fronts AS SELECT id, front, now(), 1, c.tags[1] FROM cards c;',
	'CREATE VIEW card_union AS SELECT id, front FROM cards UNION SELECT 1, 2::text;',
	'CREATE TABLE card_copy AS SELECT id, front AS id2 FROM cards;',
	'SELECT id, front INTO card_copy FROM cards;',
];

for (const sql of safe) {
	test(`safe, and PostgreSQL runs it: ${sql}`, async (t) => {
		t.deepEqual(findingsOf(await lintSpec({up: sql}), rule), []);
		const db = await server(t, setup);
		t.is(await db.errorOf(sql), undefined);
	});
}

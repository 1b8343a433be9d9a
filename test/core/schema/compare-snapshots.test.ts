import test from 'ava';
import {compareSnapshots, countSnapshot} from '../../../source/core/schema/compare-snapshots.js';
import type {SchemaSnapshot, TableShape} from '../../../source/core/schema/snapshot.js';

const users: TableShape = {
	columns: [
		{name: 'id', type: 'uuid', nullable: false, default: null},
		{name: 'email', type: 'character varying(255)', nullable: false, default: null},
		{name: 'name', type: 'text', nullable: true, default: null},
	],
	primaryKey: {name: 'users_pkey', columns: ['id']},
	indexes: [{name: 'ix_users_email', unique: true, method: 'btree', columns: ['email'], where: null}],
	foreignKeys: [],
	constraints: [],
};
const decks: TableShape = {
	columns: [
		{name: 'id', type: 'uuid', nullable: false, default: null},
		{name: 'user_id', type: 'uuid', nullable: false, default: null},
	],
	primaryKey: {name: 'decks_pkey', columns: ['id']},
	indexes: [],
	foreignKeys: [{name: 'decks_user_id_fkey', columns: ['user_id'], references: {table: 'users', columns: ['id']}, onDelete: 'NO ACTION'}],
	constraints: [{name: 'decks_check', kind: 'c', definition: 'CHECK (true)'}],
};
const base: SchemaSnapshot = {extensions: ['uuid-ossp'], enums: {cardstatus: ['NEW', 'LEARNING']}, tables: {users, decks}};

const change = (edit: (copy: {extensions: string[]; enums: Record<string, string[]>; tables: Record<string, TableShape>}) => void): SchemaSnapshot => {
	const copy = structuredClone(base) as unknown as {extensions: string[]; enums: Record<string, string[]>; tables: Record<string, TableShape>};
	edit(copy);
	return copy;
};
const messages = (actual: SchemaSnapshot, options = {}) => compareSnapshots(base, actual, options).map((difference) => difference.message);

test('identical schemas have no differences', (t) => {
	t.deepEqual(compareSnapshots(base, structuredClone(base)), []);
});

const cases: Array<[string, (copy: {extensions: string[]; enums: Record<string, string[]>; tables: Record<string, TableShape>}) => void, string[]]> = [
	['a missing table', (copy) => delete copy.tables['decks'], ['missing table decks (2 columns)']],
	['an extra table', (copy) => (copy.tables['notes'] = {...decks, foreignKeys: []}), ['extra table notes (2 columns)']],
	['a missing column', (copy) => (copy.tables['users'] = {...users, columns: users.columns.slice(0, 2)}), ['missing column users.name (text)']],
	['an extra column', (copy) => (copy.tables['users'] = {...users, columns: [...users.columns, {name: 'nick', type: 'text', nullable: true}]}), ['extra column users.nick (text)']],
	['a type change', (copy) => (copy.tables['users'] = {...users, columns: users.columns.map((column) => (column.name === 'email' ? {...column, type: 'text'} : column))}), ['column users.email: type is text, expected character varying(255)']],
	['a nullability change', (copy) => (copy.tables['users'] = {...users, columns: users.columns.map((column) => (column.name === 'email' ? {...column, nullable: true} : column))}), ['column users.email: nullability is null, expected not null']],
	['a default change', (copy) => (copy.tables['users'] = {...users, columns: users.columns.map((column) => (column.name === 'name' ? {...column, default: "'x'::text"} : column))}), ["column users.name: default is 'x'::text, expected (none)"]],
	['a missing index', (copy) => (copy.tables['users'] = {...users, indexes: []}), ['missing index users.ix_users_email (unique btree (email))']],
	['an index made non-unique', (copy) => (copy.tables['users'] = {...users, indexes: [{...users.indexes[0]!, unique: false}]}), ['index users.ix_users_email: definition is btree (email), expected unique btree (email)']],
	['a foreign key with another action', (copy) => (copy.tables['decks'] = {...decks, foreignKeys: [{...decks.foreignKeys[0]!, onDelete: 'CASCADE'}]}), ['foreign key decks.decks_user_id_fkey: definition is (user_id) references users(id) on delete cascade, expected (user_id) references users(id) on delete no action']],
	['a missing check constraint', (copy) => (copy.tables['decks'] = {...decks, constraints: []}), ['missing constraint decks.decks_check (CHECK (true))']],
	['a renamed primary key', (copy) => (copy.tables['users'] = {...users, primaryKey: {name: 'users_pk', columns: ['id']}}), ['primary key users: definition is users_pk (id), expected users_pkey (id)']],
	['a missing enum value', (copy) => (copy.enums['cardstatus'] = ['NEW']), ["enum cardstatus: missing value 'LEARNING'"]],
	['an extra enum value', (copy) => (copy.enums['cardstatus'] = ['NEW', 'LEARNING', 'MASTERED']), ["enum cardstatus: extra value 'MASTERED'"]],
	['enum values in another order', (copy) => (copy.enums['cardstatus'] = ['LEARNING', 'NEW']), ['enum cardstatus: value order is LEARNING, NEW, expected NEW, LEARNING']],
	['a missing enum', (copy) => (copy.enums = {}), ['missing enum cardstatus (NEW, LEARNING)']],
	['a missing extension', (copy) => (copy.extensions = []), ['missing extension uuid-ossp']],
];

for (const [name, edit, expected] of cases) {
	test(`finds ${name}`, (t) => {
		t.deepEqual(messages(change(edit)), expected);
	});
}

test('column order counts only when asked', (t) => {
	const reordered = change((copy) => (copy.tables['users'] = {...users, columns: [...users.columns].reverse()}));
	t.deepEqual(messages(reordered), []);
	t.deepEqual(messages(reordered, {columnOrder: true}), ['table users: column order is name, email, id, expected id, email, name']);
});

test('ignored tables are left out on both sides', (t) => {
	t.deepEqual(messages(change((copy) => delete copy.tables['decks']), {ignoreTables: ['decks']}), []);
});

test('differences carry their kind, change and the two sides', (t) => {
	const [difference] = compareSnapshots(base, change((copy) => (copy.tables['users'] = {...users, columns: users.columns.map((column) => (column.name === 'email' ? {...column, type: 'text'} : column))})));
	t.like(difference, {kind: 'column', change: 'changed', name: 'users.email', aspect: 'type', expected: 'character varying(255)', actual: 'text'});
});

test('counts tables, columns, indexes (with primary keys), foreign keys and enums', (t) => {
	t.deepEqual(countSnapshot(base), {tables: 2, columns: 5, indexes: 3, foreignKeys: 1, enums: 1});
});

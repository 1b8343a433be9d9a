import test from 'ava';
import {InputError, UsageError} from '../../../source/core/errors.js';
import {buildGraph, requireSingleHead, resolveRevision} from '../../../source/core/migrations/graph.js';
import {parseMigration} from '../../../source/core/migrations/parse-migration.js';
import {planDown, planUp} from '../../../source/core/migrations/plan.js';
import {fileNameOf, migrationText, type MigrationSpec} from '../../helpers/migrations-dir.js';

const id = (n: number): string => n.toString(16).padStart(12, '0');
const m = (n: number, parents: number[], extra: Partial<MigrationSpec> = {}) => {
	const spec: MigrationSpec = {revision: id(n), parents: parents.map(id), up: 'select 1;', down: 'select 1;', ...extra};
	return parseMigration(migrationText(spec), `/m/${fileNameOf(spec)}`);
};

test('orders parents before children and finds the head', (t) => {
	const graph = buildGraph([m(3, [2]), m(1, []), m(2, [1])]);
	t.deepEqual(graph.ordered.map((migration) => migration.revision), [id(1), id(2), id(3)]);
	t.deepEqual(graph.heads, [id(3)]);
});

test('a merge revision joins two branches into one head', (t) => {
	const graph = buildGraph([m(1, []), m(2, [1]), m(3, [1]), m(4, [2, 3])]);
	t.deepEqual(graph.heads, [id(4)]);
	t.is(graph.ordered.at(-1)?.revision, id(4));
	t.deepEqual(planUp(graph, new Set([id(1), id(2)])).map((migration) => migration.revision), [id(3), id(4)]);
});

test('two heads are reported with the fix', (t) => {
	const graph = buildGraph([m(1, []), m(2, [1]), m(3, [1])]);
	const error = t.throws(() => requireSingleHead(graph), {instanceOf: InputError});
	t.regex(error!.message, /2 heads/);
	t.regex(error!.hint!, /merge/);
	t.throws(() => planUp(graph, new Set()), {message: /2 heads/});
});

test('duplicate revision ids', (t) => {
	const error = t.throws(() => buildGraph([m(1, []), m(1, [], {slug: 'other'})]), {instanceOf: InputError});
	t.regex(error!.message, /000000000001_other\.sql and 000000000001_change\.sql both declare revision 000000000001/);
});

test('an unknown parent', (t) => {
	const error = t.throws(() => buildGraph([m(1, []), m(2, [9])]), {instanceOf: InputError});
	t.regex(error!.message, /000000000002_change\.sql revises 000000000009, which no file in migrations\/ declares/);
});

test('a cycle', (t) => {
	const error = t.throws(() => buildGraph([m(1, []), m(2, [1, 3]), m(3, [2])]), {instanceOf: InputError});
	t.regex(error!.message, /cycle/);
});

test('resolves prefixes, head and base', (t) => {
	const graph = buildGraph([m(1, []), m(2, [1])]);
	t.is(resolveRevision(graph, 'head'), id(2));
	t.is(resolveRevision(graph, 'base'), undefined);
	t.is(resolveRevision(graph, id(2)), id(2));
	const named = buildGraph([m(0xabcdef012345, [])]);
	t.is(resolveRevision(named, 'abcd'), 'abcdef012345');
	t.throws(() => resolveRevision(graph, 'ffffffffffff'), {instanceOf: UsageError, message: /Unknown revision/});
	t.throws(() => resolveRevision(graph, '0000'), {instanceOf: UsageError, message: /ambiguous/});
});

test('planDown: one step by default, --steps, --to, and never past base', (t) => {
	const graph = buildGraph([m(1, []), m(2, [1]), m(3, [2])]);
	const all = new Set([id(1), id(2), id(3)]);
	t.deepEqual(planDown(graph, all, {}).map((migration) => migration.revision), [id(3)]);
	t.deepEqual(planDown(graph, all, {steps: 2}).map((migration) => migration.revision), [id(3), id(2)]);
	t.deepEqual(planDown(graph, all, {to: id(1)}).map((migration) => migration.revision), [id(3), id(2)]);
	t.deepEqual(planDown(graph, all, {to: 'base'}).map((migration) => migration.revision), [id(3), id(2), id(1)]);
	t.throws(() => planDown(graph, all, {steps: 4}), {instanceOf: UsageError, message: /only 3 migrations are applied/});
	t.throws(() => planDown(graph, new Set(), {}), {instanceOf: UsageError, message: /at base/});
});

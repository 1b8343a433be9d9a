import test from 'ava';
import {verifyAtHead} from '../../../source/core/deploy/verify-head.js';
import {FailureError, InputError} from '../../../source/core/errors.js';
import {buildGraph} from '../../../source/core/migrations/graph.js';
import {parseMigration} from '../../../source/core/migrations/parse-migration.js';
import type {DatabaseState} from '../../../source/core/migrations/state.js';
import type {AppliedHow, AppliedRevision} from '../../../source/core/migrations/version-table.js';
import {chain, fileNameOf, migrationText} from '../../helpers/migrations-dir.js';

const graph = buildGraph(chain(3).map((spec) => parseMigration(migrationText(spec), `/m/${fileNameOf(spec)}`)));

function state(revisions: string[], options: {how?: AppliedHow; checksum?: string} = {}): DatabaseState {
	const applied: AppliedRevision[] = revisions.map((revision) => ({
		revision,
		message: '',
		checksum: options.checksum ?? graph.byRevision.get(revision)?.checksum ?? '0'.repeat(64),
		appliedAt: new Date(),
		executionMs: 0,
		appliedBy: 'test',
		how: options.how ?? 'applied',
	}));
	const appliedSet = new Set(revisions);
	const parents = new Set(revisions.flatMap((revision) => graph.byRevision.get(revision)?.parents ?? []));
	return {
		applied,
		appliedSet,
		current: revisions.filter((revision) => !parents.has(revision)),
		unknown: applied.filter((row) => !graph.byRevision.has(row.revision)),
		changed: applied.filter((row) => row.how !== 'stamped' && graph.byRevision.has(row.revision) && graph.byRevision.get(row.revision)!.checksum !== row.checksum),
		alembicRevision: undefined,
		tables: {versions: true, alembic: false},
	};
}

const all = ['000000000001', '000000000002', '000000000003'];

test('a database at the single head with matching checksums passes, counting the checksums it compared', (t) => {
	t.deepEqual(verifyAtHead(graph, state(all)), {head: '000000000003', checksums: 3});
});

test('stamped revisions are at head but their checksums are not compared', (t) => {
	t.deepEqual(verifyAtHead(graph, state(all, {how: 'stamped', checksum: 'f'.repeat(64)})), {head: '000000000003', checksums: 0});
});

test('a database short of head fails with what it is at and what is pending', (t) => {
	const error = t.throws(() => verifyAtHead(graph, state(all.slice(0, 2))), {instanceOf: FailureError});
	t.regex(error!.message, /not at head after the deploy: it is at 000000000002, the head is 000000000003, 1 still pending/);
});

test('a checksum that no longer matches its file fails', (t) => {
	t.throws(() => verifyAtHead(graph, state(all, {checksum: 'a'.repeat(64)})), {instanceOf: InputError, message: /changed since applied/});
});

test('an applied revision without a file fails', (t) => {
	t.throws(() => verifyAtHead(graph, state([...all, 'ffffffffffff'])), {instanceOf: InputError, message: /which no file in migrations\/ declares/});
});

test('no migrations at all: base is head', (t) => {
	const empty = buildGraph([]);
	t.deepEqual(verifyAtHead(empty, {applied: [], appliedSet: new Set(), current: [], unknown: [], changed: [], alembicRevision: undefined, tables: {versions: false, alembic: false}}), {head: undefined, checksums: 0});
});

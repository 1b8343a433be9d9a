import test from 'ava';
import {z} from 'zod';
import {withClient} from '../../../source/core/database/connect.js';
import {queryRows} from '../../../source/core/database/typed-query.js';
import {readSnapshot} from '../../../source/core/schema/read-snapshot.js';
import {freshDatabase, query, serverWaitMs} from '../../helpers/database.js';

test('rows that match their schema come back typed; a mismatch names the query and the field', async (t) => {
	const target = await freshDatabase(t);
	await withClient(target, {waitMs: serverWaitMs}, async (client) => {
		const rows = await queryRows(client, 'numbers', z.object({n: z.number(), label: z.string().nullable()}), 'select n, case when n = 2 then null else n::text end as label from generate_series(1, $1::int) n', [3]);
		t.deepEqual(rows, [{n: 1, label: '1'}, {n: 2, label: null}, {n: 3, label: '3'}]);
		const error = await t.throwsAsync(queryRows(client, 'labels', z.object({label: z.string()}), 'select null::text as label'));
		t.regex(error?.message ?? '', /^Unexpected row 1 from the labels query: label /);
	});
});

test('the snapshot reads through the shared connection path: a wrong password is its clear error, not a pool failure', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'create table cards (id int primary key, front text not null)');
	const snapshot = await readSnapshot(target);
	t.deepEqual(snapshot.tables['cards']?.columns.map((column) => [column.name, column.type, column.nullable]), [['id', 'integer', false], ['front', 'text', false]]);
	const url = new URL(target.url);
	url.password = 'wrong-password';
	const error = await t.throwsAsync(readSnapshot({...target, url: url.toString(), source: 'the test'}, {waitMs: 0}));
	t.regex(error?.message ?? '', /Password authentication failed for user/);
	t.false(error?.message.includes('wrong-password'));
});

import test from 'ava';
import {connect} from '../../../source/core/database/connect.js';
import type {ExtensionStatus} from '../../../source/core/deploy/deploy-events.js';
import {ensureExtensions, requiredExtensions} from '../../../source/core/deploy/extensions.js';
import {EnvironmentError} from '../../../source/core/errors.js';
import {freshDatabase, query, serverWaitMs} from '../../helpers/database.js';

test('the Cognition Curator schema needs uuid-ossp', (t) => {
	t.deepEqual(requiredExtensions, ['uuid-ossp']);
});

test('reports present extensions, creates missing ones, and a dry run only says which are missing', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'CREATE EXTENSION pgcrypto');
	const client = await connect(target, {waitMs: serverWaitMs});
	t.teardown(() => client.end());
	const seen: Array<[string, ExtensionStatus]> = [];
	const onEvent = (event: {type: string; name?: string; status?: ExtensionStatus}): void => {
		if (event.type === 'extension') seen.push([event.name!, event.status!]);
	};
	const dry = await ensureExtensions(client, ['pgcrypto', 'uuid-ossp'], {dryRun: true, onEvent});
	t.deepEqual(dry, [{name: 'pgcrypto', status: 'present'}, {name: 'uuid-ossp', status: 'missing'}]);
	t.is((await query(target, "select 1 from pg_extension where extname = 'uuid-ossp'")).length, 0);
	const real = await ensureExtensions(client, ['pgcrypto', 'uuid-ossp'], {dryRun: false, onEvent});
	t.deepEqual(real, [{name: 'pgcrypto', status: 'present'}, {name: 'uuid-ossp', status: 'created'}]);
	const row = await query<{nspname: string}>(target, "select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where extname = 'uuid-ossp'");
	t.deepEqual(row, [{nspname: 'public'}]);
	t.deepEqual(seen.map(([, status]) => status), ['present', 'missing', 'present', 'created']);
});

test('an extension the server does not have is an environment error that says so', async (t) => {
	const target = await freshDatabase(t);
	const client = await connect(target, {waitMs: serverWaitMs});
	t.teardown(() => client.end());
	const error = await t.throwsAsync(ensureExtensions(client, ['no_such_extension'], {dryRun: false}), {instanceOf: EnvironmentError});
	t.regex(error!.message, /The extension no_such_extension is not available on this PostgreSQL server/);
});

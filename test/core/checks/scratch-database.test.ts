import test from 'ava';
import {createScratchRegistry, dropScratchDatabase, scratchName, scratchPrefix, sweepScratchDatabases, withScratchDatabase} from '../../../source/core/database/scratch-database.js';
import {CancelledError} from '../../../source/core/errors.js';
import {adminQuery, query, testServer, serverWaitMs} from '../../helpers/database.js';
import {existingDatabases} from './suite-helpers.js';

test('scratch databases are created empty from template0, commented, and all dropped by dropAll', async (t) => {
	const server = await testServer();
	const registry = createScratchRegistry(server, {waitMs: serverWaitMs});
	const [a, b] = await Promise.all([registry.create('first'), registry.create('second')]);
	t.true(a!.name.startsWith(scratchPrefix));
	t.not(a!.name, b!.name);
	t.is(a!.target.database, a!.name);
	t.deepEqual(await query(a!.target, "select tablename from pg_tables where schemaname = 'public'"), []);
	const comment = await adminQuery("select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1", [a!.name]);
	t.regex(comment.rows[0].comment, new RegExp(`^cc-dev scratch database \\(first\\); pid ${process.pid} on .*; safe to drop$`));
	t.deepEqual([...registry.names].sort(), [a!.name, b!.name].sort());
	await registry.dropAll();
	t.deepEqual(await existingDatabases([a!.name, b!.name]), []);
	t.deepEqual(registry.names, []);
	t.deepEqual([...registry.created].sort(), [a!.name, b!.name].sort());
	await t.throwsAsync(registry.create('too late'), {instanceOf: CancelledError});
});

test('dropAll waits for a creation in flight, so a database created during Ctrl-C is dropped too', async (t) => {
	const server = await testServer();
	const registry = createScratchRegistry(server);
	const creating = registry.create('in flight');
	await registry.dropAll();
	const database = await creating;
	t.deepEqual(await existingDatabases([database.name]), []);
});

test('a scratch database is dropped even when sessions are still connected to it', async (t) => {
	const server = await testServer();
	const pg = (await import('pg')).default;
	let name = '';
	await withScratchDatabase(server, 'busy', {}, async (database) => {
		name = database.name;
		const client = new pg.Client({connectionString: database.target.url});
		client.on('error', () => {});
		await client.connect();
	});
	t.deepEqual(await existingDatabases([name]), []);
});

test('only scratch databases can be dropped; the sweep removes stale ones nobody uses and keeps fresh ones', async (t) => {
	const server = await testServer();
	await t.throwsAsync(dropScratchDatabase(server, 'postgres'), {message: /refusing to drop postgres/});
	const stale = scratchName(Date.now() - 2 * 3_600_000);
	const fresh = scratchName();
	await adminQuery(`CREATE DATABASE ${stale} TEMPLATE template0`);
	await adminQuery(`CREATE DATABASE ${fresh} TEMPLATE template0`);
	await adminQuery(`COMMENT ON DATABASE ${stale} IS 'cc-dev scratch database (killed run); safe to drop'`);
	await adminQuery(`COMMENT ON DATABASE ${fresh} IS 'cc-dev scratch database (running); safe to drop'`);
	t.teardown(async () => {
		await adminQuery(`DROP DATABASE IF EXISTS ${fresh}`);
		await adminQuery(`DROP DATABASE IF EXISTS ${stale}`);
	});
	const dropped = await sweepScratchDatabases(server, 3_600_000);
	t.true(dropped.includes(stale));
	t.false(dropped.includes(fresh));
	t.deepEqual(await existingDatabases([stale, fresh]), [fresh]);
});

test('the sweep drops only what is certainly a scratch database: exact prefix, exact name shape, cc-dev comment', async (t) => {
	const server = await testServer();
	const old = Math.floor((Date.now() - 2 * 3_600_000) / 1000).toString(36);
	// `_` is a LIKE wildcard: an unescaped pattern matches the dashes of this one.
	const lookalike = 'cc-dev-scratch-tmp';
	const uncommented = scratchName(Date.now() - 2 * 3_600_000);
	const oddShape = `${scratchPrefix}${old}_mine`;
	const ours = scratchName(Date.now() - 2 * 3_600_000);
	for (const name of [lookalike, uncommented, oddShape, ours]) await adminQuery(`CREATE DATABASE "${name}" TEMPLATE template0`);
	await adminQuery(`COMMENT ON DATABASE "${oddShape}" IS 'cc-dev scratch database (odd); safe to drop'`);
	await adminQuery(`COMMENT ON DATABASE "${ours}" IS 'cc-dev scratch database (left by a killed run); safe to drop'`);
	t.teardown(async () => {
		for (const name of [lookalike, uncommented, oddShape, ours]) await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
	});
	const dropped = await sweepScratchDatabases(server, 3_600_000);
	t.true(dropped.includes(ours));
	t.false(dropped.includes(lookalike));
	t.false(dropped.includes(uncommented));
	t.false(dropped.includes(oddShape));
	t.deepEqual((await existingDatabases([lookalike, uncommented, oddShape, ours])).sort(), [lookalike, uncommented, oddShape].sort());
});

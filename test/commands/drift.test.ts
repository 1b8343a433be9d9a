import test from 'ava';
import {freshDatabase, query} from '../helpers/database.js';
import {runCli} from './suite-cli.js';

test('drift: exit 0 when the database matches its revision, 1 with a readable diff when it does not', async (t) => {
	const target = await freshDatabase(t);
	t.is((await runCli(['migrate', 'up'], target)).exitCode, 0);
	const clean = await runCli(['drift'], target);
	t.is(clean.exitCode, 0, clean.stderr);
	t.regex(clean.stdout, /✔ no drift: .* matches the migrations at 28a8c0e6e895/);

	await query(target, 'ALTER TABLE users ADD COLUMN nickname text; DROP INDEX ix_decks_user_id; ALTER TABLE flashcards ALTER COLUMN hint SET NOT NULL');
	const drifted = await runCli(['drift'], target);
	t.is(drifted.exitCode, 1);
	t.regex(drifted.stdout, /✖ .* has drifted from the migrations at 28a8c0e6e895 \(3 differences\):/);
	t.regex(drifted.stdout, /^ {2}table decks\n {4}- missing index decks\.ix_decks_user_id \(btree \(user_id\)\)$/m);
	t.regex(drifted.stdout, /^ {4}~ column flashcards\.hint: nullability is not null, expected null$/m);
	t.regex(drifted.stdout, /^ {4}\+ extra column users\.nickname \(text\)$/m);

	const json = await runCli(['drift', '--json'], target);
	t.is(json.exitCode, 1);
	const parsed = JSON.parse(json.stdout) as {drift: boolean; revisions: string[]; differences: Array<{kind: string; change: string; name: string}>};
	t.true(parsed.drift);
	t.deepEqual(parsed.revisions, ['28a8c0e6e895']);
	t.deepEqual(parsed.differences.map((difference) => `${difference.change} ${difference.kind} ${difference.name}`).sort(), ['changed column flashcards.hint', 'extra column users.nickname', 'missing index decks.ix_decks_user_id']);
});

test('drift on a server where the role may not create databases: exit 3, and --scratch-url puts the scratch database elsewhere', async (t) => {
	const {adminQuery, testServer} = await import('../helpers/database.js');
	const {parseDatabaseUrl} = await import('../../source/core/database/target.js');
	const live = await freshDatabase(t);
	t.is((await runCli(['migrate', 'up'], live)).exitCode, 0);
	const role = `cc_drift_${Math.random().toString(36).slice(2, 8)}`;
	await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD 'pw-drift'`);
	await query(live, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
	t.teardown(async () => {
		await adminQuery(`DROP OWNED BY ${role} CASCADE`).catch(() => {});
		await adminQuery(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
	});
	const server = await testServer();
	const readOnly = parseDatabaseUrl(`postgresql://${role}:pw-drift@127.0.0.1:${server.port}/${live.database}`, 'DATABASE_URL');
	const denied = await runCli(['drift'], readOnly);
	t.is(denied.exitCode, 3, denied.stderr);
	t.regex(denied.stderr, /may not create databases/);
	t.regex(denied.stderr, /--scratch-url/);
	const elsewhere = await runCli(['drift', '--scratch-url', server.url], readOnly);
	t.is(elsewhere.exitCode, 0, elsewhere.stderr);
	t.regex(elsewhere.stdout, /no drift/);
});

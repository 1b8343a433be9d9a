import test from 'ava';
import {connect} from '../../../source/core/database/connect.js';
import {clientProgramConnection, parseDatabaseUrl} from '../../../source/core/database/target.js';
import {EnvironmentError, InputError} from '../../../source/core/errors.js';
import {findLocalPgDump} from '../../../source/core/schema/pg-dump-binary.js';
import {localPgDumpTool, pgDumpInvocation} from '../../../source/core/schema/pg-dump-tool.js';
import {serverWaitMs, testServer} from '../../helpers/database.js';

/** The test server's URL rewritten by `edit` (its password moved, removed, an sslmode added). */
async function testUrl(edit: (url: URL, password: string) => void): Promise<string> {
	const url = new URL((await testServer()).url);
	const password = decodeURIComponent(url.password);
	edit(url, password);
	return url.toString();
}

test('a ?password= never reaches pg_dump\'s command line, and pg_dump still authenticates through PGPASSWORD', async (t) => {
	const url = await testUrl((parsed, password) => {
		parsed.password = '';
		parsed.searchParams.set('password', password);
	});
	const password = new URL(url).searchParams.get('password')!;
	const target = parseDatabaseUrl(url, '--url');
	const invocation = pgDumpInvocation(target, ['--schema-only']);
	t.false(invocation.args.some((argument) => argument.includes(password)));
	t.is(invocation.env['PGPASSWORD'], password);
	t.is(clientProgramConnection(target).password, password);

	let pgDump;
	try {
		pgDump = await findLocalPgDump({serverMajor: Promise.resolve(15), env: process.env});
	} catch {
		t.log('no local pg_dump 15 or newer: the real run is skipped');
		return;
	}
	const output = await localPgDumpTool(pgDump).run(target, ['--schema-only', '--no-owner']);
	t.regex(output, /PostgreSQL database dump/);
});

test('a URL without a password, against a server that asks for one, says so (exit 3)', async (t) => {
	const url = await testUrl((parsed) => {
		parsed.password = '';
	});
	const target = parseDatabaseUrl(url, 'DATABASE_URL');
	const error = await t.throwsAsync(connect(target, {waitMs: serverWaitMs}), {instanceOf: EnvironmentError});
	t.regex(error!.message, /asks for a password, and DATABASE_URL has none/);
	t.is(error!.exitCode, 3);
	t.regex(error!.hint ?? '', /USER:PASSWORD@HOST/);
});

test('an unknown sslmode is a usage error listing the accepted values', (t) => {
	const error = t.throws(() => parseDatabaseUrl('postgresql://u:p@localhost:5432/db?sslmode=bogus', '--url'), {instanceOf: InputError});
	t.regex(error!.message, /unknown sslmode "bogus"/);
	t.regex(error!.hint ?? '', /disable, allow, prefer, require, verify-ca, verify-full/);
	t.is(error!.exitCode, 2);
});

for (const mode of ['disable', 'allow', 'prefer']) {
	test(`sslmode=${mode} connects to a server without SSL`, async (t) => {
		const url = await testUrl((parsed) => parsed.searchParams.set('sslmode', mode));
		const client = await connect(parseDatabaseUrl(url, '--url'), {waitMs: serverWaitMs});
		try {
			const rows = (await client.query<{ssl: boolean}>('select ssl from pg_stat_ssl where pid = pg_backend_pid()')).rows;
			t.false(rows[0]?.ssl);
		} finally {
			await client.end();
		}
	});
}

test('sslmode=require fails clearly against a server without SSL (exit 3)', async (t) => {
	const url = await testUrl((parsed) => parsed.searchParams.set('sslmode', 'require'));
	const error = await t.throwsAsync(connect(parseDatabaseUrl(url, '--url'), {waitMs: serverWaitMs}), {instanceOf: EnvironmentError});
	t.regex(error!.message, /does not offer SSL, and --url has sslmode=require/);
	t.is(error!.exitCode, 3);
});

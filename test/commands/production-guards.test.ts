import path from 'node:path';
import {PassThrough} from 'node:stream';
import test from 'ava';
import pg from 'pg';
import {main} from '../../source/cli.js';
import {parseDatabaseUrl} from '../../source/core/database/target.js';
import {InputError, UsageError} from '../../source/core/errors.js';
import {isLocalHost} from '../../source/core/database/target.js';
import {productionReason, requireNonProductionTarget} from '../../source/core/guards/production.js';
import {migrationLockKey} from '../../source/core/migrations/lock.js';
import {unlockMigrations} from '../../source/core/migrations/unlock.js';
import {freshDatabase, query} from '../helpers/database.js';
import {chain, migrationsDir} from '../helpers/migrations-dir.js';
import {tempFolder} from '../helpers/temp-folder.js';

// These tests change process.env (RAILWAY_ENVIRONMENT), which main() reads: one at a time.
const serial = test.serial;

const reason = (url: string, railwayEnvironment?: string) => productionReason(parseDatabaseUrl(url, 'DATABASE_URL'), railwayEnvironment);
const guard = (url: string, allowProduction: boolean, railwayEnvironment?: string, action = 'this command') =>
	requireNonProductionTarget(parseDatabaseUrl(url, 'DATABASE_URL'), {allowProduction, railwayEnvironment}, action);
const local = 'postgresql://me:pw@127.0.0.1:5432/app';
const remote = 'postgresql://me:pw@containers-us-west-1.railway.app:7432/railway';

serial('production is RAILWAY_ENVIRONMENT=production or a database host other than this machine', (t) => {
	t.is(reason(local), undefined);
	t.is(reason('postgresql://me:pw@localhost/app', 'staging'), undefined);
	t.is(reason('postgresql://me:pw@[::1]:5432/app'), undefined);
	t.is(reason(local, 'production'), 'RAILWAY_ENVIRONMENT is "production"');
	t.is(reason(remote), 'the database host containers-us-west-1.railway.app is not this machine');
});

serial('RAILWAY_ENVIRONMENT counts as production however it is spelt', (t) => {
	for (const spelling of ['Production', 'PRODUCTION', 'production ', ' production\n']) t.regex(reason(local, spelling) ?? '', /^RAILWAY_ENVIRONMENT is /, spelling);
	t.is(reason(local, 'productions'), undefined);
});

serial('only localhost, 127.0.0.0/8 literals, ::1 and socket paths are local', (t) => {
	for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '/var/run/postgresql']) t.true(isLocalHost(host), host);
	for (const host of ['127.db.example', '127.0.0.1.example.com', '127.0.0.256', '10.0.0.1', 'db.example', '::2']) t.false(isLocalHost(host), host);
	t.regex(reason('postgresql://me:pw@127.db.example:5432/app') ?? '', /127\.db\.example is not this machine/);
});

serial('host, port and database come from the same parse the pg driver uses: ?host= and ?port= cannot hide a remote server', (t) => {
	const target = parseDatabaseUrl('postgresql://u:p@127.0.0.1:5432/db?host=prod.example&port=6543', 'DATABASE_URL');
	t.deepEqual([target.host, target.port, target.database], ['prod.example', 6543, 'db']);
	t.regex(reason('postgresql://u:p@127.0.0.1:5432/db?host=prod.example') ?? '', /prod\.example is not this machine/);
	for (const parameter of ['hostaddr=10.1.1.1', 'dbname=other']) {
		const error = t.throws(() => parseDatabaseUrl(`postgresql://u:p@127.0.0.1:5432/db?${parameter}`, 'DATABASE_URL'), {instanceOf: InputError});
		t.regex(error!.message, new RegExp(`\\?${parameter.split('=')[0]}= parameter`));
		t.is(error!.exitCode, 2);
	}
});

serial("Unix-socket URLs in libpq's form and in the encoded-host form are accepted, and a socket is local", (t) => {
	const libpq = parseDatabaseUrl('postgresql:///app?host=/var/run/postgresql', 'DATABASE_URL');
	t.deepEqual([libpq.host, libpq.database], ['/var/run/postgresql', 'app']);
	const encoded = parseDatabaseUrl('postgresql://me@%2Fvar%2Frun%2Fpostgresql/app', 'DATABASE_URL');
	t.deepEqual([encoded.host, encoded.database, encoded.user], ['/var/run/postgresql', 'app', 'me']);
	t.is(productionReason(libpq, undefined), undefined);
	t.is(productionReason(encoded, undefined), undefined);
});

serial('a malformed percent escape is a usage error naming the problem, never echoing the password', (t) => {
	const error = t.throws(() => parseDatabaseUrl('postgresql://me:se%zzcret@127.0.0.1:5432/app', 'DATABASE_URL'), {instanceOf: InputError});
	t.is(error!.exitCode, 2);
	t.regex(error!.message, /DATABASE_URL has a malformed percent escape in its password/);
	t.false(error!.message.includes('se%zzcret'));
});

serial('the guard refuses a production target without the flag, names the flag, and lets it through with it', (t) => {
	t.notThrows(() => guard(local, false));
	const error = t.throws(() => guard(remote, false, undefined, 'restore'), {instanceOf: UsageError});
	t.is(error!.message, 'Refusing to run restore against a production database: the database host containers-us-west-1.railway.app is not this machine (me@containers-us-west-1.railway.app:7432/railway).');
	t.regex(error!.hint!, /^Pass --production /);
	t.is(error!.exitCode, 2);
	t.throws(() => guard(local, false, 'production'), {message: /RAILWAY_ENVIRONMENT is "production"/, instanceOf: UsageError});
	t.notThrows(() => guard(remote, true, 'production'));
});

serial('the core operations refuse on their own, before connecting: unlock against a remote host without allowProduction', async (t) => {
	const target = parseDatabaseUrl('postgresql://me:pw@db.example.com:5432/app', 'DATABASE_URL');
	let asked = false;
	const confirm = async () => (asked = true);
	await t.throwsAsync(unlockMigrations({target, waitMs: 0, allowProduction: false, railwayEnvironment: undefined, confirm}), {instanceOf: UsageError, message: /Refusing to run migrate unlock/});
	t.false(asked);
});

type Run = {code: number; stdout: string; stderr: string};

async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
	const saved = Object.fromEntries(['RAILWAY_ENVIRONMENT', 'DATABASE_URL', 'CC_DEV_STATE_DIR', 'NO_COLOR', ...Object.keys(env)].map((name) => [name, process.env[name]]));
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	delete process.env['RAILWAY_ENVIRONMENT'];
	delete process.env['DATABASE_URL'];
	process.env['NO_COLOR'] = '1';
	for (const [name, value] of Object.entries(env)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	try {
		const code = await main(argv, {stdout, stderr, stdin: new PassThrough()});
		return {code, stdout: out, stderr: err};
	} finally {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

const guarded: Array<[string, string[]]> = [
	['migrate down', ['migrate', 'down']],
	['migrate stamp', ['migrate', 'stamp', 'head']],
	['migrate unlock', ['migrate', 'unlock']],
];

for (const [name, argv] of guarded) {
	serial(`${name} refuses a database on another host without --production, before connecting`, async (t) => {
		const started = Date.now();
		const run = await cli([...argv, '--url', 'postgresql://me:secret-pw@db.example.com:5432/app']);
		t.is(run.code, 2);
		t.true(Date.now() - started < 20_000, 'bounded (generously: other test processes share the CPU)');
		t.regex(run.stderr, new RegExp(`error Refusing to run ${name} against a production database: the database host db\\.example\\.com is not this machine`));
		t.regex(run.stderr, /hint {2}Pass --production to cc-dev to confirm that you mean this database/);
		t.false(run.stderr.includes('secret-pw'));
	});

	serial(`${name} refuses RAILWAY_ENVIRONMENT=production even on a local host`, async (t) => {
		const run = await cli([...argv, '--url', 'postgresql://me:pw@127.0.0.1:1/app'], {RAILWAY_ENVIRONMENT: 'production'});
		t.is(run.code, 2);
		t.regex(run.stderr, /Refusing to run .* against a production database: RAILWAY_ENVIRONMENT is "production"/);
	});

	serial(`${name} --production goes past the guard (and then meets the network)`, async (t) => {
		const run = await cli([...argv, '--production', '--url', 'postgresql://me:pw@db.invalid:5432/app', '--wait', '0']);
		t.is(run.code, 3);
		t.regex(run.stderr, /Cannot resolve the database host "db\.invalid"/);
	});
}

serial('db destroy refuses under RAILWAY_ENVIRONMENT=production without --production, and proceeds with it', async (t) => {
	const stateDir = tempFolder(t, 'cc-dev-guard-');
	const refused = await cli(['db', 'destroy', '--yes', '--provider', 'embedded'], {RAILWAY_ENVIRONMENT: 'production', CC_DEV_STATE_DIR: stateDir});
	t.is(refused.code, 2);
	t.regex(refused.stderr, /Refusing to run db destroy against a production database: RAILWAY_ENVIRONMENT is "production"/);
	t.regex(refused.stderr, /Pass --production/);
	const allowed = await cli(['db', 'destroy', '--yes', '--production', '--provider', 'embedded'], {RAILWAY_ENVIRONMENT: 'production', CC_DEV_STATE_DIR: stateDir});
	t.is(allowed.code, 0, allowed.stderr);
	t.regex(allowed.stdout, /Nothing to destroy: the embedded database does not exist/);
});

serial('on a local, non-production database migrate down and stamp need no flag; with RAILWAY_ENVIRONMENT=production --production lets them run', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(3));
	const common = ['--url', target.url, '--migrations', directory];
	t.is((await cli(['migrate', 'up', ...common])).code, 0);
	const down = await cli(['migrate', 'down', ...common]);
	t.is(down.code, 0, down.stderr);
	t.regex(down.stdout, /Reverted 1 migration/);
	const stamp = await cli(['migrate', 'stamp', '000000000001', ...common]);
	t.is(stamp.code, 0, stamp.stderr);
	const production = await cli(['migrate', 'down', '--production', ...common], {RAILWAY_ENVIRONMENT: 'production'});
	t.is(production.code, 0, production.stderr);
	t.deepEqual(await query(target, 'select revision from cc_dev_migrations'), []);
});

serial('the help of each guarded command lists --production', async (t) => {
	for (const argv of [['migrate', 'down'], ['migrate', 'stamp'], ['migrate', 'unlock'], ['db', 'destroy']]) {
		const run = await cli([...argv, '--help']);
		t.regex(run.stdout, /--production +Allow a production target \(RAILWAY_ENVIRONMENT=production or a database host other than this machine\)/);
	}
});

serial('migrate unlock asks before ending the holder: without a terminal and without --yes it is a usage error naming the flag, and the holder keeps the lock', async (t) => {
	const target = await freshDatabase(t);
	const holder = new pg.Client({connectionString: target.url, application_name: 'holder'});
	await holder.connect();
	holder.on('error', () => {});
	t.teardown(() => holder.end().catch(() => {}));
	await holder.query('select pg_advisory_lock($1::bigint)', [migrationLockKey]);
	const refused = await cli(['migrate', 'unlock', '--url', target.url]);
	t.is(refused.code, 2, refused.stderr);
	t.regex(refused.stderr, /End backend \d+ \(holder\), which holds the migration lock\?/);
	t.regex(refused.stderr, /Pass --yes/);
	t.deepEqual(await query(target, "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'holder'"), [{n: 1}]);
	const ended = await cli(['migrate', 'unlock', '--yes', '--url', target.url]);
	t.is(ended.code, 0, ended.stderr);
	t.regex(ended.stdout, /Ended backend \d+ \(holder\), which held the migration lock/);
});

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import test from 'ava';
import {main} from '../../source/cli.js';
import {parseDatabaseUrl} from '../../source/core/database/target.js';
import {UsageError} from '../../source/core/errors.js';
import {productionReason, requireNonProductionTarget, type GuardedTarget} from '../../source/core/guards/production.js';
import {freshDatabase, query} from '../helpers/database.js';
import {chain, migrationsDir} from '../helpers/migrations-dir.js';

// These tests change process.env (RAILWAY_ENVIRONMENT), which main() reads: one at a time.
const serial = test.serial;

const at = (url: string, railwayEnvironment?: string): GuardedTarget => ({target: parseDatabaseUrl(url, 'DATABASE_URL'), railwayEnvironment});
const local = 'postgresql://me:pw@127.0.0.1:5432/app';
const remote = 'postgresql://me:pw@containers-us-west-1.railway.app:7432/railway';

serial('production is RAILWAY_ENVIRONMENT=production or a database host other than this machine', (t) => {
	t.is(productionReason(at(local)), undefined);
	t.is(productionReason(at('postgresql://me:pw@localhost/app', 'staging')), undefined);
	t.is(productionReason(at('postgresql://me:pw@[::1]:5432/app')), undefined);
	t.is(productionReason(at(local, 'production')), 'RAILWAY_ENVIRONMENT is production');
	t.is(productionReason(at(remote)), 'the database host containers-us-west-1.railway.app is not this machine');
});

serial('the guard refuses a production target without the flag, names the flag, and lets it through with it', (t) => {
	t.notThrows(() => requireNonProductionTarget(at(local), false, 'production'));
	const error = t.throws(() => requireNonProductionTarget(at(remote), false, 'production', 'restore'), {instanceOf: UsageError});
	t.is(error!.message, 'Refusing to run restore against a production database: the database host containers-us-west-1.railway.app is not this machine (me@containers-us-west-1.railway.app:7432/railway).');
	t.is(error!.hint, 'Pass --production to confirm that you mean this database.');
	t.is(error!.exitCode, 2);
	t.throws(() => requireNonProductionTarget(at(local, 'production'), false, '--i-mean-it'), {message: /RAILWAY_ENVIRONMENT is production/, instanceOf: UsageError});
	t.regex(t.throws(() => requireNonProductionTarget(at(local, 'production'), false, '--i-mean-it'), {instanceOf: UsageError})!.hint!, /Pass --i-mean-it /);
	t.notThrows(() => requireNonProductionTarget(at(remote, 'production'), true, 'production'));
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
];

for (const [name, argv] of guarded) {
	serial(`${name} refuses a database on another host without --production, before connecting`, async (t) => {
		const started = Date.now();
		const run = await cli([...argv, '--url', 'postgresql://me:secret-pw@db.example.com:5432/app']);
		t.is(run.code, 2);
		t.true(Date.now() - started < 20_000, 'bounded (generously: other test processes share the CPU)');
		t.regex(run.stderr, new RegExp(`error Refusing to run ${name} against a production database: the database host db\\.example\\.com is not this machine`));
		t.regex(run.stderr, /hint {2}Pass --production to confirm that you mean this database\./);
		t.false(run.stderr.includes('secret-pw'));
	});

	serial(`${name} refuses RAILWAY_ENVIRONMENT=production even on a local host`, async (t) => {
		const run = await cli([...argv, '--url', 'postgresql://me:pw@127.0.0.1:1/app'], {RAILWAY_ENVIRONMENT: 'production'});
		t.is(run.code, 2);
		t.regex(run.stderr, /Refusing to run .* against a production database: RAILWAY_ENVIRONMENT is production/);
	});

	serial(`${name} --production goes past the guard (and then meets the network)`, async (t) => {
		const run = await cli([...argv, '--production', '--url', 'postgresql://me:pw@db.invalid:5432/app', '--wait', '0']);
		t.is(run.code, 3);
		t.regex(run.stderr, /Cannot resolve the database host "db\.invalid"/);
	});
}

serial('db destroy refuses under RAILWAY_ENVIRONMENT=production without --production, and proceeds with it', async (t) => {
	const stateDir = mkdtempSync(path.join(tmpdir(), 'cc-dev-guard-'));
	t.teardown(() => rmSync(stateDir, {recursive: true, force: true}));
	const refused = await cli(['db', 'destroy', '--yes', '--provider', 'embedded'], {RAILWAY_ENVIRONMENT: 'production', CC_DEV_STATE_DIR: stateDir});
	t.is(refused.code, 2);
	t.regex(refused.stderr, /Refusing to run db destroy against a production database: RAILWAY_ENVIRONMENT is production/);
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
	for (const argv of [['migrate', 'down'], ['migrate', 'stamp'], ['db', 'destroy']]) {
		const run = await cli([...argv, '--help']);
		t.regex(run.stdout, /--production +Allow a production target \(RAILWAY_ENVIRONMENT=production or a database host other than this machine\)/);
	}
});

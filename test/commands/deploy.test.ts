import {cpSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import test from 'ava';
import {execa} from 'execa';
import pg from 'pg';
import {deployWaitMs} from '../../source/commands/deploy.js';
import type {ConnectionTarget} from '../../source/core/database/target.js';
import {createDeployLog} from '../../source/report/deploy-log.js';
import {freshDatabase, query, repoRoot} from '../helpers/database.js';
import {ensureBuilt} from '../helpers/built.js';
import {freePort} from '../helpers/free-port.js';
import {eventually} from '../helpers/until.js';
import {isProcessAlive} from '../../source/core/providers/process-alive.js';
import {chain, migrationsDir, type MigrationSpec} from '../helpers/migrations-dir.js';
import {cliBin} from '../helpers/run-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

const password = 'cognition_pass';

/** The tests run the built binary, as Railway does. */
test.before(ensureBuilt);

function environment(target: ConnectionTarget | string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', DATABASE_URL: typeof target === 'string' ? target : target.url, ...extra};
	for (const name of ['RAILWAY_ENVIRONMENT', 'CC_DEV_WAIT', 'CC_DEV_LOCK_WAIT', 'CC_DEV_LOCK_TIMEOUT']) if (!(name in extra)) delete env[name];
	return env;
}

/** `cc-dev deploy ARGS` as a real process, bounded in time. */
function deployProcess(target: ConnectionTarget | string, args: string[], options: {env?: NodeJS.ProcessEnv; timeout?: number} = {}) {
	return execa('node', [cliBin, 'deploy', ...args], {
		cwd: repoRoot,
		env: environment(target, options.env),
		extendEnv: false,
		reject: false,
		timeout: options.timeout ?? 240_000,
		all: true,
	});
}

const versions = async (target: ConnectionTarget): Promise<string[]> =>
	(await query<{revision: string}>(target, 'select revision from cc_dev_migrations order by revision')).map((row) => row.revision);


test('10 deploys started at once against 50 pending migrations: all exit 0, each migration is applied exactly once', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(50).map((spec) => ({...spec, up: `${spec.up}\nCREATE TABLE IF NOT EXISTS runs (revision text);\nINSERT INTO runs VALUES ('${spec.revision}');`})));
	const results = await Promise.all(Array.from({length: 10}, () => deployProcess(target, ['--migrations', directory], {timeout: 240_000})));
	for (const result of results) t.is(result.exitCode, 0, result.all);
	const appliedLines = results.flatMap((result) => result.stdout.split('\n').filter((line) => / applied +[0-9a-f]{12} /.test(line)));
	t.is(appliedLines.length, 50);
	t.is(new Set(appliedLines.map((line) => / ([0-9a-f]{12}) /.exec(line)![1])).size, 50);
	t.true(results.every((result) => /verified: at head 000000000032; 50 applied checksums match their files/.test(result.stdout)));
	t.is((await versions(target)).length, 50);
	const runs = await query<{revision: string; count: string}>(target, 'select revision, count(*) from runs group by revision having count(*) <> 1');
	t.deepEqual(runs, []);
	t.is((await query(target, 'select * from runs')).length, 50);
	const consistent = await query(target, "select 1 from cc_dev_migrations where how <> 'applied' or checksum !~ '^[0-9a-f]{64}$'");
	t.deepEqual(consistent, []);
});

/** `cc-dev db start|stop|destroy` on an embedded cluster of its own: a second server for one test. */
function localDb(command: string[], port: number, stateDir: string) {
	const env: NodeJS.ProcessEnv = {...process.env, CC_DEV_STATE_DIR: stateDir, CC_DEV_EMBEDDED_FSYNC: 'off', NO_COLOR: '1'};
	delete env['DATABASE_URL'];
	return execa('node', [cliBin, 'db', ...command, '--provider', 'embedded', '--port', String(port)], {cwd: repoRoot, env, extendEnv: false, reject: false, timeout: 240_000});
}

/** The deploy's "waiting for ...: attempt N" lines so far, from its live output. */
function attemptLines(subprocess: ReturnType<typeof deployProcess>): () => string[] {
	let output = '';
	subprocess.stdout!.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	return () => output.split('\n').filter((line) => / waiting for .*: attempt \d+ /.test(line));
}

test('a database that comes up while the deploy waits: the deploy waits, one line per attempt, and succeeds', async (t) => {
	const port = await freePort(t);
	const stateDir = tempFolder(t, 'cc-dev-late-db-');
	t.teardown(async () => {
		await localDb(['destroy', '--yes'], port, stateDir);
	});
	const url = `postgresql://cognition_user:${password}@127.0.0.1:${port}/cognition_curator_dev`;
	const deploying = deployProcess(url, ['--migrations', migrationsDir(t, chain(2)), '--wait', '120'], {timeout: 180_000});
	const attemptsSoFar = attemptLines(deploying);
	t.true(await eventually(async () => attemptsSoFar().length >= 2, 60_000), 'the deploy tried twice before the database started');
	const up = await localDb(['start'], port, stateDir);
	t.is(up.exitCode, 0, up.stderr);
	const result = await deploying;
	t.is(result.exitCode, 0, result.all);
	const attempts = result.stdout.split('\n').filter((line) => line.includes(`waiting for cognition_user@127.0.0.1:${port}/cognition_curator_dev: attempt`));
	t.true(attempts.length >= 2, result.stdout);
	t.true(attempts.every((line) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z waiting for .*: attempt \d+ \((ECONNREFUSED|57P03|.*starting up.*)\)$/.test(line)), attempts.join('\n'));
	t.regex(result.stdout, /deploy done in .*: applied 2 migrations; database at 000000000002/);
	t.false(result.all!.includes(password));
	t.is((await localDb(['stop'], port, stateDir)).exitCode, 0);
});

test('a database that never comes up: the deploy fails at the bound with a clear message and exit 3', async (t) => {
	const port = await freePort(t);
	const url = `postgresql://deployer:never-print-me@127.0.0.1:${port}/app`;
	const started = Date.now();
	const result = await deployProcess(url, ['--migrations', migrationsDir(t, chain(1)), '--wait', '3']);
	const elapsed = Date.now() - started;
	t.is(result.exitCode, 3);
	t.true(elapsed < 40_000, `${elapsed} ms: bounded (generously: other test processes share the CPU)`);
	t.regex(result.stderr, new RegExp(`deploy failed: Cannot reach the database at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\) after \\d+ attempts in \\d+\\.\\d s\\.`));
	t.regex(result.stderr, /hint: Check that the server in DATABASE_URL is running and reachable; raise the wait with --wait SECONDS\./);
	t.false(result.all!.includes('never-print-me'));
});

test('without --wait the deploy waits 30 s, not the 5 s of other commands', async (t) => {
	t.is(deployWaitMs, 30_000);
	const port = await freePort(t);
	const subprocess = deployProcess(`postgresql://deployer:pw@127.0.0.1:${port}/app`, ['--migrations', migrationsDir(t, chain(1))]);
	let finished = false;
	void subprocess.then(() => (finished = true));
	const attemptsSoFar = attemptLines(subprocess);
	// The deploy's own timestamps tell how long it has been trying: past 6 s it is not using the 5 s wait.
	const time = (line: string) => Date.parse(line.slice(0, line.indexOf(' ')));
	const triedFor = () => {
		const lines = attemptsSoFar();
		return lines.length < 2 ? 0 : time(lines.at(-1)!) - time(lines[0]!);
	};
	t.true(await eventually(async () => finished || triedFor() > 6000, 60_000), 'the deploy kept trying');
	t.false(finished, 'the deploy gave up within 6 s');
	subprocess.kill('SIGKILL');
	await subprocess;
	t.true(triedFor() > 6000);
});

test('a deploy killed with SIGKILL mid-migration leaves no trace; the next deploy takes the lock and finishes', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'CREATE TABLE deploy_sleep (seconds int); INSERT INTO deploy_sleep VALUES (60);');
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], up: 'CREATE TABLE half (id int);\nINSERT INTO half VALUES (1);\nSELECT pg_sleep((SELECT seconds FROM deploy_sleep));', down: 'DROP TABLE half;'},
	]);
	const first = deployProcess(target, ['--migrations', directory]);
	const sleeping = async (): Promise<boolean> =>
		(await query(target, "select 1 from pg_stat_activity where datname = current_database() and application_name = 'cc-dev migrate' and query like '%pg_sleep%' and state = 'active'")).length > 0;
	t.true(await eventually(sleeping, 120_000), 'the first deploy reached the migration');
	first.kill('SIGKILL');
	const killed = await first;
	t.is(killed.signal, 'SIGKILL');
	t.false(killed.stdout.includes('applied  000000000002'));

	const gone = async (): Promise<boolean> => (await query(target, "select 1 from pg_stat_activity where datname = current_database() and application_name = 'cc-dev migrate'")).length === 0;
	t.true(await eventually(gone, 120_000), 'the server ended the dead deploy\'s backend long before its 60 s statement');
	t.deepEqual(await query(target, "select 1 from pg_tables where tablename = 'half'"), []);
	t.deepEqual(await versions(target), ['000000000001']);

	await query(target, 'UPDATE deploy_sleep SET seconds = 0');
	const second = await deployProcess(target, ['--migrations', directory]);
	t.is(second.exitCode, 0, second.all);
	t.regex(second.stdout, /applied +000000000002/);
	t.deepEqual(await versions(target), ['000000000001', '000000000002']);
	t.deepEqual(await query(target, 'select id from half'), [{id: 1}]);
});

test('a SIGTERM during the migrations cancels the running one cleanly and the start command never starts', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, [
		...chain(1),
		{revision: '000000000002', parents: ['000000000001'], up: 'CREATE TABLE slow (id int);\nSELECT pg_sleep(300);', down: 'DROP TABLE slow;'},
	]);
	const subprocess = deployProcess(target, ['--migrations', directory, '--', ...childScript("console.log('SHOULD NOT START')")]);
	const sleeping = async (): Promise<boolean> =>
		(await query(target, "select 1 from pg_stat_activity where datname = current_database() and query like '%pg_sleep(300)%' and state = 'active' and pid <> pg_backend_pid()")).length > 0;
	t.true(await eventually(sleeping, 120_000));
	const signalled = Date.now();
	subprocess.kill('SIGTERM');
	const result = await subprocess;
	// Well before the statement's own end (300 s), with room for a busy machine.
	t.true(Date.now() - signalled < 60_000, `${Date.now() - signalled} ms\n${result.all}`);
	t.is(result.exitCode, 1);
	t.regex(result.stderr, /deploy failed: Cancelled during 000000000002_change\.sql/);
	t.notRegex(result.all!, /^SHOULD NOT START$/m);
	t.deepEqual(await versions(target), ['000000000001']);
	t.deepEqual(await query(target, "select 1 from pg_tables where tablename = 'slow'"), []);
});

test('a migration blocked by a long transaction fails after its retries, naming the blocking backend', async (t) => {
	const target = await freshDatabase(t);
	const specs: MigrationSpec[] = [...chain(1), {revision: '000000000002', parents: ['000000000001'], up: 'ALTER TABLE t1 ADD COLUMN note text;', down: 'ALTER TABLE t1 DROP COLUMN note;'}];
	t.is((await deployProcess(target, ['--migrations', migrationsDir(t, specs.slice(0, 1))])).exitCode, 0);
	const blocker = new pg.Client({connectionString: target.url, application_name: 'analytics export'});
	await blocker.connect();
	t.teardown(() => blocker.end());
	await blocker.query('BEGIN; SELECT count(*) FROM t1;');
	const pid = (await blocker.query<{pid: number}>('select pg_backend_pid() as pid')).rows[0]!.pid;
	const started = Date.now();
	const result = await deployProcess(target, ['--migrations', migrationsDir(t, specs), '--lock-timeout', '200ms', '--lock-retries', '2']);
	t.is(result.exitCode, 1);
	t.true(Date.now() - started < 60_000, 'bounded (generously: other test processes share the CPU)');
	t.is(result.stdout.split('\n').filter((line) => /retrying 000000000002 in .* \(attempt \d\): lock_timeout/.test(line)).length, 2);
	t.regex(result.stderr, /deploy failed: 000000000002_change\.sql.*lock timeout/);
	t.regex(result.stderr, new RegExp(`hint: Blocked by backend ${pid} \\(analytics export, idle in transaction`));
	await blocker.query('ROLLBACK');
	t.deepEqual(await versions(target), ['000000000001']);
});

const childScript = (body: string): string[] => ['node', '-e', body];

test('the start command replaces cc-dev in its process: same pid, signals reach it directly, its exit code is the process\'s', async (t) => {
	const target = await freshDatabase(t);
	const subprocess = deployProcess(target, ['--migrations', migrationsDir(t, chain(1)), '--', ...childScript("process.on('SIGTERM', () => { console.log('child got SIGTERM'); process.exit(42); }); console.log(['child', 'ready', process.pid].join(' ')); setInterval(() => {}, 1000);")]);
	let output = '';
	subprocess.stdout!.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	t.true(await eventually(async () => output.includes('child ready'), 120_000));
	t.is(Number(/child ready (\d+)/.exec(output)![1]), subprocess.pid ?? -1);
	subprocess.kill('SIGTERM');
	const result = await subprocess;
	t.is(result.exitCode, 42);
	t.regex(result.stdout, /starting: node -e .* \(it replaces cc-dev in this process\)/);
	t.regex(result.stdout, /child got SIGTERM/);
});

test('when the process is SIGKILLed after the hand-over, no start command outlives it', async (t) => {
	const target = await freshDatabase(t);
	const subprocess = deployProcess(target, ['--migrations', migrationsDir(t, chain(1)), '--', ...childScript("console.log(['child', 'ready', process.pid].join(' ')); setInterval(() => {}, 1000);")]);
	let output = '';
	subprocess.stdout!.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	t.true(await eventually(async () => output.includes('child ready'), 120_000), output);
	const childPid = Number(/child ready (\d+)/.exec(output)![1]);
	t.true(isProcessAlive(childPid));
	subprocess.kill('SIGKILL');
	t.is((await subprocess).signal, 'SIGKILL');
	t.true(await eventually(async () => !isProcessAlive(childPid), 20_000), `the start command (pid ${childPid}) outlived the killed cc-dev`);
});

test('a start command ended by a signal ends the process by that signal; plain exit codes pass through; missing is 127, not executable 126', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(1));
	const byTerm = deployProcess(target, ['--migrations', directory, '--', ...childScript("console.log(['child', 'ready'].join(' ')); setInterval(() => {}, 1000);")]);
	let output = '';
	byTerm.stdout!.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	t.true(await eventually(async () => output.includes('child ready'), 120_000));
	byTerm.kill('SIGTERM');
	const terminated = await byTerm;
	t.is(terminated.signal, 'SIGTERM', terminated.all);

	t.is((await deployProcess(target, ['--migrations', directory, '--', ...childScript('process.exit(5)')])).exitCode, 5);

	const missing = await deployProcess(target, ['--migrations', directory, '--', 'cc-dev-no-such-command']);
	t.is(missing.exitCode, 127);
	t.regex(missing.stderr, /deploy failed: cannot run the start command cc-dev-no-such-command: ENOENT/);

	const notExecutable = await deployProcess(target, ['--migrations', directory, '--', './README.md']);
	t.is(notExecutable.exitCode, 126);
	t.regex(notExecutable.stderr, /deploy failed: cannot run the start command \.\/README\.md: not an executable file/);
});

test('the start command inherits blocking stdio, as a shell would give it', async (t) => {
	const target = await freshDatabase(t);
	// O_NONBLOCK is 04000 (octal) in the flags of /proc/self/fdinfo.
	const script = "const fs = require('fs'); console.log([0, 1, 2].map((fd) => (parseInt(/flags:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/fdinfo/' + fd, 'utf8'))[1], 8) & 0o4000) ? 'non-blocking' : 'blocking').join(' '))";
	const result = await deployProcess(target, ['--migrations', migrationsDir(t, chain(1)), '--', ...childScript(script)]);
	t.is(result.exitCode, 0, result.all);
	t.regex(result.stdout, /^blocking blocking blocking$/m);
});

test('a failed deploy never starts the command, and a dry run lists the SQL, changes nothing and does not start it', async (t) => {
	const target = await freshDatabase(t);
	const broken = migrationsDir(t, [{revision: '000000000001', up: 'CREATE TABLE a (id int);\nINSERT INTO missing VALUES (1);'}]);
	const failed = await deployProcess(target, ['--migrations', broken, '--', ...childScript("console.log('SHOULD NOT START')")]);
	t.is(failed.exitCode, 1);
	t.notRegex(failed.all!, /^SHOULD NOT START$/m);
	t.regex(failed.stderr, /deploy failed: 000000000001_change\.sql:9:13: relation "missing" does not exist/);

	const fresh = await freshDatabase(t);
	const good = migrationsDir(t, chain(2));
	const dry = await deployProcess(fresh, ['--migrations', good, '--dry-run', '--', ...childScript("console.log('SHOULD NOT START')")]);
	t.is(dry.exitCode, 0, dry.all);
	t.notRegex(dry.all!, /^SHOULD NOT START$/m);
	t.regex(dry.stdout, /extension uuid-ossp: missing, would be created/);
	t.regex(dry.stdout, /would apply 000000000001 migration 000000000001 \(000000000001_change\.sql\)\n.* {4}BEGIN\n.* {4}CREATE TABLE t1 \(id integer PRIMARY KEY\);/);
	t.regex(dry.stdout, /lint: /);
	t.regex(dry.stdout, /dry run done in .*: 2 migrations would be applied; database at base; lock released/);
	t.regex(dry.stdout, /not starting node -e .*: dry run/);
	t.regex(dry.stdout, /railway\.json: builder RAILPACK \(configured by railpack\.json\)\n.*railway\.json: pre-deploy command: node bin\/cc-dev\.js deploy\n.*railway\.json: start command: gunicorn --bind 0\.0\.0\.0:\$PORT .* src\.app:app\n.*railway\.json: health check: GET \/health must answer 200 within 120 s\n/);
	t.deepEqual(await query(fresh, "select tablename from pg_tables where schemaname = 'public'"), []);
	t.deepEqual(await query(fresh, "select extname from pg_extension where extname = 'uuid-ossp'"), []);
});

test('--json writes one JSON object per event, with a time, a level and the event fields', async (t) => {
	const target = await freshDatabase(t);
	const result = await deployProcess(target, ['--migrations', migrationsDir(t, chain(2)), '--json', '--', ...childScript('process.exit(0)')]);
	t.is(result.exitCode, 0, result.all);
	const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as {time: string; level: string; type: string});
	t.true(events.every((event) => !Number.isNaN(Date.parse(event.time)) && ['info', 'warn', 'error'].includes(event.level)));
	const types = events.map((event) => event.type);
	t.deepEqual(types.filter((type) => type.startsWith('deploy-') || type.startsWith('start-command')), ['deploy-start', 'deploy-connected', 'deploy-plan', 'deploy-verified', 'deploy-done', 'start-command']);
	t.is(types.filter((type) => type === 'migration-done').length, 2);
	t.false(result.all!.includes(password));
});

test('on Railway without DATABASE_URL the deploy stops at once and says how to set it', async (t) => {
	const result = await execa('node', [cliBin, 'deploy'], {cwd: repoRoot, env: {...environment('x', {RAILWAY_ENVIRONMENT: 'production'}), DATABASE_URL: ''}, extendEnv: false, reject: false, timeout: 240_000});
	t.is(result.exitCode, 3);
	t.regex(result.stderr, /deploy failed: DATABASE_URL is not set, and this is Railway \(RAILWAY_ENVIRONMENT=production\)\./);
	t.regex(result.stderr, /hint: Add a variable reference to the service: DATABASE_URL=\$\{\{Postgres\.DATABASE_URL\}\}/);
});

test('the log puts a timestamp on every line, errors on stderr, and never a password', (t) => {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	const log = createDeployLog({stdout, stderr, json: false, now: () => new Date('2026-01-02T03:04:05.678Z')});
	log({type: 'connect-attempt', target: 'app@db.railway.internal:5432/railway', attempt: 2, error: 'ECONNREFUSED'});
	log({type: 'migration-done', direction: 'up', revision: 'abcdefabcdef', message: 'add notes', durationMs: 1234, index: 0, total: 1});
	log({type: 'deploy-failed', message: 'Cannot connect to postgresql://app:hunter22@db/x', hint: 'first\nsecond', exitCode: 3});
	t.is(out, [
		'2026-01-02T03:04:05.678Z waiting for app@db.railway.internal:5432/railway: attempt 2 (ECONNREFUSED)',
		'2026-01-02T03:04:05.678Z applied  abcdefabcdef add notes (1.23 s)',
		'',
	].join('\n'));
	t.is(err, [
		'2026-01-02T03:04:05.678Z deploy failed: Cannot connect to postgresql://app:***@db/x',
		'2026-01-02T03:04:05.678Z hint: first',
		'2026-01-02T03:04:05.678Z hint: second',
		'',
	].join('\n'));
});

const guide = readFileSync(path.join(repoRoot, 'docs', 'railway-migration-guide.md'), 'utf8');

/** Splits a command line into words, honouring single and double quotes. */
function words(line: string): string[] {
	return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** Every `cc-dev ...` the guide shows: lines of its sh blocks (comments dropped) and inline code. */
function guideCommands(): string[][] {
	const lines: string[] = [];
	for (const block of guide.matchAll(/```sh\n([\s\S]*?)```/g)) {
		for (const line of block[1]!.split('\n')) if (/^(npx )?cc-dev /.test(line)) lines.push(line.replace(/\s+#.*$/, ''));
	}
	for (const inline of guide.matchAll(/`((?:npx )?cc-dev [^`]+)`/g)) lines.push(inline[1]!);
	return lines.map((line) => words(line.replace(/^npx /, '')).slice(1));
}

test('every cc-dev command in the migration guide exists and accepts the flags the guide gives it', async (t) => {
	const {findCommand} = await import('../../source/commands/registry.js');
	const {parseCommandArguments} = await import('../../source/commands/context.js');
	const commands = guideCommands();
	t.true(commands.length >= 25, `${commands.length} commands found`);
	const paths = new Set<string>();
	for (const argv of commands) {
		const found = findCommand(argv);
		t.truthy(found, `cc-dev ${argv.join(' ')}`);
		if (!found) continue;
		paths.add(found.spec.path.join(' '));
		t.notThrows(() => parseCommandArguments(found.spec, found.rest), `cc-dev ${argv.join(' ')}`);
	}
	t.deepEqual([...paths].sort(), ['db start', 'deploy', 'drift', 'dump', 'lint', 'migrate down', 'migrate new', 'migrate preview', 'migrate stamp', 'migrate status', 'migrate unlock', 'migrate up', 'restore', 'test']);
});

test('railway.json runs cc-dev deploy before the new instances, and starts gunicorn as the original did', (t) => {
	const railway = JSON.parse(readFileSync(path.join(repoRoot, 'railway.json'), 'utf8')) as {build: Record<string, unknown>; deploy: Record<string, unknown>};
	t.deepEqual(railway.deploy['preDeployCommand'], ['node bin/cc-dev.js deploy']);
	t.is(railway.deploy['startCommand'], 'gunicorn --bind 0.0.0.0:$PORT --workers 2 --worker-class sync --timeout 120 --access-logfile - --error-logfile - --log-level info src.app:app');
	t.like(railway.deploy, {healthcheckPath: '/health', restartPolicyType: 'ON_FAILURE'});
	t.true(guide.includes('"preDeployCommand": ["node bin/cc-dev.js deploy"]'));
});

test('the everyday workflow of the guide runs as written, from a new migration to a passing cc-dev test', async (t) => {
	const target = await freshDatabase(t);
	const project = tempFolder(t, 'cc-dev-guide-');
	for (const item of ['migrations', 'templates', 'railway_schema.sql', 'docker-compose.yml']) cpSync(path.join(repoRoot, item), path.join(project, item), {recursive: true});
	const section = guide.slice(guide.indexOf('## 3. The everyday workflow'), guide.indexOf('## 4.'));
	const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
	const written = block.split('\n').filter((line) => line.startsWith('npx cc-dev ')).map((line) => words(line.replace(/\s+#.*$/, '')).slice(2));
	// The guide offers three ways to write the migration; the generated ones are run by their own tests, the template one here.
	const isNew = (argv: string[]) => argv[0] === 'migrate' && argv[1] === 'new';
	t.deepEqual(written.filter(isNew).map((argv) => argv.find((word) => word.startsWith('--'))), ['--from-command', '--from-dev', '--template']);
	const steps = written.filter((argv) => !isNew(argv) || argv.includes('--template'));
	t.deepEqual(steps.map((argv) => argv.slice(0, 2).join(' ')), ['db start', 'migrate new', 'migrate preview', 'lint --pending', 'migrate up', 'migrate down', 'migrate up', 'dump --from-migrations', 'test']);
	// `db start` is exercised by the late-database test above; here the test server plays the local database.
	for (const argv of steps.slice(1)) {
		const result = await execa('node', [cliBin, ...argv], {cwd: project, env: environment(target, {CC_DEV_PROJECT: project}), extendEnv: false, reject: false, timeout: 240_000, all: true});
		t.is(result.exitCode, 0, `cc-dev ${argv.join(' ')}\n${result.all}`);
		if (result.exitCode !== 0) return;
	}
	const added = readdirSync(path.join(project, 'migrations')).filter((name) => name.endsWith('_add_deck_pin_date.sql'));
	t.is(added.length, 1);
	t.regex(readFileSync(path.join(project, 'railway_schema.sql'), 'utf8'), /pinned_at timestamp with time zone/);
	const columns = await query(target, "select 1 from information_schema.columns where table_name = 'decks' and column_name = 'pinned_at'");
	t.is(columns.length, 1);
});

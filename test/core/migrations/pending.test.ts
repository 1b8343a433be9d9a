import test from 'ava';
import {runSuite} from '../../../source/core/checks/suite.js';
import {planDryRun} from '../../../source/core/deploy/dry-run-plan.js';
import {withMigrationSession} from '../../../source/core/migrations/migration-session.js';
import {previewRun} from '../../../source/core/migrations/preview.js';
import {readServerFacts} from '../../../source/core/migrations/server-facts.js';
import {readMigrationStatus} from '../../../source/core/migrations/status.js';
import {suiteSettings} from '../checks/suite-helpers.js';
import {freshDatabase, query, serverWaitMs} from '../../helpers/database.js';
import {chain, migrationsDir} from '../../helpers/migrations-dir.js';
import {runCli} from '../../helpers/run-cli.js';

test('on a Flask-era database (alembic_version, no cc_dev_migrations) every consumer counts the same pending migrations', async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(4));
	await query(target, "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY); INSERT INTO alembic_version VALUES ('000000000002'); CREATE TABLE t1 (id integer PRIMARY KEY); CREATE TABLE t2 (id integer PRIMARY KEY);");
	const pending = ['000000000003', '000000000004'];

	const status = await readMigrationStatus({target, migrationsDir: directory, waitMs: serverWaitMs});
	t.deepEqual(status.pending.map((entry) => entry.revision), pending, 'migrate status');

	const preview = await previewRun({target, migrationsDir: directory, waitMs: serverWaitMs, direction: 'up'});
	t.deepEqual(preview.map((step) => step.revision), pending, 'migrate preview');

	const session = {target, migrationsDir: directory, waitMs: serverWaitMs, lockWaitMs: 30_000, lockTimeout: '5s', statementTimeout: '1min', adopt: false};
	const plan = await withMigrationSession(session, (opened) => planDryRun(opened));
	t.deepEqual(plan.pending.map((step) => step.revision), pending, 'deploy --dry-run');
	t.is(plan.adopts, '000000000002');

	const facts = await readServerFacts(target, directory);
	t.is(facts.pending, pending.length, "the app's header (db status)");

	const suite = await runSuite(suiteSettings(target, {migrationsDir: directory}), {only: ['lint']});
	const lint = suite.checks.find((check) => check.id === 'lint');
	t.is(lint?.status, 'passed', lint?.detail);
	t.regex(lint?.detail ?? '', /^2 migrations pending on /, 'cc-dev test, lint check');

	const cli = await runCli(['lint', '--pending', '--migrations', directory, '--reporter', 'json'], {env: {DATABASE_URL: target.url}});
	t.is(cli.exitCode, 0, cli.stderr);
	t.is((JSON.parse(cli.stdout) as {files: number}).files, pending.length, 'lint --pending');

	// Nothing above adopted or changed anything: all of them only read.
	t.deepEqual(await query(target, "select to_regclass('cc_dev_migrations') as table"), [{table: null}]);
});

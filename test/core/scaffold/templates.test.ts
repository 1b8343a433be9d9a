import {cpSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {lintMigrations} from '../../../source/core/lint/index.js';
import {loadMigrations} from '../../../source/core/migrations/load-migrations.js';
import {runMigrations, type RunOptions} from '../../../source/core/migrations/run-migrations.js';
import {listTemplates, scaffoldMigration} from '../../../source/core/scaffold/scaffold-migration.js';
import {bundledTemplatesDir} from '../../../source/core/scaffold/templates-dir.js';
import {compareSnapshots} from '../../../source/core/schema/compare-snapshots.js';
import {readSnapshot} from '../../../source/core/schema/read-snapshot.js';
import {freshDatabase, query, repoRoot, serverWaitMs} from '../../helpers/database.js';
import {tempFolder} from '../../helpers/temp-folder.js';

const templates = await listTemplates(bundledTemplatesDir);

/** The project's migrations plus one scaffolded from `template` with its example answers. */
async function scaffoldExample(t: import('ava').ExecutionContext, name: string) {
	const directory = tempFolder(t, 'cc-dev-template-');
	cpSync(path.join(repoRoot, 'migrations'), directory, {recursive: true});
	const template = templates.find((candidate) => candidate.name === name)!;
	const result = await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: name, message: `example of ${name}`, answers: template.example});
	return {directory, template, result};
}

for (const template of templates) {
	test(`${template.name}: the example passes lint without errors`, async (t) => {
		const {directory, result} = await scaffoldExample(t, template.name);
		const all = loadMigrations(directory);
		const findings = await lintMigrations(all.filter((migration) => migration.revision === result.revision), {history: all.filter((migration) => migration.revision !== result.revision)});
		t.deepEqual(findings.map((finding) => `${finding.severity} ${finding.rule}: ${finding.message}`), []);
	});

	test(`${template.name}: the example ${template.failsUntilEdited ? 'refuses to run until written' : 'applies and reverts on the Cognition Curator schema'}`, async (t) => {
		const target = await freshDatabase(t);
		const {directory, result} = await scaffoldExample(t, template.name);
		const options: Omit<RunOptions, 'direction'> = {target, migrationsDir: directory, waitMs: serverWaitMs, lockWaitMs: 10_000, lockTimeout: '5s', statementTimeout: '1min'};
		const head = (await runMigrations({...options, direction: 'up', to: result.revises![0]})).after;
		const before = await readSnapshot(target);
		if (template.failsUntilEdited) {
			await t.throwsAsync(runMigrations({...options, direction: 'up'}), {message: new RegExp(`${result.revision}_example_of_blank\\.sql:\\d+:\\d+: migration ${result.revision} is not written yet`)});
			t.deepEqual(compareSnapshots(before, await readSnapshot(target)), []);
			return;
		}
		const applied = await runMigrations({...options, direction: 'up'});
		t.deepEqual(applied.after, [result.revision]);
		const reverted = await runMigrations({...options, direction: 'down', allowProduction: false, railwayEnvironment: undefined});
		t.deepEqual(reverted.after, head);
		t.deepEqual(compareSnapshots(before, await readSnapshot(target)).map((difference) => difference.message), []);
		const rows = await query<{revision: string}>(target, 'select revision from cc_dev_migrations');
		t.false(rows.some((row) => row.revision === result.revision));
	});
}

test('the backfill template updates in committed batches and stops a loop that never ends', async (t) => {
	const target = await freshDatabase(t);
	const directory = tempFolder(t, 'cc-dev-template-');
	cpSync(path.join(repoRoot, 'migrations'), directory, {recursive: true});
	const options = {target, migrationsDir: directory, waitMs: serverWaitMs, lockWaitMs: 10_000, lockTimeout: '5s', statementTimeout: '1min'};
	await runMigrations({...options, direction: 'up'});
	await query(target, `INSERT INTO users (id, email, name, is_active, is_premium, email_verified, created_at, updated_at, study_preferences, timezone, language_preference, total_study_time_minutes, current_streak_days, longest_streak_days, total_cards_reviewed, total_decks_created, overall_accuracy_rate, average_session_length_minutes, mastery_rate)
		SELECT uuid_generate_v4(), 'u' || n || '@example.com', 'u' || n, true, false, false, now(), now(), '{}', 'UTC', 'en', 0, 0, 0, 0, 0, 0, 0, -1 FROM generate_series(1, 25) AS n`);
	await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: 'backfill', message: 'fix mastery', answers: {table: 'users', set: 'mastery_rate = 0', where: 'mastery_rate < 0', 'batch-size': '10', pause: '0'}});
	await runMigrations({...options, direction: 'up'});
	t.deepEqual(await query(target, 'select count(*)::int as left from users where mastery_rate < 0'), [{left: 0}]);

	await scaffoldMigration({migrationsDir: directory, templatesDir: bundledTemplatesDir, template: 'backfill', message: 'never ends', answers: {table: 'users', set: 'mastery_rate = 1', where: 'mastery_rate >= 0', 'batch-size': '10', pause: '0'}});
	await t.throwsAsync(runMigrations({...options, direction: 'up'}), {message: /the backfill of users does not finish/});
});

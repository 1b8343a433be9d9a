import test from 'ava';
import {runMigrations} from '../../source/core/migrations/run-migrations.js';
import {revertLast} from '../../source/ui/services/migration-actions.js';
import type {ActionContext} from '../../source/ui/services/types.js';
import {freshDatabase, query, serverWaitMs, testConfig} from '../helpers/database.js';
import {chain, migrationsDir} from '../helpers/migrations-dir.js';

function actionContext(answers: boolean[]): ActionContext & {questions: string[]} {
	const questions: string[] = [];
	return {
		questions,
		onEvent: () => {},
		signal: new AbortController().signal,
		confirm: async (question) => {
			questions.push(question);
			return answers.shift() ?? false;
		},
	};
}

test("the app's 'Revert the last migration' refuses a production target without asking, and reverts a local one after yes", async (t) => {
	const target = await freshDatabase(t);
	const directory = migrationsDir(t, chain(2));
	const base = testConfig();
	const config = {...base, target, migrationsDir: directory};
	await runMigrations({target, migrationsDir: directory, waitMs: serverWaitMs, lockWaitMs: 30_000, lockTimeout: '5s', statementTimeout: '1min', direction: 'up'});

	const production = actionContext([true]);
	const refused = await revertLast({...config, railwayEnvironment: 'Production'}, production);
	t.is(refused.tone, 'failure');
	t.regex(refused.summary, /Not reverting: .* is a production database \(RAILWAY_ENVIRONMENT is "Production"\)\. From a terminal: cc-dev migrate down --production/);
	t.deepEqual(production.questions, []);
	t.deepEqual(await query(target, 'select revision from cc_dev_migrations order by 1'), [{revision: '000000000001'}, {revision: '000000000002'}]);

	const local = actionContext([true]);
	const reverted = await revertLast(config, local);
	t.is(reverted.tone, 'success', reverted.summary);
	t.is(local.questions.length, 1);
	t.deepEqual(await query(target, 'select revision from cc_dev_migrations'), [{revision: '000000000001'}]);
});

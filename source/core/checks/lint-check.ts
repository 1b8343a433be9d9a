import {withClient} from '../database/connect.js';
import {describeTarget} from '../database/target.js';
import {lintMigrations} from '../lint/lint-migration.js';
import {appliedRevisions, pendingMigrations, readDatabaseState} from '../migrations/state.js';
import {failed, passed, type Check} from './check.js';
import {plural} from '../plural.js';

/** 7. No unsafe operation in the migrations that the configured database has not applied yet. */
export const lintCheck: Check = {
	id: 'lint',
	title: 'Lint',
	passedTitle: 'No unsafe operations pending',
	async run(context) {
		const graph = context.graph();
		const state = await withClient(context.target, {waitMs: context.waitMs, signal: context.signal, applicationName: 'cc-dev test'}, async (client) => {
			await client.query('SET default_transaction_read_only = on');
			return readDatabaseState(client, graph);
		});
		const applied = appliedRevisions(graph, state);
		const pending = pendingMigrations(graph, state);
		const where = describeTarget(context.target);
		if (pending.length === 0) return passed(`nothing pending: ${where} has every migration applied`, 'nothing pending');
		const findings = await lintMigrations(pending, {history: graph.ordered.filter((migration) => applied.has(migration.revision))});
		const errors = findings.filter((finding) => finding.severity === 'error');
		const warnings = findings.length - errors.length;
		const lines = findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule}: ${finding.message}`);
		const scope = `${plural(pending.length, 'migration')} pending on ${where}`;
		if (errors.length > 0) {
			return failed(`${plural(errors.length, 'unsafe operation')} in ${scope}${warnings > 0 ? ` (and ${plural(warnings, 'warning')})` : ''}`, {
				lines,
				hint: 'See cc-dev lint for why each one hurts a live database and the safe way to write it.',
			});
		}
		if (warnings > 0) return {status: 'passed', detail: `${scope}: no unsafe operation, ${plural(warnings, 'warning')}`, figure: plural(warnings, 'warning'), lines};
		return passed(`${scope}: no unsafe operation`, `${plural(pending.length, 'migration')} pending`);
	},
};

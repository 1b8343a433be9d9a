import path from 'node:path';
import {UsageError, type ExitCode} from '../core/errors.js';
import {planRestore, restoreDump, type RestoreOptions, type RestorePlan} from '../core/schema/restore-dump.js';
import {formatDuration} from '../report/format.js';
import type {CommandContext} from './command.js';
import {confirmOrFail} from './confirm.js';

function describePlan(context: CommandContext, plan: RestorePlan): void {
	const {style} = context;
	context.err(style.bold(`Restore ${path.basename(plan.file)} into ${plan.target}:`));
	if (plan.clean && plan.existingTables.length > 0) context.err(`  ${style.red('drop')} the public schema and everything in it (${plan.publicTables} table${plan.publicTables === 1 ? '' : 's'} now)`);
	if (plan.cascadesOutside.length > 0) {
		context.err(`  ${style.red('drop')} with it, in other schemas (they depend on public): ${plan.cascadesOutside.slice(0, 10).join(', ')}${plan.cascadesOutside.length > 10 ? `, and ${plan.cascadesOutside.length - 10} more` : ''}`);
	}
	context.err(`  run its ${plan.statementCount} statements in one transaction (a failure leaves the database as it is)`);
	context.err(`  record ${plan.revision ? `revision ${plan.revision} (from the ${plan.revisionSource}) and its ${plan.revisions.length - 1} ancestor${plan.revisions.length === 2 ? '' : 's'} as restored` : 'no revision (base)'}`);
	if (plan.production) context.err(`  ${style.yellow('production')}: ${plan.production} (allowed with --production)`);
}

/** `cc-dev restore FILE`: the guarded emergency recovery. */
export async function runRestore(context: CommandContext): Promise<ExitCode> {
	const file = context.args.positionals[0];
	if (!file) throw new UsageError('cc-dev restore needs the dump file to restore.', {hint: 'For example: cc-dev restore railway_schema.sql'});
	const config = context.config();
	const options: RestoreOptions = {
		target: config.target,
		file: path.resolve(file),
		migrationsDir: config.migrationsDir,
		waitMs: config.waitMs,
		lockWaitMs: config.lockWaitMs,
		clean: context.flag('clean'),
		allowDo: context.flag('allow-do'),
		allowProduction: context.flag('production'),
		railwayEnvironment: config.railwayEnvironment,
		onEvent: context.onEvent,
		signal: context.signal,
		...(context.string('revision') ? {revision: context.string('revision')!} : {}),
	};
	const plan = await planRestore(options);
	if (!context.json) describePlan(context, plan);
	const question = `Restore ${path.basename(plan.file)} into ${plan.target}${plan.clean && plan.existingTables.length > 0 ? ', dropping what is there' : ''}?`;
	if (!(await confirmOrFail(context, question))) {
		context.err('Nothing restored.');
		return 1;
	}
	const result = await restoreDump(options);
	if (context.json) context.printJson(result);
	else context.out(`${context.style.green('✔')} restored ${path.basename(result.file)} into ${result.target} in ${formatDuration(result.durationMs)}; migrate status: ${result.revision ?? 'base'}`);
	return 0;
}

import type {ExitCode} from '../core/errors.js';
import {parseDatabaseUrl} from '../core/database/target.js';
import {detectDrift} from '../core/schema/drift.js';
import {renderDrift} from '../report/drift.js';
import type {CommandContext} from './command.js';
import {sessionOptions} from './session-options.js';

/**
 * `cc-dev drift`: the live database against what the migrations produce; exit 1 on drift. Never
 * changes the live database. `--write MESSAGE` writes the migration that captures the drift
 * instead (the generator of `migrate new --from-dev`, pointed at this database).
 */
export async function runDrift(context: CommandContext): Promise<ExitCode> {
	const scratchUrl = context.string('scratch-url');
	const scratchServer = scratchUrl ? {scratchServer: parseDatabaseUrl(scratchUrl, '--scratch-url')} : {};
	const message = context.string('write');
	if (message !== undefined) {
		const [{generateExitCode, generateMigration}, {renderGenerate}] = await Promise.all([import('../core/generate/generate-migration.js'), import('../report/generate.js')]);
		const result = await generateMigration({...sessionOptions(context), ...scratchServer, message, source: {kind: 'dev'}, allowDrops: context.flag('allow-drops'), stamp: context.flag('stamp')});
		if (context.json) context.printJson(result);
		else context.out(renderGenerate(result, context.style));
		return generateExitCode(result);
	}
	const {catalogChanges} = await import('../core/generate/compare-catalogs.js');
	const options = sessionOptions(context);
	const result = await detectDrift({...options, ...scratchServer, compareCatalogs: (expected, actual) => catalogChanges(expected, actual, options.waitMs)});
	const drift = result.differences.length > 0 || result.changes.length > 0;
	if (context.json) context.printJson({...result, drift});
	else context.out(renderDrift(result, context.style));
	return drift ? 1 : 0;
}

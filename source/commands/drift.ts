import type {ExitCode} from '../core/errors.js';
import {parseDatabaseUrl} from '../core/database/target.js';
import {detectDrift} from '../core/schema/drift.js';
import {renderDrift} from '../report/drift.js';
import type {CommandContext} from './command.js';
import {sessionOptions} from './session-options.js';

/** `cc-dev drift`: the live database against what the migrations produce; exit 1 on drift. Never changes the live database. */
export async function runDrift(context: CommandContext): Promise<ExitCode> {
	const scratchUrl = context.string('scratch-url');
	const result = await detectDrift({
		...sessionOptions(context),
		...(scratchUrl ? {scratchServer: parseDatabaseUrl(scratchUrl, '--scratch-url')} : {}),
	});
	if (context.json) context.printJson({...result, drift: result.differences.length > 0});
	else context.out(renderDrift(result, context.style));
	return result.differences.length > 0 ? 1 : 0;
}

import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {InputError, type ExitCode} from '../core/errors.js';
import {normaliseDump} from '../core/schema/dump-schema.js';
import {dumpConfigured} from '../core/schema/dump-source.js';
import {schemaFilePath, writeSchemaFile} from '../core/schema/schema-file.js';
import {unifiedDiff} from '../core/schema/line-diff.js';
import {formatDuration} from '../report/format.js';
import type {CommandContext} from './command.js';

function outFile(context: CommandContext): string | undefined {
	const out = context.string('out');
	if (out === '-') return undefined;
	return out ? path.resolve(out) : schemaFilePath(context.config().projectRoot);
}

/** `cc-dev dump`: schema-only, deterministic; --check compares with the file instead of writing it. */
export async function runDump(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const fromMigrations = context.flag('from-migrations');
	const dump = await dumpConfigured(config, {fromMigrations, signal: context.signal});
	const file = outFile(context);
	const source = fromMigrations ? `the migrations at ${dump.revision ?? 'base'}` : `${config.target.database}${dump.revision ? ` at ${dump.revision}` : ''}`;
	const summary = {file: file ?? null, lines: dump.lineCount, tool: dump.tool, revision: dump.revision ?? null, source, durationMs: Math.round(dump.durationMs)};

	if (context.flag('check')) {
		if (!file) throw new InputError('--check needs a file to compare with.', {hint: 'Use --out FILE (not -) with --check.'});
		const committed = existsSync(file) ? normaliseDump(readFileSync(file, 'utf8')).split('\n') : undefined;
		const diff = committed ? unifiedDiff(committed, normaliseDump(dump.text).split('\n'), {fromName: path.basename(file), toName: `dump of ${source}`}) : [];
		const matches = committed !== undefined && diff.length === 0;
		if (context.json) context.printJson({...summary, matches, diff});
		else if (!committed) context.err(`${context.style.red('✖')} ${file} does not exist; write it with cc-dev dump${fromMigrations ? ' --from-migrations' : ''}`);
		else if (matches) context.out(`${context.style.green('✔')} ${path.basename(file)} matches the dump of ${source} (${dump.lineCount} lines)`);
		else {
			for (const line of diff) context.out(line);
			context.err(`${context.style.red('✖')} ${path.basename(file)} differs from the dump of ${source}; regenerate it with cc-dev dump${fromMigrations ? ' --from-migrations' : ''}`);
		}
		return matches ? 0 : 1;
	}
	if (!file) {
		context.io.stdout.write(dump.text);
		return 0;
	}
	writeSchemaFile(file, dump.text);
	if (context.json) context.printJson(summary);
	else context.out(`${context.style.green('✔')} wrote ${path.relative(process.cwd(), file) || file}: ${dump.lineCount} lines, schema of ${source} (${dump.tool}, ${formatDuration(dump.durationMs)})`);
	return 0;
}

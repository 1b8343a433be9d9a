import path from 'node:path';
import type {Config} from '../../core/config/load-config.js';
import {describeTarget} from '../../core/database/target.js';
import {CancelledError} from '../../core/errors.js';
import {listTemplates, readHeads, scaffoldMigration} from '../../core/scaffold/scaffold-migration.js';
import {resolveTemplatesDir} from '../../core/scaffold/templates-dir.js';
import {askScaffold, isPromptCancel} from '../../commands/ask-scaffold.js';
import type {ActionOutcome} from './types.js';

/** `migrate new` from the menu: the same questions as the command (inquirer), then the file and its SQL. */
export async function newMigration(config: Config, signal: AbortSignal): Promise<ActionOutcome> {
	const templatesDir = resolveTemplatesDir(config.templatesDir);
	const {heads} = readHeads(config.migrationsDir);
	const templates = await listTemplates(templatesDir);
	process.stdout.write('\nNew migration (Ctrl-C goes back to the menu)\n');
	let choices;
	try {
		choices = await askScaffold({templates, heads, signal});
	} catch (error) {
		if (isPromptCancel(error)) throw new CancelledError('No migration written.');
		throw error;
	}
	const result = await scaffoldMigration({migrationsDir: config.migrationsDir, templatesDir, ...choices});
	const file = path.relative(config.projectRoot, result.path);
	const template = templates.find((candidate) => candidate.name === choices.template);
	const next = result.next ? `\n\n-- ${result.next}` : '';
	return {
		tone: 'success',
		summary: `Wrote ${file}`,
		view: {kind: 'sql', title: `Wrote ${file} (template ${choices.template})`, blocks: [{title: path.basename(result.path), ...(template ? {transaction: template.transaction} : {}), sql: result.text.trimEnd() + next}]},
	};
}

/**
 * Cancels this process's pending read of the terminal. Ink stops listening while it is suspended,
 * but a read already queued on the TTY would still take the first line typed into a child process;
 * pause() does not cancel it, readStop() on the handle does. The app's resume() starts reading again.
 */
function stopReading(stream: NodeJS.ReadStream): void {
	const handle = (stream as unknown as {_handle?: {reading?: boolean; readStop?: () => number}})._handle;
	if (handle?.reading && handle.readStop) {
		handle.reading = false;
		handle.readStop();
	}
	const state = (stream as unknown as {_readableState?: {reading?: boolean}})._readableState;
	if (state) state.reading = false;
}

/** psql on the database (the same operation as `cc-dev db psql`); the app's terminal is handed over meanwhile. */
export async function openPsql(config: Config): Promise<ActionOutcome> {
	const {openPsql: psql} = await import('../../core/providers/psql.js');
	process.stdout.write(`\npsql on ${describeTarget(config.target)}: \\q comes back to cc-dev\n\n`);
	const code = await psql(config, {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr}, [], {beforeLocalPsql: () => stopReading(process.stdin)});
	return {tone: code === 0 ? 'success' : 'warning', summary: code === 0 ? 'psql closed' : `psql exited with code ${code}`};
}

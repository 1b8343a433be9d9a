import {spawn} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import path from 'node:path';
import type {Config} from '../../core/config/load-config.js';
import {describeTarget} from '../../core/database/target.js';
import {CancelledError, EnvironmentError} from '../../core/errors.js';
import {chooseProvider} from '../../core/providers/choose-provider.js';
import type {DockerProvider} from '../../core/providers/docker-provider.js';
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

function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	for (const directory of (env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
		const candidate = path.join(directory, name);
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// Not here.
		}
	}
	return undefined;
}

async function psqlInContainer(provider: DockerProvider): Promise<number> {
	const {stdin, stdout} = process;
	const wasRaw = stdin.isTTY ? stdin.isRaw : false;
	if (stdin.isTTY) stdin.setRawMode(true);
	try {
		return await provider.psql({
			stdin,
			stdout,
			stderr: process.stderr,
			tty: {
				columns: stdout.columns ?? 80,
				rows: stdout.rows ?? 24,
				onResize: (listener) => {
					const onResize = () => listener(stdout.columns ?? 80, stdout.rows ?? 24);
					stdout.on('resize', onResize);
					return () => stdout.off('resize', onResize);
				},
			},
		});
	} finally {
		if (stdin.isTTY) stdin.setRawMode(wasRaw);
	}
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

function localPsql(executable: string, config: Config): Promise<number> {
	const {target} = config;
	const env = {...process.env, PGHOST: target.host, PGPORT: String(target.port), PGUSER: target.user, PGPASSWORD: decodeURIComponent(new URL(target.url).password), PGDATABASE: target.database};
	stopReading(process.stdin);
	return new Promise((resolve, reject) => {
		const child = spawn(executable, [], {stdio: 'inherit', env});
		child.once('error', reject);
		child.once('exit', (code) => resolve(code ?? 1));
	});
}

/** psql on the database: inside the container with Docker, else a local psql, else a clear message. */
export async function openPsql(config: Config): Promise<ActionOutcome> {
	const {provider} = await chooseProvider(config);
	process.stdout.write(`\npsql on ${describeTarget(config.target)}: \\q comes back to cc-dev\n\n`);
	let code: number;
	if (provider.name === 'docker') {
		code = await psqlInContainer(provider as DockerProvider);
	} else {
		const executable = findExecutable('psql');
		if (!executable) {
			throw new EnvironmentError('psql is not installed on this machine.', {
				hint: 'Install the PostgreSQL client (Debian: apt-get install postgresql-client), or use the Docker provider, which runs psql inside the container.',
			});
		}
		code = await localPsql(executable, config);
	}
	return {tone: code === 0 ? 'success' : 'warning', summary: code === 0 ? 'psql closed' : `psql exited with code ${code}`};
}

import {withClient} from '../core/database/connect.js';
import type {ExitCode} from '../core/errors.js';
import {buildGraph, resolveRevision} from '../core/migrations/graph.js';
import {loadMigrations} from '../core/migrations/load-migrations.js';
import {readDatabaseState, type DatabaseState} from '../core/migrations/state.js';
import {readMigrationStatus} from '../core/migrations/status.js';
import {UsageError} from '../core/errors.js';
import {formatDate, formatDuration} from '../report/format.js';
import type {CommandContext} from './command.js';

export async function runMigrateStatus(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const status = await readMigrationStatus({target: config.target, migrationsDir: config.migrationsDir, waitMs: config.waitMs, onEvent: context.onEvent, signal: context.signal});
	const exitCode: ExitCode = status.problems.length > 0 ? 1 : 0;
	if (context.json) {
		context.printJson({...status, ok: exitCode === 0});
		return exitCode;
	}
	const {style} = context;
	// One write (and one password redaction) for the whole report, not one per applied migration.
	const lines: string[] = [];
	const out = (line: string): void => {
		lines.push(line);
	};
	out(`database  ${status.target}`);
	out(`current   ${status.current.length > 0 ? status.current.join(', ') : 'base'}${status.adoptsAlembicRevision ? ` (Flask-Migrate at ${status.adoptsAlembicRevision}: adopted on the next run)` : ''}`);
	out(`head      ${status.heads.join(', ') || 'none (no migrations)'}`);
	if (status.applied.length > 0) {
		out('');
		out(style.bold(`applied (${status.applied.length})`));
		for (const entry of status.applied) {
			const how = entry.how && entry.how !== 'applied' ? ` ${entry.how}` : ` in ${formatDuration(entry.executionMs ?? 0)}`;
			out(`  ${style.green('✔')} ${entry.revision} ${entry.message} ${style.dim(`${formatDate(entry.appliedAt)}${how}`)}`);
		}
	}
	if (status.pending.length > 0) {
		out('');
		out(style.bold(`pending (${status.pending.length})`));
		for (const entry of status.pending) out(`  ${style.yellow('•')} ${entry.revision} ${entry.message} ${style.dim(entry.fileName ?? '')}`);
	}
	out('');
	if (status.problems.length === 0) out(`${style.green('✔')} up to date`);
	for (const problem of status.problems) out(`${style.yellow('⚠')} ${problem}`);
	context.out(lines.join('\n'));
	return exitCode;
}

export async function runMigrateCurrent(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const status = await readMigrationStatus({target: config.target, migrationsDir: config.migrationsDir, waitMs: config.waitMs, onEvent: context.onEvent, signal: context.signal});
	const head = status.heads.length === 1 ? status.heads[0] : undefined;
	if (context.json) {
		context.printJson({current: status.current, head, isHead: status.current.length === 1 && status.current[0] === head});
		return 0;
	}
	if (status.current.length === 0) context.out('base (no migration applied)');
	for (const revision of status.current) {
		const entry = status.applied.find((applied) => applied.revision === revision);
		context.out(`${revision}${revision === head ? ' (head)' : ''} ${entry?.message ?? ''}`.trimEnd());
	}
	return 0;
}

async function tryReadState(context: CommandContext, graph: ReturnType<typeof buildGraph>): Promise<DatabaseState | undefined> {
	const config = context.config();
	try {
		return await withClient(config.target, {waitMs: 0}, (client) => readDatabaseState(client, graph));
	} catch {
		return undefined;
	}
}

export async function runMigrateHistory(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const graph = buildGraph(loadMigrations(config.migrationsDir));
	const state = await tryReadState(context, graph);
	const applied = new Map(state?.applied.map((row) => [row.revision, row]) ?? []);
	const rows = [...graph.ordered].reverse().map((migration) => ({
		revision: migration.revision,
		revises: migration.parents,
		message: migration.message,
		created: migration.created,
		transaction: migration.transaction,
		file: migration.fileName,
		isHead: graph.heads.includes(migration.revision),
		appliedAt: applied.get(migration.revision)?.appliedAt,
	}));
	if (context.json) {
		context.printJson({databaseAnswered: state !== undefined, migrations: rows});
		return 0;
	}
	const {style} = context;
	for (const row of rows) {
		const mark = state === undefined ? ' ' : row.appliedAt ? style.green('✔') : style.yellow('•');
		const parents = row.revises.length > 0 ? row.revises.join(', ') : '<base>';
		context.out(`${mark} ${parents} -> ${style.bold(row.revision)}${row.isHead ? style.cyan(' (head)') : ''}${row.revises.length > 1 ? style.cyan(' (merge)') : ''}, ${row.message}${row.transaction === 'none' ? style.dim(' [no transaction]') : ''}`);
	}
	if (state === undefined) context.err(style.dim('(the database did not answer: applied marks omitted)'));
	return 0;
}

export async function runMigrateShow(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const input = context.args.positionals[0];
	if (!input) throw new UsageError('cc-dev migrate show needs a revision.', {hint: 'For example: cc-dev migrate show head'});
	const graph = buildGraph(loadMigrations(config.migrationsDir));
	const revision = resolveRevision(graph, input);
	if (revision === undefined) throw new UsageError('base is not a migration.', {hint: 'Name a revision, or head.'});
	const migration = graph.byRevision.get(revision)!;
	if (context.json) {
		context.printJson({revision, revises: migration.parents, message: migration.message, created: migration.created, transaction: migration.transaction, file: migration.fileName, checksum: migration.checksum, up: migration.up.sql.trim(), down: migration.down?.sql.trim() ?? null, children: graph.children.get(revision) ?? []});
		return 0;
	}
	const {style} = context;
	context.out(`${style.bold(`Revision ${revision}`)}${graph.heads.includes(revision) ? style.cyan(' (head)') : ''}`);
	context.out(`Revises: ${migration.parents.join(', ') || '<base>'}`);
	context.out(`Message: ${migration.message}`);
	context.out(`Created: ${migration.created ?? ''}`);
	context.out(`Transaction: ${migration.transaction}`);
	context.out(`File: ${migration.fileName}`);
	context.out('');
	context.out(style.bold('-- up'));
	context.out(migration.up.sql.trim());
	context.out('');
	context.out(style.bold('-- down'));
	context.out(migration.down?.sql.trim() || style.dim('(none)'));
	return 0;
}

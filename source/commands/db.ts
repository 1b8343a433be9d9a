import type {Writable} from 'node:stream';
import {describeTarget} from '../core/database/target.js';
import {readServerFacts} from '../core/migrations/server-facts.js';
import type {ExitCode} from '../core/errors.js';
import {productionGuardOf, requireNonProductionTarget} from '../core/guards/production.js';
import {chooseProvider} from '../core/providers/choose-provider.js';
import {destroyDatabase} from '../core/providers/destroy-database.js';
import type {ProviderStatus} from '../core/providers/provider.js';
import {formatUptime} from '../report/format.js';
import type {CommandContext} from './command.js';
import {confirmOrFail} from './confirm.js';

function statusLines(context: CommandContext, status: ProviderStatus, reason: string): string[] {
	const {style} = context;
	const state = status.state === 'running' ? style.green('running') : status.state === 'stopped' ? style.yellow('stopped') : style.dim('not created');
	return [
		`provider  ${status.provider} ${style.dim(`(${reason})`)}`,
		`state     ${state}${status.startedAt ? ` for ${formatUptime(status.startedAt)}` : ''}`,
		`port      127.0.0.1:${status.port}`,
		`data      ${status.location}`,
		...Object.entries(status.details ?? {}).map(([key, value]) => `${key.padEnd(9)} ${value}`),
	];
}

export async function runDbStart(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const {provider, reason} = await chooseProvider(config);
	const onEvent = provider.name === 'docker' && !context.json ? (await import('./db-docker.js')).withPullProgress(context.onEvent, context.io.stderr) : context.onEvent;
	const status = await provider.start({onEvent, signal: context.signal});
	if (context.json) context.printJson({...status, reason, url: describeTarget(config.target)});
	else {
		context.out(`${context.style.green('✔')} ${provider.name} database ready at ${describeTarget(config.target)}`);
		context.out(context.style.dim(`  ${reason}; stop it with cc-dev db stop`));
	}
	return 0;
}

export async function runDbStop(context: CommandContext): Promise<ExitCode> {
	const {provider} = await chooseProvider(context.config());
	const status = await provider.stop({onEvent: context.onEvent, signal: context.signal});
	if (context.json) context.printJson(status);
	else context.out(`${context.style.green('✔')} ${provider.name} database stopped (data kept in ${status.location})`);
	return 0;
}

export async function runDbStatus(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	const {provider, reason} = await chooseProvider(config);
	const status = await provider.status({signal: context.signal});
	const facts = status.state === 'running' ? await readServerFacts(config.target, config.migrationsDir).catch(() => undefined) : undefined;
	if (context.json) {
		context.printJson({...status, reason, target: describeTarget(config.target), ...facts});
		return 0;
	}
	for (const line of statusLines(context, status, reason)) context.out(line);
	if (facts) {
		context.out(`server    PostgreSQL ${facts.serverVersion}, database ${config.target.database} ${facts.databaseSize}`);
		context.out(`revision  ${facts.current.length > 0 ? facts.current.join(', ') : 'base (no migration applied)'}${facts.pending > 0 ? context.style.yellow(` (${facts.pending} pending)`) : ''}`);
	} else if (status.state !== 'running') {
		context.out(context.style.dim('start it with cc-dev db start'));
	}
	return 0;
}

export async function runDbUrl(context: CommandContext): Promise<ExitCode> {
	const config = context.config();
	if (context.json) context.printJson({url: describeTarget(config.target), database: config.target.database, host: config.target.host, port: config.target.port, user: config.target.user});
	else if (context.flag('show-password')) context.io.stdout.write(`${config.target.url}\n`);
	else context.out(config.target.url);
	return 0;
}

export async function runDbDestroy(context: CommandContext): Promise<ExitCode> {
	const guard = productionGuardOf(context.config(), context.flag('production'));
	// Checked again by destroyDatabase; here too so that a refusal comes before the question.
	requireNonProductionTarget(context.config().target, guard, 'db destroy');
	const {provider} = await chooseProvider(context.config());
	const status = await provider.status();
	if (status.state === 'absent') {
		context.out(`Nothing to destroy: the ${provider.name} database does not exist.`);
		return 0;
	}
	if (!(await confirmOrFail(context, `Remove the ${provider.name} database and all its data (${status.location})?`))) {
		context.err('Kept the database.');
		return 1;
	}
	await destroyDatabase(provider, context.config().target, {...guard, onEvent: context.onEvent, signal: context.signal});
	context.out(`${context.style.green('✔')} ${provider.name} database removed`);
	return 0;
}

export async function runDbLogs(context: CommandContext): Promise<ExitCode> {
	const {runDbLogs: logs} = await import('./db-docker.js');
	return logs(context.config(), {follow: context.flag('follow'), tail: context.number('tail'), signal: context.signal}, context.io);
}

export async function runDbPsql(context: CommandContext): Promise<ExitCode> {
	const {openPsql} = await import('../core/providers/psql.js');
	const stdin = context.io.stdin as NodeJS.ReadStream;
	try {
		const code = await openPsql(context.config(), {stdin, stdout: context.io.stdout as Writable, stderr: context.io.stderr as Writable}, context.args.rest);
		return code >= 0 && code <= 3 ? (code as ExitCode) : 1;
	} finally {
		stdin.pause();
	}
}

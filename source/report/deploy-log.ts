import type {DeployLogEvent, PlannedMigration} from '../core/deploy/deploy-events.js';
import type {RailwaySettingsResult} from '../core/deploy/railway-settings.js';
import {redact} from '../core/redact.js';
import {eventLine} from './event-lines.js';
import {formatDuration} from './format.js';
import {createStyle} from './style.js';
import {plural} from '../core/plural.js';

export type LogLevel = 'info' | 'warn' | 'error';

/** The text of one event: a level and one or more lines (a dry run's SQL spans several). */
export type LogEntry = {readonly level: LogLevel; readonly lines: readonly string[]};

const plain = createStyle(false);

function revisions(current: readonly string[]): string {
	return current.length > 0 ? current.join(', ') : 'base';
}

function planLines(pending: readonly PlannedMigration[], dryRun: boolean): string[] {
	const lines: string[] = [];
	for (const migration of pending) {
		lines.push(`${dryRun ? 'would apply' : 'pending'} ${migration.revision} ${migration.message} (${migration.fileName}${migration.transaction === 'none' ? ', no transaction' : ''})`);
		for (const statement of migration.statements ?? []) {
			for (const line of statement.split('\n')) if (line.trim() !== '') lines.push(`    ${line.trimEnd()}`);
		}
	}
	return lines;
}

function planEntry(event: Extract<DeployLogEvent, {type: 'deploy-plan'}>): LogEntry {
	const lines: string[] = [];
	if (event.adopts) lines.push(`${event.dryRun ? 'would adopt' : 'adopted'} the Flask-Migrate database at ${event.adopts}`);
	if (event.createsVersionTable) lines.push('would create the version table cc_dev_migrations');
	lines.push(event.pending.length === 0 ? 'nothing pending' : `${plural(event.pending.length, 'pending migration')}${event.dryRun ? ':' : ''}`);
	if (event.dryRun) lines.push(...planLines(event.pending, true));
	if (event.findings === undefined) {
		if (event.dryRun) lines.push('lint: the linter is not available in this build');
	} else if (event.dryRun && event.pending.length > 0) {
		lines.push(event.findings.length === 0 ? 'lint: no findings' : `lint: ${plural(event.findings.length, 'finding')}`);
		for (const finding of event.findings) {
			lines.push(`${finding.file}:${finding.line}:${finding.column} ${finding.severity} [${finding.rule}] ${finding.message}`, `    fix: ${finding.fix}`);
		}
	}
	const hasErrors = event.findings?.some((finding) => finding.severity === 'error') ?? false;
	return {level: hasErrors ? 'warn' : 'info', lines};
}

/** The deploy settings Railway will use, so that a wrong one shows before the first deploy. */
function railwayEntry(result: RailwaySettingsResult): LogEntry {
	if (result.status === 'missing') return {level: 'warn', lines: [`railway.json: not found (${result.file}); Railway uses the service's own settings`]};
	if (result.status === 'invalid') return {level: 'warn', lines: [`railway.json: cannot be read: ${result.problem}`]};
	const {builder, builderConfig, preDeployCommand, startCommand, healthcheckPath, healthcheckTimeout} = result.settings;
	const warnings: string[] = [];
	if (!preDeployCommand?.some((command) => /\bcc-dev(\.js)? deploy\b/.test(command))) warnings.push('railway.json: warning: no pre-deploy command runs cc-dev deploy, so Railway will not apply the migrations');
	if (healthcheckPath === undefined) warnings.push('railway.json: warning: no healthcheckPath, so Railway sends traffic as soon as the process starts');
	return {
		level: warnings.length > 0 ? 'warn' : 'info',
		lines: [
			`railway.json: builder ${builder ?? 'not set (the service setting decides)'}${builderConfig ? ` (configured by ${builderConfig})` : ''}`,
			`railway.json: pre-deploy command: ${preDeployCommand?.join(' && ') ?? 'none'}`,
			`railway.json: start command: ${startCommand ?? "none (the builder's default)"}`,
			`railway.json: health check: ${healthcheckPath === undefined ? 'none' : `GET ${healthcheckPath} must answer 200${healthcheckTimeout === undefined ? '' : ` within ${healthcheckTimeout} s`}`}`,
			...warnings,
		],
	};
}

/** How each deploy event reads in a log: plain text, no colour, never a password. */
export function deployLogEntry(event: DeployLogEvent): LogEntry | undefined {
	switch (event.type) {
		case 'deploy-start':
			return {level: 'info', lines: [`${event.dryRun ? 'dry run: ' : ''}deploying to ${event.target} (${event.source}${event.environment ? `, RAILWAY_ENVIRONMENT=${event.environment}` : ''})`]};
		case 'deploy-connected':
			return {level: 'info', lines: [`connected: PostgreSQL ${event.serverVersion} as ${event.user} (backend ${event.backendPid}), migration lock held${event.lockWaitedMs > 200 ? ` after ${formatDuration(event.lockWaitedMs)}` : ''}`]};
		case 'lock-acquired':
			return undefined;
		case 'extension':
			return {level: 'info', lines: [`extension ${event.name}: ${event.status === 'missing' ? 'missing, would be created' : event.status}`]};
		case 'deploy-plan':
			return planEntry(event);
		case 'migration-start':
			return {level: 'info', lines: [`applying ${event.revision} ${event.message} (${event.index + 1}/${event.total})`]};
		case 'deploy-verified':
			return {level: 'info', lines: [`verified: at head ${event.head ?? 'base'}; ${event.checksums === 1 ? 'the applied checksum matches its file' : `${event.checksums} applied checksums match their files`}`]};
		case 'deploy-done':
			return {
				level: 'info',
				lines: [event.dryRun
					? `dry run done in ${formatDuration(event.totalMs)}: ${event.pending === 0 ? 'nothing would change' : `${plural(event.pending, 'migration')} would be applied`}; database at ${revisions(event.current)}; lock released`
					: `deploy done in ${formatDuration(event.totalMs)}: applied ${plural(event.applied, 'migration')}; database at ${revisions(event.current)}`],
			};
		case 'railway-settings':
			return railwayEntry(event.result);
		case 'start-command':
			return {level: 'info', lines: [`starting: ${event.command.join(' ')} (it replaces cc-dev in this process)`]};
		case 'start-command-skipped':
			return {level: 'info', lines: [`not starting ${event.command.join(' ')}: ${event.reason}`]};
		case 'deploy-failed':
			return {level: 'error', lines: [`deploy failed: ${event.message}`, ...(event.hint ? event.hint.split('\n').map((line) => `hint: ${line}`) : [])]};
		case 'warning':
			return {level: 'warn', lines: [`warning: ${event.message}${event.hint ? ` (${event.hint})` : ''}`]};
		default: {
			const line = eventLine(event, plain);
			return line === undefined ? undefined : {level: 'info', lines: [line]};
		}
	}
}

export type DeployLogOptions = {
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
	/** One JSON object per event on stdout instead of text lines. */
	readonly json: boolean;
	readonly now?: () => Date;
};

/**
 * The deploy's log, for Railway (which shows logs, not a TUI): one timestamped line per event,
 * errors on stderr and the rest on stdout, or with --json one JSON object per event on stdout.
 */
export function createDeployLog(options: DeployLogOptions): (event: DeployLogEvent) => void {
	const now = options.now ?? (() => new Date());
	return (event) => {
		const time = now().toISOString();
		if (options.json) {
			const entry = deployLogEntry(event);
			options.stdout.write(`${redact(JSON.stringify({time, level: entry?.level ?? 'info', ...event}))}\n`);
			return;
		}
		const entry = deployLogEntry(event);
		if (!entry) return;
		const stream = entry.level === 'error' ? options.stderr : options.stdout;
		stream.write(entry.lines.map((line) => `${time} ${redact(line)}\n`).join(''));
	};
}

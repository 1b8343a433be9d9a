import {constants} from 'node:os';
import type {DeployLogEvent} from '../core/deploy/deploy-events.js';
import {deploy} from '../core/deploy/deploy.js';
import {readRailwaySettings} from '../core/deploy/railway-settings.js';
import {resolveStartCommand} from '../core/deploy/start-command.js';
import {EnvironmentError, isCcDevError} from '../core/errors.js';
import {createDeployLog} from '../report/deploy-log.js';
import type {CommandContext} from './command.js';
import {sessionOptions} from './session-options.js';

/** The deploy's wait for the database when neither --wait nor CC_DEV_WAIT says otherwise (railway_init.sh waited 30 s). */
export const deployWaitMs = 30_000;

/** Signals a platform sends to stop or steer the app (gunicorn reads HUP, QUIT, USR2 too). SIGUSR1 is Node's debugger. */
const trappedSignals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];

type Log = (event: DeployLogEvent) => void;

/**
 * Holds the stop signals until the hand-over, so that none is lost in the gap between the
 * migrations and the start command: a signal cancels the deploy (the running migration rolls
 * back) and the command is not started.
 */
function trapSignals() {
	const controller = new AbortController();
	let received: NodeJS.Signals | undefined;
	const handlers = trappedSignals.map((signal) => {
		const handler = (): void => {
			received ??= signal;
			controller.abort();
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	return {
		signal: controller.signal,
		received: () => received,
		release(): void {
			for (const [signal, handler] of handlers) process.off(signal, handler);
		},
	};
}

type Trap = ReturnType<typeof trapSignals>;

/**
 * Replaces cc-dev with the start command (execve(2), same pid), once the migrations are done:
 * signals reach the command directly, its exit code is the process's, and nothing is left to be
 * orphaned when the process is killed. A command that cannot be run is reported first (127 when
 * it does not exist, 126 when it is not executable), because a failed execve aborts Node.
 */
function handOver(command: readonly string[], trap: Trap, log: Log): number {
	const stopped = trap.received();
	if (stopped) {
		log({type: 'start-command-skipped', command, reason: `cc-dev received ${stopped} before starting it`});
		return 128 + constants.signals[stopped];
	}
	const [file, ...args] = command as [string, ...string[]];
	const resolved = resolveStartCommand(file, process.env['PATH'], process.cwd());
	if (!resolved.found) {
		log({
			type: 'deploy-failed',
			message: `cannot run the start command ${file}: ${resolved.reason}`,
			hint: resolved.exitCode === 127 ? 'Check the command name and PATH. To expand variables such as $PORT, wrap it: -- sh -c \'exec gunicorn --bind 0.0.0.0:$PORT ...\'' : 'Check that the file is executable.',
			exitCode: resolved.exitCode,
		});
		return resolved.exitCode;
	}
	log({type: 'start-command', command});
	trap.release();
	// Node puts piped and terminal stdio in non-blocking mode; the command inherits the same open
	// files, and a program that writes to a non-blocking pipe fails with EAGAIN when it is full.
	for (const stream of [process.stdin, process.stdout, process.stderr]) (stream as {_handle?: {setBlocking?: (blocking: boolean) => unknown}})._handle?.setBlocking?.(true);
	process.execve!(resolved.path, [file, ...args], process.env);
	return 126; // execve returns only when it failed, and Node aborts before that.
}

async function deployThenStart(context: CommandContext, trap: Trap, log: Log): Promise<number> {
	const config = context.config();
	if (!config.isExternal && config.railwayEnvironment !== undefined) {
		throw new EnvironmentError(`DATABASE_URL is not set, and this is Railway (RAILWAY_ENVIRONMENT=${config.railwayEnvironment}).`, {
			hint: 'Add a variable reference to the service: DATABASE_URL=${{Postgres.DATABASE_URL}}.',
		});
	}
	const waitMs = context.string('wait') === undefined && !process.env['CC_DEV_WAIT'] ? deployWaitMs : config.waitMs;
	const dryRun = context.flag('dry-run');
	const command = context.args.rest;
	if (command.length > 0 && !dryRun && typeof process.execve !== 'function') {
		throw new EnvironmentError(`cc-dev deploy -- COMMAND needs process.execve, which Node.js ${process.versions.node} on ${process.platform} does not have.`, {
			hint: 'Run the migrations with cc-dev deploy, then start the command separately.',
		});
	}
	if (dryRun) log({type: 'railway-settings', result: readRailwaySettings(config.projectRoot)});
	const signal = AbortSignal.any([context.signal, trap.signal]);
	await deploy({...sessionOptions(context), waitMs, signal, onEvent: log, dryRun, lockRetries: context.number('lock-retries'), railwayEnvironment: config.railwayEnvironment});
	if (command.length === 0) return 0;
	if (dryRun) {
		log({type: 'start-command-skipped', command, reason: 'dry run'});
		return 0;
	}
	return handOver(command, trap, log);
}

/** `cc-dev deploy [-- START COMMAND]`: timestamped log lines (or JSON lines), then the start command in cc-dev's place. */
export async function runDeploy(context: CommandContext): Promise<number> {
	const log = createDeployLog({stdout: context.io.stdout, stderr: context.io.stderr, json: context.json});
	const trap = trapSignals();
	try {
		return await deployThenStart(context, trap, log);
	} catch (error) {
		if (!isCcDevError(error)) throw error;
		log({type: 'deploy-failed', message: error.message, hint: error.hint, exitCode: error.exitCode});
		return error.exitCode;
	} finally {
		trap.release();
	}
}

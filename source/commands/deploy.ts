import {constants} from 'node:os';
import type {DeployLogEvent} from '../core/deploy/deploy-events.js';
import {deploy} from '../core/deploy/deploy.js';
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
 * Holds the stop signals for the whole run, so that none is lost in the gap between the
 * migrations and the start command: before the start command runs, a signal cancels the deploy
 * (the running migration rolls back) and the command is not started; once it runs, every
 * signal is forwarded to it. Ctrl-C then belongs to the command, not to cc-dev's own handler.
 */
function trapSignals(log: Log) {
	const controller = new AbortController();
	let received: NodeJS.Signals | undefined;
	let child: {kill(signal: NodeJS.Signals): boolean} | undefined;
	const handlers = trappedSignals.map((signal) => {
		const handler = (): void => {
			if (child) {
				log({type: 'signal-forwarded', signal});
				child.kill(signal);
			} else {
				received ??= signal;
				controller.abort();
			}
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	let saved: Array<(...args: unknown[]) => void> = [];
	return {
		signal: controller.signal,
		received: () => received,
		attach(subprocess: {kill(signal: NodeJS.Signals): boolean}): void {
			child = subprocess;
			saved = process.listeners('SIGINT').filter((listener) => !handlers.some(([, handler]) => handler === listener)) as typeof saved;
			for (const listener of saved) process.off('SIGINT', listener);
		},
		release(): void {
			for (const [signal, handler] of handlers) process.off(signal, handler);
			for (const listener of saved) process.on('SIGINT', listener);
		},
	};
}

type Trap = ReturnType<typeof trapSignals>;

function exitCodeOf(result: {exitCode?: number; signal?: string; code?: string}): number {
	if (result.exitCode !== undefined) return result.exitCode;
	if (result.signal) return 128 + (constants.signals[result.signal as NodeJS.Signals] ?? 0);
	return result.code === 'ENOENT' ? 127 : 126;
}

/**
 * Runs the start command in cc-dev's place. Node cannot exec(2), so it spawns the command with
 * stdio inherited, forwards the trapped signals, and returns its exit code (128 + signal when a
 * signal ended it; 127 when it does not exist).
 */
async function handOver(command: readonly string[], loading: Promise<typeof import('execa')>, trap: Trap, log: Log): Promise<number> {
	const {execa} = await loading;
	const stopped = trap.received();
	if (stopped) {
		log({type: 'start-command-skipped', command, reason: `cc-dev received ${stopped} before starting it`});
		return 128 + constants.signals[stopped];
	}
	const [file, ...args] = command as [string, ...string[]];
	log({type: 'start-command', command});
	const subprocess = execa(file, args, {stdio: 'inherit', reject: false, forceKillAfterDelay: false});
	trap.attach(subprocess);
	const result = await subprocess;
	const exitCode = exitCodeOf(result);
	if (result.failed && result.exitCode === undefined && !result.signal) {
		const code = (result as {code?: string}).code;
		log({
			type: 'deploy-failed',
			message: `cannot run the start command ${file}: ${code ?? result.shortMessage}`,
			hint: code === 'ENOENT' ? 'Check the command name and PATH. To expand variables such as $PORT, wrap it: -- sh -c \'exec gunicorn --bind 0.0.0.0:$PORT ...\'' : 'Check that the file is executable.',
			exitCode,
		});
		return exitCode;
	}
	log({type: 'start-command-exit', exitCode, signal: result.signal});
	return exitCode;
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
	// Loaded while the deploy waits on the database, so that the hand-over does not pay for it.
	const loading = command.length > 0 && !dryRun ? import('execa') : undefined;
	loading?.catch(() => {}); // Awaited at the hand-over; a deploy that fails first leaves it unobserved.
	const signal = AbortSignal.any([context.signal, trap.signal]);
	await deploy({...sessionOptions(context), waitMs, signal, onEvent: log, dryRun, lockRetries: context.number('lock-retries'), railwayEnvironment: config.railwayEnvironment});
	if (command.length === 0) return 0;
	if (!loading) {
		log({type: 'start-command-skipped', command, reason: 'dry run'});
		return 0;
	}
	return handOver(command, loading, trap, log);
}

/** `cc-dev deploy [-- START COMMAND]`: timestamped log lines (or JSON lines), then the start command. */
export async function runDeploy(context: CommandContext): Promise<number> {
	const log = createDeployLog({stdout: context.io.stdout, stderr: context.io.stderr, json: context.json});
	const trap = trapSignals(log);
	try {
		// The start command's code can be anything from 0 to 255; cc-dev passes it through unchanged.
		return await deployThenStart(context, trap, log);
	} catch (error) {
		if (!isCcDevError(error)) throw error;
		log({type: 'deploy-failed', message: error.message, hint: error.hint, exitCode: error.exitCode});
		return error.exitCode;
	} finally {
		trap.release();
	}
}

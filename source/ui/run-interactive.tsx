import {EventEmitter} from 'node:events';
import {loadConfig, type Config} from '../core/config/load-config.js';
import type {ExitCode} from '../core/errors.js';
import {errorInfo} from './hooks/error-info.js';
import {leanInkImports} from './lean-ink-imports.js';
import {withoutFetch} from './without-fetch.js';
import {loadProjectState} from './services/load-project-state.js';
import type {ProjectState} from './services/types.js';

/** Exit a little after the app is gone even if a socket or timer is still open (a cancelled action's connection). */
function exitSoon(code: number): void {
	setTimeout(() => process.exit(code), 1000).unref();
}

/** The first read of the project state, started before Ink loads so that the two overlap. */
function prefetch(config: Config): {promise: Promise<ProjectState>; value: () => ProjectState | undefined} {
	let value: ProjectState | undefined;
	const promise = loadProjectState(config).then((state) => (value = state));
	return {promise, value: () => value};
}

/**
 * `npx cc-dev` in a terminal: draws the app on the alternate screen, awaits its end and maps it to
 * an exit code. Colours follow NO_COLOR (and --no-color); Ctrl-C is the app's (it cancels an action,
 * a second one exits with 130).
 */
export async function runInteractive(options: {verbose: boolean; noColor?: boolean}): Promise<ExitCode | 130> {
	// cli.ts hands over only --verbose; --no-color is read from the process's own arguments.
	const noColor = options.noColor || process.argv.slice(2).includes('--no-color');
	if ((process.env['NO_COLOR'] ?? '') !== '' || noColor) process.env['FORCE_COLOR'] = '0';
	let config: Config;
	try {
		config = loadConfig();
	} catch (error) {
		const info = errorInfo(error, options.verbose);
		process.stderr.write(`error ${info.message}\n${info.hint ? `hint  ${info.hint}\n` : ''}`);
		return 2;
	}
	const first = prefetch(config);
	leanInkImports();
	const [{render}, {App}, {createServices}] = await withoutFetch(() => Promise.all([import('ink'), import('./app.js'), import('./services/create-services.js')]));
	// The state is usually a few milliseconds behind Ink's import: a first frame with the header filled
	// in beats an empty one redrawn a frame later. A database that hangs does not hold the app up.
	await Promise.race([first.promise, new Promise((resolve) => setTimeout(resolve, 150))]).catch(() => {});
	const interrupts = new EventEmitter();
	const onSignal = (): void => void interrupts.emit('interrupt');
	process.on('SIGINT', onSignal);
	const ready = first.value();
	const app = <App services={createServices(config, ready ? undefined : first.promise)} verbose={options.verbose} interrupts={interrupts} initialProject={ready} />;
	const instance = render(app, {exitOnCtrlC: false, alternateScreen: true, interactive: true, maxFps: 60});
	try {
		const result = (await instance.waitUntilExit()) as {exitCode?: 0 | 130} | undefined;
		const code = result?.exitCode ?? 0;
		exitSoon(code);
		return code;
	} catch (error) {
		const info = errorInfo(error, options.verbose);
		process.stderr.write(`error ${info.message}\n`);
		exitSoon(1);
		return 1;
	} finally {
		process.off('SIGINT', onSignal);
	}
}

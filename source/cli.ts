import {createRequire} from 'node:module';
import type {Io} from './commands/command.js';

function version(): string {
	return (createRequire(import.meta.url)('../package.json') as {version: string}).version;
}

const standardIo: Io = {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin};

/**
 * argv -> command -> exit code. A terminal with no command opens the interactive app; without a
 * terminal, no command prints help and exits 2. Ctrl-C (or SIGTERM) cancels the running operation
 * (it cleans up and exits 1); a second one exits at once with 130.
 */
export async function main(argv: readonly string[], io: Io = standardIo): Promise<number> {
	// Words after `--` belong to deploy's start command, not to cc-dev.
	const own = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
	const wantsJson = own.includes('--json');
	const verbose = own.includes('--verbose');
	if (argv[0] === '--version' || argv[0] === '-V') {
		io.stdout.write(`${version()}\n`);
		return 0;
	}
	// Loaded after --version, which needs none of it (the configuration reader and its caches bring crypto and fs).
	const [{createContext, parseCommandArguments}, {findCommand}, {isCcDevError}, {createStyle, shouldColor}] = await Promise.all([
		import('./commands/context.js'),
		import('./commands/registry.js'),
		import('./core/errors.js'),
		import('./report/style.js'),
	]);
	const style = createStyle(!own.includes('--no-color') && shouldColor(io.stderr));
	const words = argv.filter((word) => word !== '--verbose' && word !== '--no-color');
	if (words.length === 0 || words[0] === '--help' || words[0] === '-h' || words[0] === 'help') {
		const interactive = Boolean((io.stdin as NodeJS.ReadStream).isTTY && (io.stdout as NodeJS.WriteStream).isTTY);
		if (words.length === 0 && interactive && process.env['CI'] !== 'true') {
			const {runInteractive} = await import('./ui/run-interactive.js');
			return runInteractive({verbose});
		}
		const {generalHelp} = await import('./commands/help.js');
		io.stdout.write(`${generalHelp(version())}\n`);
		return words.length === 0 ? 2 : 0;
	}
	const found = findCommand(argv);
	if (!found) {
		io.stderr.write(`${style.red('error')} Unknown command: cc-dev ${argv.filter((word) => !word.startsWith('-')).slice(0, 2).join(' ')}\n${style.cyan('hint')}  Run cc-dev --help for the list of commands.\n`);
		return 2;
	}
	const controller = new AbortController();
	let interrupts = 0;
	const onSignal = (): void => {
		interrupts++;
		if (interrupts === 1) {
			io.stderr.write(`\n${style.yellow('cancelling')}: finishing cleanup (Ctrl-C again to exit at once)\n`);
			controller.abort();
		} else {
			process.exit(130);
		}
	};
	// SIGTERM (timeout, a supervisor) cancels like Ctrl-C; deploy traps its stop signals itself, to hand them to its start command.
	const stopSignals: NodeJS.Signals[] = found.spec.path[0] === 'deploy' ? ['SIGINT'] : ['SIGINT', 'SIGTERM'];
	for (const signal of stopSignals) process.on(signal, onSignal);
	try {
		const args = parseCommandArguments(found.spec, found.rest);
		if (args.values['help']) {
			const {commandHelp} = await import('./commands/help.js');
			io.stdout.write(`${commandHelp(found.spec)}\n`);
			return 0;
		}
		const module = await found.spec.load();
		return await module.run(createContext(args, io, controller.signal));
	} catch (error) {
		// Loaded when needed: help and error texts are not on the path of a run that succeeds.
		const {errorJson, errorText} = await import('./report/error-text.js');
		if (wantsJson) io.stdout.write(`${JSON.stringify(errorJson(error), null, 2)}\n`);
		io.stderr.write(`${errorText(error, style, verbose)}\n`);
		return isCcDevError(error) ? error.exitCode : 1;
	} finally {
		for (const signal of stopSignals) process.off(signal, onSignal);
	}
}

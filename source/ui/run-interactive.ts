import type {ExitCode} from '../core/errors.js';

/** Placeholder until the interactive app lands: prints where to go instead of drawing a menu. */
export async function runInteractive(_options: {verbose: boolean}): Promise<ExitCode> {
	process.stdout.write('The interactive app is not built yet. Run cc-dev --help for the commands.\n');
	return 2;
}

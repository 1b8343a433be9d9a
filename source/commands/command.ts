import type {Config} from '../core/config/load-config.js';
import type {ExitCode} from '../core/errors.js';
import type {EventSink} from '../core/events.js';
import type {Style} from '../report/style.js';

export type OptionSpec = {
	readonly type: 'string' | 'boolean';
	readonly short?: string;
	readonly description: string;
	/** Shown in help: --to REV. */
	readonly valueName?: string;
	readonly multiple?: boolean;
	/** A string option that may also be given bare (`--from-command` alone): its value is then "". */
	readonly optionalValue?: boolean;
};

export type Io = {
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
	readonly stdin: NodeJS.ReadableStream;
};

export type ParsedArguments = {
	readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
	readonly positionals: readonly string[];
	/** Words after `--` (deploy's start command). */
	readonly rest: readonly string[];
};

/** What a command gets: its arguments, the streams, config on demand, styling and cancellation. */
export type CommandContext = {
	readonly args: ParsedArguments;
	readonly io: Io;
	readonly style: Style;
	readonly json: boolean;
	readonly verbose: boolean;
	readonly interactive: boolean;
	readonly signal: AbortSignal;
	config(): Config;
	/** Prints progress events as lines on stderr (nothing with --json). */
	readonly onEvent: EventSink;
	out(line?: string): void;
	err(line?: string): void;
	/** Writes a value as JSON on stdout. */
	printJson(value: unknown): void;
	string(name: string): string | undefined;
	flag(name: string): boolean;
	number(name: string): number | undefined;
};

export type CommandModule = {
	/** Resolves to the exit code: an ExitCode, or the start command's own code after a deploy hands over. */
	run(context: CommandContext): Promise<ExitCode | number>;
};

export type CommandSpec = {
	/** Words that select the command: ['migrate', 'up']. */
	readonly path: readonly string[];
	readonly summary: string;
	/** Positional arguments for help, e.g. "REV". */
	readonly arguments?: string;
	readonly options: Readonly<Record<string, OptionSpec>>;
	/** Accepts `-- COMMAND ...` after its options. */
	readonly takesRest?: boolean;
	/** Extra help text: examples, notes. */
	readonly details?: string;
	readonly load: () => Promise<CommandModule>;
};

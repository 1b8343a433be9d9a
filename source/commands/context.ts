import {parseArgs} from 'node:util';
import {loadConfig, type Config, type ConfigOverrides} from '../core/config/load-config.js';
import {UsageError} from '../core/errors.js';
import type {CoreEvent} from '../core/events.js';
import {redact} from '../core/redact.js';
import {eventLine} from '../report/event-lines.js';
import {createStyle, shouldColor} from '../report/style.js';
import type {CommandContext, CommandSpec, Io, ParsedArguments} from './command.js';
import {globalOptions} from './common-options.js';

/** `--name` of an optional-value option, given bare, becomes `--name=` (parseArgs wants a value). */
function bareOptionalValues(spec: CommandSpec, argv: string[]): string[] {
	return argv.map((word, index) => {
		const option = word.startsWith('--') ? spec.options[word.slice(2)] : undefined;
		const next = argv[index + 1];
		return option?.optionalValue && (next === undefined || next.startsWith('-')) ? `${word}=` : word;
	});
}

export function parseCommandArguments(spec: CommandSpec, argv: readonly string[]): ParsedArguments {
	const separator = argv.indexOf('--');
	const own = bareOptionalValues(spec, separator === -1 ? [...argv] : argv.slice(0, separator));
	const rest = separator === -1 ? [] : argv.slice(separator + 1);
	if (rest.length > 0 && !spec.takesRest) throw new UsageError(`cc-dev ${spec.path.join(' ')} takes no command after --.`);
	const options = Object.fromEntries(
		Object.entries({...globalOptions, ...spec.options}).map(([name, option]) => [
			name,
			{type: option.type, ...('short' in option && option.short ? {short: option.short} : {}), ...('multiple' in option && option.multiple ? {multiple: true} : {})},
		]),
	);
	try {
		const parsed = parseArgs({args: own, options, allowPositionals: true, strict: true});
		const expected = spec.arguments ? spec.arguments.split(' ').length : 0;
		if (!spec.arguments?.includes('...') && parsed.positionals.length > expected) {
			throw new UsageError(`Unexpected argument "${parsed.positionals[expected]}" for cc-dev ${spec.path.join(' ')}.`, {hint: `See cc-dev ${spec.path.join(' ')} --help.`});
		}
		return {values: parsed.values as ParsedArguments['values'], positionals: parsed.positionals, rest};
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/, '')}`, {hint: `See cc-dev ${spec.path.join(' ')} --help.`});
	}
}

function seconds(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!Number.isFinite(number) || number < 0) throw new UsageError(`--${name} takes a number of seconds (got "${value}").`);
	return Math.round(number * 1000);
}

export function configOverrides(args: ParsedArguments): ConfigOverrides {
	const text = (name: string): string | undefined => {
		const value = args.values[name];
		return typeof value === 'string' ? value : undefined;
	};
	const port = text('port');
	if (port !== undefined && !/^\d+$/.test(port)) throw new UsageError(`--port takes a port number (got "${port}").`);
	return {
		url: text('url'),
		migrationsDir: text('migrations'),
		provider: text('provider'),
		port: port === undefined ? undefined : Number(port),
		waitMs: seconds('wait', text('wait')),
		lockWaitMs: seconds('lock-wait', text('lock-wait')),
		lockTimeout: text('lock-timeout'),
		statementTimeout: text('statement-timeout'),
	};
}

export function createContext(args: ParsedArguments, io: Io, signal: AbortSignal): CommandContext {
	const json = args.values['json'] === true;
	const color = args.values['no-color'] !== true && shouldColor(io.stderr);
	const style = createStyle(color);
	let config: Config | undefined;
	const write = (stream: NodeJS.WritableStream, line = ''): void => {
		stream.write(`${redact(line)}\n`);
	};
	const value = (name: string): string | undefined => {
		const raw = args.values[name];
		return typeof raw === 'string' ? raw : undefined;
	};
	return {
		args,
		io,
		style,
		json,
		verbose: args.values['verbose'] === true,
		interactive: Boolean((io.stdin as NodeJS.ReadStream).isTTY && (io.stdout as NodeJS.WriteStream).isTTY),
		signal,
		config: () => (config ??= loadConfig(configOverrides(args))),
		onEvent: (event: CoreEvent) => {
			if (json) return;
			const line = eventLine(event, style);
			if (line !== undefined) write(io.stderr, line);
		},
		out: (line) => write(io.stdout, line),
		err: (line) => write(io.stderr, line),
		printJson: (data) => io.stdout.write(`${redact(JSON.stringify(data, null, 2))}\n`),
		string: value,
		flag: (name) => args.values[name] === true,
		number: (name) => {
			const raw = value(name);
			if (raw === undefined) return undefined;
			if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number (got "${raw}").`);
			return Number(raw);
		},
	};
}

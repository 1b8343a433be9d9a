import type {CommandSpec, OptionSpec} from './command.js';
import {globalOptions} from './common-options.js';
import {commands} from './registry.js';

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
	return Object.entries(options).map(([name, spec]) => {
		const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`;
		return `  ${flag.padEnd(34)} ${spec.description}`;
	});
}

export function generalHelp(version: string): string {
	const groups = new Map<string, CommandSpec[]>();
	for (const spec of commands) {
		const group = spec.path.length > 1 ? spec.path[0]! : 'other';
		groups.set(group, [...(groups.get(group) ?? []), spec]);
	}
	const lines = [
		`cc-dev ${version}: the Cognition Curator database toolkit`,
		'',
		'Usage: cc-dev                 the interactive app (in a terminal)',
		'       cc-dev COMMAND [options]',
		'',
	];
	for (const [, specs] of groups) {
		for (const spec of specs) lines.push(`  ${`${spec.path.join(' ')}${spec.arguments ? ` ${spec.arguments}` : ''}`.padEnd(26)} ${spec.summary}`);
		lines.push('');
	}
	lines.push('Global options:', ...optionLines(globalOptions), '      --version                      Print the version', '');
	lines.push('Exit codes: 0 ok, 1 a check or migration failed, 2 bad usage or input files, 3 environment (database unreachable, Docker missing).');
	lines.push('Run `cc-dev COMMAND --help` for a command\'s options.');
	return lines.join('\n');
}

export function commandHelp(spec: CommandSpec): string {
	const lines = [
		`Usage: cc-dev ${spec.path.join(' ')}${spec.arguments ? ` ${spec.arguments}` : ''} [options]${spec.takesRest ? ' [-- COMMAND ...]' : ''}`,
		'',
		spec.summary,
		'',
		'Options:',
		...optionLines(spec.options),
		...optionLines(globalOptions),
	];
	if (spec.details) lines.push('', spec.details);
	return lines.join('\n');
}

import {UsageError} from '../core/errors.js';
import type {CommandContext} from './command.js';

/**
 * A destructive step goes ahead with --yes, or after the user says yes in a terminal.
 * Without a terminal and without --yes it is a usage error naming the flag.
 */
export async function confirmOrFail(context: CommandContext, question: string, flag = 'yes'): Promise<boolean> {
	if (context.flag(flag)) return true;
	if (!context.interactive) throw new UsageError(`${question} Refusing without confirmation.`, {hint: `Pass --${flag} to confirm in scripts.`});
	const {confirm} = await import('@inquirer/prompts');
	try {
		return await confirm({message: question, default: false}, {signal: context.signal});
	} catch {
		return false;
	}
}

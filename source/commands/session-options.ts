import {sessionOptionsOf, type SessionOptions} from '../core/migrations/migration-session.js';
import type {CommandContext} from './command.js';

export function sessionOptions(context: CommandContext): SessionOptions {
	return sessionOptionsOf(context.config(), {onEvent: context.onEvent, signal: context.signal});
}

import type {CoreEvent} from '../core/events.js';
import {redact} from '../core/redact.js';
import {formatDuration} from './format.js';
import type {Style} from './style.js';
import {plural} from '../core/plural.js';

/** One line of text per progress event, for terminals without the TUI, CI logs and Railway. */
export function eventLine(event: CoreEvent, style: Style): string | undefined {
	switch (event.type) {
		case 'info':
			return event.message;
		case 'warning':
			return `${style.yellow('warning')} ${event.message}${event.hint ? ` (${event.hint})` : ''}`;
		case 'connect-attempt':
			return style.dim(`waiting for ${event.target}: attempt ${event.attempt}${event.error ? ` (${event.error})` : ''}`);
		case 'connected':
			return `connected to ${event.target} (PostgreSQL ${event.serverVersion})`;
		case 'lock-waiting':
			return style.dim(`waiting for the migration lock${event.holderPid ? ` held by backend ${event.holderPid}` : ''} (${formatDuration(event.waitedMs)})`);
		case 'lock-acquired':
			return event.waitedMs > 200 ? style.dim(`migration lock acquired after ${formatDuration(event.waitedMs)}`) : undefined;
		case 'adopted':
			return `adopted the Flask-Migrate database at ${event.revision} (${plural(event.count, 'revision')} recorded as applied)`;
		case 'migration-start':
			return undefined;
		case 'migration-done': {
			const verb = event.direction === 'up' ? 'applied ' : 'reverted';
			return `${style.green(verb)} ${event.revision} ${event.message} ${style.dim(`(${formatDuration(event.durationMs)})`)}`;
		}
		case 'migration-retry':
			return style.yellow(`retrying ${event.revision} in ${formatDuration(event.delayMs)} (attempt ${event.attempt}): ${event.reason}`);
		case 'step-start':
			return undefined;
		case 'step-done':
			return `${event.title} ${style.dim(`(${formatDuration(event.durationMs)})`)}${event.detail ? ` ${event.detail}` : ''}`;
		case 'log':
			return `${style.dim(event.source)} ${redact(event.line)}`;
		default:
			return undefined;
	}
}

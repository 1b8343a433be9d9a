import type {Writable} from 'node:stream';
import type {Config} from '../core/config/load-config.js';
import type {ExitCode} from '../core/errors.js';
import type {CoreEvent, EventSink} from '../core/events.js';
import {createDockerProvider} from '../core/providers/docker-provider.js';
import type {Io} from './command.js';

/** `cc-dev db logs [-f]`: the container's log on stdout/stderr; with follow, until Ctrl-C or the container stops. */
export async function runDbLogs(config: Config, options: {follow: boolean; tail?: number; signal?: AbortSignal}, io: Io): Promise<ExitCode> {
	await createDockerProvider(config).logs(
		{follow: options.follow, ...(options.tail === undefined ? {} : {tail: options.tail}), ...(options.signal ? {signal: options.signal} : {})},
		{stdout: io.stdout as Writable, stderr: io.stderr as Writable},
	);
	return 0;
}

function bar(current: number | undefined, total: number | undefined, width = 20): string {
	if (!current || !total) return ' '.repeat(width + 2);
	const filled = Math.min(width, Math.round((current / total) * width));
	return `[${'='.repeat(filled)}${' '.repeat(width - filled)}]`;
}

function size(bytes: number | undefined): string {
	return bytes === undefined ? '' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Shows image pulls: a progress bar per layer on a terminal (redrawn in place), a plain line per
 * layer and status change otherwise. Every other event goes on to `next`.
 */
export function withPullProgress(next: EventSink, stream: NodeJS.WritableStream, isTty = Boolean((stream as NodeJS.WriteStream).isTTY)): EventSink {
	const layers = new Map<string, Extract<CoreEvent, {type: 'pull-progress'}>>();
	let drawn = 0;
	const redraw = () => {
		const lines = [...layers.values()].map((layer) => `${layer.layer}: ${layer.phase.padEnd(18)} ${bar(layer.current, layer.total)} ${layer.current ? `${size(layer.current)} / ${size(layer.total)}` : ''}`.trimEnd());
		stream.write(`${drawn > 0 ? `\u001B[${drawn}A` : ''}${lines.map((line) => `\u001B[2K${line}\n`).join('')}`);
		drawn = lines.length;
	};
	return (event) => {
		switch (event.type) {
			case 'pull-start':
				layers.clear();
				drawn = 0;
				stream.write(`Pulling ${event.image}\n`);
				return;
			case 'pull-progress': {
				const previous = layers.get(event.layer);
				layers.set(event.layer, event);
				if (isTty) redraw();
				else if (previous?.phase !== event.phase) stream.write(`${event.layer}: ${event.phase}\n`);
				return;
			}
			case 'pull-done':
				stream.write(`Pulled ${event.image} (${(event.durationMs / 1000).toFixed(1)} s)\n`);
				return;
			default:
				next(event);
		}
	};
}

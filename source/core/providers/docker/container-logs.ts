import type {Writable} from 'node:stream';
import type Dockerode from 'dockerode';

/** Splits the engine's multiplexed stream format (8-byte frame headers) into stdout and stderr. */
export function demuxBuffer(buffer: Buffer): {stdout: Buffer; stderr: Buffer} {
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	let offset = 0;
	while (offset + 8 <= buffer.length) {
		const kind = buffer[offset];
		const size = buffer.readUInt32BE(offset + 4);
		const frame = buffer.subarray(offset + 8, offset + 8 + size);
		if (kind === 2) stderr.push(frame);
		else stdout.push(frame);
		offset += 8 + size;
	}
	return {stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr)};
}

/** The last lines the container wrote (stdout and stderr merged in order), for failure reports. */
export async function lastLogLines(container: Dockerode.Container, count: number): Promise<string[]> {
	try {
		const raw = (await container.logs({stdout: true, stderr: true, tail: count, follow: false})) as unknown as Buffer;
		const lines: string[] = [];
		let offset = 0;
		while (offset + 8 <= raw.length) {
			const size = raw.readUInt32BE(offset + 4);
			lines.push(...raw.subarray(offset + 8, offset + 8 + size).toString('utf8').split('\n'));
			offset += 8 + size;
		}
		return lines.filter((line) => line.trim() !== '').slice(-count);
	} catch {
		return [];
	}
}

export type LogStreamOptions = {
	readonly follow: boolean;
	/** How many lines of the past to show first (all when undefined). */
	readonly tail?: number;
	readonly signal?: AbortSignal;
};

/** Copies the container's log to the two streams; with follow, until the container stops or the signal aborts. */
export async function streamLogs(
	docker: Dockerode,
	container: Dockerode.Container,
	options: LogStreamOptions,
	output: {readonly stdout: Writable; readonly stderr: Writable},
): Promise<void> {
	const common = {stdout: true, stderr: true, ...(options.tail === undefined ? {} : {tail: options.tail})};
	if (!options.follow) {
		const raw = (await container.logs({...common, follow: false})) as unknown as Buffer;
		const {stdout, stderr} = demuxBuffer(raw);
		output.stdout.write(stdout);
		output.stderr.write(stderr);
		return;
	}
	const stream = (await container.logs({...common, follow: true})) as NodeJS.ReadableStream & {destroy(): void};
	await new Promise<void>((resolve, reject) => {
		const stop = () => {
			stream.destroy();
			resolve();
		};
		if (options.signal?.aborted) return stop();
		options.signal?.addEventListener('abort', stop, {once: true});
		docker.modem.demuxStream(stream, output.stdout, output.stderr);
		stream.on('end', resolve);
		stream.on('close', resolve);
		stream.on('error', (error: Error) => (options.signal?.aborted ? resolve() : reject(error)));
	});
}

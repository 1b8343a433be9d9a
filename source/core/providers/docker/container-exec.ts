import {PassThrough, type Readable, type Writable} from 'node:stream';
import type Dockerode from 'dockerode';

export type ExecOptions = {
	/** Written to the command's standard input, which is then closed. */
	readonly stdin?: string | Buffer | Readable;
	/** Extra environment variables for the command. */
	readonly env?: Readonly<Record<string, string>>;
	/** The user to run as (the image's default when undefined). */
	readonly user?: string;
	readonly signal?: AbortSignal;
};

export type ExecResult = {
	readonly stdout: string;
	readonly stderr: string;
	readonly exitCode: number;
};

function environment(env: ExecOptions['env']): string[] {
	return Object.entries(env ?? {}).map(([name, value]) => `${name}=${value}`);
}

/** Waits until the engine reports the exec finished, and returns its exit code. */
async function exitCodeOf(exec: Dockerode.Exec): Promise<number> {
	for (let attempt = 0; ; attempt++) {
		const info = await exec.inspect();
		if (!info.Running && info.ExitCode !== null) return info.ExitCode;
		if (attempt > 200) return info.ExitCode ?? -1;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

function collect(stream: PassThrough): () => string {
	const chunks: Buffer[] = [];
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs a command inside a running container (docker exec) and collects its output and exit code. */
export async function execIn(docker: Dockerode, container: Dockerode.Container, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
	const hasStdin = options.stdin !== undefined;
	const exec = await container.exec({
		Cmd: [...args],
		AttachStdin: hasStdin,
		AttachStdout: true,
		AttachStderr: true,
		Tty: false,
		Env: environment(options.env),
		...(options.user ? {User: options.user} : {}),
	});
	const stream = (await exec.start({hijack: true, stdin: hasStdin})) as NodeJS.ReadWriteStream & {destroy(): void};
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const readStdout = collect(stdout);
	const readStderr = collect(stderr);
	docker.modem.demuxStream(stream, stdout, stderr);
	const ended = new Promise<void>((resolve, reject) => {
		stream.on('end', resolve);
		stream.on('close', resolve);
		stream.on('error', reject);
		options.signal?.addEventListener('abort', () => stream.destroy(), {once: true});
	});
	if (typeof options.stdin === 'string' || Buffer.isBuffer(options.stdin)) {
		stream.end(options.stdin);
	} else if (options.stdin) {
		options.stdin.pipe(stream);
	}
	await ended;
	return {stdout: readStdout(), stderr: readStderr(), exitCode: await exitCodeOf(exec)};
}

export type InteractiveIo = {
	readonly stdin: Readable;
	readonly stdout: Writable;
	readonly stderr: Writable;
	/** Set when stdin is a terminal: the exec gets a TTY of this size, resized on each call of onResize's listener. */
	readonly tty?: {
		readonly columns: number;
		readonly rows: number;
		/** Subscribes to terminal size changes; returns the unsubscribe function. */
		readonly onResize?: (listener: (columns: number, rows: number) => void) => () => void;
	};
};

/** `docker exec -it`: runs a command with the caller's terminal attached; resolves to its exit code. */
export async function execInteractive(
	docker: Dockerode,
	container: Dockerode.Container,
	args: readonly string[],
	io: InteractiveIo,
	env?: Readonly<Record<string, string>>,
): Promise<number> {
	const isTty = io.tty !== undefined;
	const exec = await container.exec({
		Cmd: [...args],
		AttachStdin: true,
		AttachStdout: true,
		AttachStderr: true,
		Tty: isTty,
		Env: [...environment(env), ...(isTty ? ['TERM=' + (process.env['TERM'] ?? 'xterm')] : [])],
	});
	const stream = (await exec.start({hijack: true, stdin: true, Tty: isTty})) as NodeJS.ReadWriteStream & {destroy(): void};
	let unsubscribe = () => {};
	if (io.tty) {
		const resize = (columns: number, rows: number) => void exec.resize({w: columns, h: rows}).catch(() => {});
		resize(io.tty.columns, io.tty.rows);
		unsubscribe = io.tty.onResize?.(resize) ?? unsubscribe;
	}
	if (isTty) stream.pipe(io.stdout, {end: false});
	else docker.modem.demuxStream(stream, io.stdout, io.stderr);
	io.stdin.pipe(stream);
	try {
		await new Promise<void>((resolve, reject) => {
			stream.on('end', resolve);
			stream.on('close', resolve);
			stream.on('error', reject);
		});
	} finally {
		io.stdin.unpipe(stream);
		unsubscribe();
	}
	return exitCodeOf(exec);
}

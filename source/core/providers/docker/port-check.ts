import {readdirSync, readFileSync, readlinkSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {EnvironmentError} from '../../errors.js';

/** Resolves true when something already listens on host:port (binding fails with EADDRINUSE). */
export function isPortTaken(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
		server.listen({host: host === '' ? '0.0.0.0' : host, port, exclusive: true}, () => server.close(() => resolve(false)));
	});
}

function listeningInodes(port: number): Set<string> {
	const inodes = new Set<string>();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text: string;
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			const local = fields[1];
			if (!local || fields[3] !== '0A') continue;
			if (Number.parseInt(local.split(':')[1] ?? '', 16) === port && fields[9]) inodes.add(fields[9]);
		}
	}
	return inodes;
}

/** The program's name: its executable, else argv[0], else the kernel's short name (which may be a thread's). */
function processName(pid: string): string {
	try {
		return path.basename(readlinkSync(`/proc/${pid}/exe`));
	} catch {}
	try {
		const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
		if (argv0) return path.basename(argv0.split(' ')[0] ?? argv0);
	} catch {}
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
	} catch {
		return 'a process';
	}
}

/** The process listening on the port ("postgres (pid 1234)"), when /proc tells. Linux only. */
export function findPortHolderProcess(port: number): string | undefined {
	const inodes = listeningInodes(port);
	if (inodes.size === 0) return undefined;
	let pids: string[];
	try {
		pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
	} catch {
		return undefined;
	}
	for (const pid of pids) {
		let fds: string[];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
				if (match && inodes.has(match[1]!)) {
					return `${processName(pid)} (pid ${pid})`;
				}
			} catch {}
		}
	}
	return undefined;
}

/** The clear error for a taken port: which port, what holds it when known, how to pick another. */
export function portTakenError(host: string, port: number, holder: string | undefined, cause?: unknown): EnvironmentError {
	const by = holder ? ` by ${holder}` : '';
	return new EnvironmentError(`Port ${port} on ${host || '0.0.0.0'} is already in use${by}.`, {
		hint: `Stop what holds it, or choose another port: cc-dev db start --port ${port === 65_535 ? port - 1 : port + 1} (or set CC_DEV_DB_PORT); DATABASE_URL for the local database follows the port.`,
		cause,
	});
}

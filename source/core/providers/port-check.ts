import net from 'node:net';

/** True when something accepts TCP connections on host:port. */
export function isPortInUse(port: number, host = '127.0.0.1', timeoutMs = 300): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({port, host});
		const done = (inUse: boolean): void => {
			socket.destroy();
			resolve(inUse);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.once('connect', () => done(true));
		socket.once('error', () => done(false));
	});
}

import net from 'node:net';

export type LatencyProxy = {readonly port: number; close(): Promise<void>};

/**
 * A loopback TCP proxy that holds every chunk for `oneWayMs` in each direction, in order: a
 * database `oneWayMs * 2` of round trip away, as a laptop is from a cloud database. What a command
 * costs there is mostly its round trips, which a local benchmark cannot show.
 */
export async function startLatencyProxy(target: {host: string; port: number}, oneWayMs: number): Promise<LatencyProxy> {
	const sockets = new Set<net.Socket>();
	const delayed = (from: net.Socket, to: net.Socket): void => {
		let last = 0;
		from.on('data', (chunk) => {
			// Never earlier than the chunk before it: a later chunk cannot overtake an earlier one.
			const due = Math.max(performance.now() + oneWayMs, last);
			last = due;
			setTimeout(() => {
				if (!to.destroyed) to.write(chunk);
			}, due - performance.now());
		});
		from.on('end', () => setTimeout(() => to.end(), Math.max(last - performance.now(), oneWayMs)));
		from.on('error', () => to.destroy());
	};
	const server = net.createServer((client) => {
		client.setNoDelay(true);
		const upstream = net.connect(target.port, target.host);
		upstream.setNoDelay(true);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		}
		delayed(client, upstream);
		delayed(upstream, client);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	return {
		port,
		close: () => new Promise<void>((resolve) => {
			for (const socket of sockets) socket.destroy();
			server.close(() => resolve());
		}),
	};
}

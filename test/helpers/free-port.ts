import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {isProcessAlive} from '../../source/core/providers/process-alive.js';

/** Claims shared by every copy of the suite on this machine: one folder per port, holding its owner's pid. */
const claims = path.join(tmpdir(), 'cc-dev-test-ports');

export type PortRange = {readonly from: number; readonly to: number};

/** Ports for servers the tests start themselves (clear of the suites' test servers, 54329 and up). */
export const testPortRange: PortRange = {from: 54370, to: 54399};

/** Takes the claim on a port (mkdir is atomic across processes); a claim whose process has ended is taken over. */
function claim(port: number): boolean {
	const folder = path.join(claims, String(port));
	mkdirSync(claims, {recursive: true});
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			mkdirSync(folder);
			writeFileSync(path.join(folder, 'pid'), String(process.pid));
			return true;
		} catch {
			let owner: number | undefined;
			try {
				owner = Number(readFileSync(path.join(folder, 'pid'), 'utf8'));
			} catch {
				return false; // just claimed: its owner has not written its pid yet
			}
			if (Number.isInteger(owner) && isProcessAlive(owner)) return false;
			rmSync(folder, {recursive: true, force: true});
		}
	}
	return false;
}

function release(port: number): void {
	const folder = path.join(claims, String(port));
	try {
		if (Number(readFileSync(path.join(folder, 'pid'), 'utf8')) === process.pid) rmSync(folder, {recursive: true, force: true});
	} catch {}
}

/** Whether a listener can bind host:port now (EADDRINUSE: something else holds it). */
export function canBind(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({port, host, exclusive: true}, () => server.close(() => resolve(true)));
	});
}

/**
 * A port in the range that no other copy of the suite holds and nothing listens on: claimed across
 * processes, then bound to check; a port that fails either is skipped for the next one. The claim
 * lasts until `release` (or until this process ends).
 */
export async function reservePort(range: PortRange = testPortRange): Promise<{port: number; release: () => void}> {
	const size = range.to - range.from + 1;
	const start = Math.floor(Math.random() * size);
	for (let index = 0; index < size; index++) {
		const port = range.from + ((start + index) % size);
		if (!claim(port)) continue;
		if (await canBind(port)) return {port, release: () => release(port)};
		release(port);
	}
	throw new Error(`no free port in ${range.from}-${range.to}: every one is claimed by another copy of the suite or in use`);
}

/** reservePort for one test: released when the test ends. */
export async function freePort(t: ExecutionContext, range: PortRange = testPortRange): Promise<number> {
	const {port, release: done} = await reservePort(range);
	t.teardown(done);
	return port;
}

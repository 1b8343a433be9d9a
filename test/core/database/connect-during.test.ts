import net from 'node:net';
import test from 'ava';
import {connect, connectDuring} from '../../../source/core/database/connect.js';
import {parseDatabaseUrl} from '../../../source/core/database/target.js';
import {CancelledError, EnvironmentError, InputError} from '../../../source/core/errors.js';
import type {CoreEvent} from '../../../source/core/events.js';
import {freshDatabase, serverWaitMs} from '../../helpers/database.js';

// Port 1 on loopback refuses at once: connect keeps retrying until its wait runs out.
const refused = parseDatabaseUrl('postgresql://cognition_user:secret@127.0.0.1:1/cognition', 'DATABASE_URL');

test('the work and the connection both succeed: the work\'s value and a working client', async (t) => {
	const target = await freshDatabase(t);
	const {client, value} = await connectDuring(target, {waitMs: serverWaitMs}, async () => {
		await new Promise((resolve) => setImmediate(resolve));
		return 'loaded';
	});
	try {
		t.is(value, 'loaded');
		t.deepEqual((await client.query<{n: number}>('select 1 as n')).rows, [{n: 1}]);
	} finally {
		await client.end();
	}
});

test('when the work fails, its error is thrown, not the connection\'s (the CLI test shows the retries stop: the process exits)', async (t) => {
	const events: CoreEvent[] = [];
	let firstAttempt!: () => void;
	const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
	const onEvent = (event: CoreEvent): void => {
		events.push(event);
		if (event.type === 'connect-attempt') firstAttempt();
	};
	const started = Date.now();
	const error = await t.throwsAsync(connectDuring(refused, {waitMs: 600_000, onEvent}, async () => {
		await attempted;
		throw new InputError('000000000001_change.sql: no "-- migrate:up" marker');
	}), {instanceOf: InputError});
	t.regex(error!.message, /no "-- migrate:up" marker/);
	t.true(Date.now() - started < 300_000, 'not the connection\'s 10-minute wait');
	t.true(events.some((event) => event.type === 'connect-attempt'), 'the connection was being tried while the work ran');
});

test('when the connection fails, its error comes once the work is done', async (t) => {
	let workDone = false;
	const error = await t.throwsAsync(connectDuring(refused, {waitMs: 0}, async () => {
		for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
		workDone = true;
		return 'loaded';
	}), {instanceOf: EnvironmentError});
	t.true(workDone);
	t.regex(error!.message, /Cannot reach the database at 127\.0\.0\.1:1/);
});

test('cancelling while the server does not answer stops the connection with CancelledError', async (t) => {
	const controller = new AbortController();
	const onEvent = (event: CoreEvent): void => {
		if (event.type === 'connect-attempt') controller.abort();
	};
	const error = await t.throwsAsync(connectDuring(refused, {waitMs: 600_000, onEvent, signal: controller.signal}, async () => 'loaded'), {instanceOf: CancelledError});
	t.regex(error!.message, /Cancelled while connecting/);
});

test('cancelling while a server has accepted the connection and not answered ends that attempt', async (t) => {
	let accepted!: () => void;
	const acceptedOnce = new Promise<void>((resolve) => (accepted = resolve));
	const sockets: net.Socket[] = [];
	const silent = net.createServer((socket) => {
		sockets.push(socket);
		socket.on('error', () => {});
		accepted();
	});
	await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
	t.teardown(() => {
		for (const socket of sockets) socket.destroy();
		silent.close();
	});
	const {port} = silent.address() as net.AddressInfo;
	const controller = new AbortController();
	const connecting = connect(parseDatabaseUrl(`postgresql://cognition_user:secret@127.0.0.1:${port}/cognition`, 'DATABASE_URL'), {waitMs: 600_000, signal: controller.signal});
	await acceptedOnce;
	controller.abort();
	const error = await t.throwsAsync(connecting, {instanceOf: CancelledError});
	t.regex(error!.message, /Cancelled while connecting/);
});

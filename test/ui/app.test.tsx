import test, {type ExecutionContext} from 'ava';
import {render} from 'ink-testing-library';
import {CancelledError, UsageError} from '../../source/core/errors.js';
import {App, type AppResult} from '../../source/ui/app.js';
import type {ActionContext, ActionOutcome} from '../../source/ui/services/types.js';
import {fakeServices, keys, plain, runningProject, until, type FakeServices} from './fake-services.js';

function start(t: ExecutionContext, services: FakeServices, size = {columns: 80, rows: 24}) {
	const exits: AppResult[] = [];
	const app = render(<App services={services} size={size} onExit={(result) => exits.push(result)} />);
	t.teardown(() => app.unmount());
	const frame = () => plain(app.lastFrame());
	// One key, then the test waits for the frame it leads to: React draws it a moment later (a
	// microtask, or longer for a lazy screen), and a screen takes keys from the commit that draws it
	// (useKeys). A key pressed before that frame would reach the screen before it.
	const press = (key: string) => {
		app.stdin.write(key);
	};
	const shows = async (text: string | RegExp) => {
		try {
			await until(() => (typeof text === 'string' ? frame().includes(text) : text.test(frame())), String(text));
		} catch (error) {
			throw new Error(`${(error as Error).message}; the screen shows:\n${frame()}`);
		}
	};
	return {...app, frame, press, exits, shows};
}

/** A task that reports its progress and waits for `release` (or its signal). */
function controllable() {
	let release!: (outcome: ActionOutcome) => void;
	const done = new Promise<ActionOutcome>((resolve) => {
		release = resolve;
	});
	const task = async (context: ActionContext) => {
		context.onEvent({type: 'migration-start', direction: 'up', revision: '3f2a9c1b7d4e', message: 'add goals', index: 0, total: 2});
		return done;
	};
	return {task, release};
}

test('home: the header filled in, the menu in two columns, 24 lines at most', async (t) => {
	const app = start(t, fakeServices());
	await app.shows('1 pending');
	const lines = app.frame().split('\n');
	t.true(lines.length <= 24);
	t.is(lines[0], 'cc-dev · Cognition Curator database');
	t.regex(app.frame(), /› s {2}Start the database +u {2}Apply pending migrations/);
	t.regex(app.frame(), /cc-dev db start · Start the local database/);
	t.regex(lines.at(-1)!, /↑↓ move · enter run · letter run at once · q quit/);
});

test('j/k and the arrows move the selection; the description follows it', async (t) => {
	const app = start(t, fakeServices());
	await app.shows('1 pending');
	app.press('j');
	await app.shows(/› x {2}Stop the database/);
	app.press(keys.down);
	await app.shows(/› i {2}Database status/);
	app.press(keys.right);
	await app.shows(/› n {2}New migration/);
	t.regex(app.frame(), /cc-dev migrate new · Write a new migration/);
	app.press('k');
	await app.shows(/› r {2}Revert the last migration/);
	app.press(keys.left);
	await app.shows(/› x {2}Stop the database/);
});

test('a letter runs its action: a live task list, then the result; Enter goes back and the header is read again', async (t) => {
	const {task, release} = controllable();
	const services = fakeServices({tasks: {'migrate-up': task}});
	const app = start(t, services);
	await app.shows('1 pending');
	app.press('u');
	await app.shows(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Apply 3f2a9c1b7d4e add goals/);
	t.regex(app.frame(), /▸ Apply pending migrations/);
	t.regex(app.frame(), /Applying +[█░ ]*\s*0% 0\/2/);
	t.regex(app.frame(), /esc cancel · Ctrl-C cancel, twice to exit/);
	release({tone: 'success', summary: 'Applied 1 migration in 12 ms'});
	await app.shows('✔ Applied 1 migration in 12 ms');
	t.regex(app.frame(), /✔ Apply 3f2a9c1b7d4e add goals/);
	app.press(keys.enter);
	await app.shows('last: Apply pending migrations ✔ Applied 1 migration in 12 ms');
	await until(() => services.loads() === 2, 'the header to be read again');
	t.deepEqual(services.calls, ['migrate-up']);
	t.deepEqual(app.exits, []);
});

test('an expected failure shows its message and hint, and the app goes back to the menu', async (t) => {
	const services = fakeServices({
		tasks: {
			'db-start': async () => {
				throw new UsageError('cc-dev cannot start the database: DATABASE_URL points at an external server.', {hint: 'Unset DATABASE_URL to use the local database.'});
			},
		},
	});
	const app = start(t, services);
	await app.shows('1 pending');
	app.press('s');
	await app.shows('✖ failed: cc-dev cannot start the database');
	t.regex(app.frame(), /hint {2}Unset DATABASE_URL to use the local database\./);
	app.press(keys.escape);
	await app.shows('last: Start the database ✖ cc-dev cannot start the database');
	t.deepEqual(app.exits, []);
});

test('Ctrl-C cancels the running action cleanly', async (t) => {
	let sawAbort = false;
	const services = fakeServices({
		tasks: {
			suite: (context) =>
				new Promise((_resolve, reject) => {
					context.onEvent({type: 'step-start', id: 'check:connection', title: 'Database connection'});
					context.signal.addEventListener('abort', () => {
						sawAbort = true;
						reject(new CancelledError('Cancelled: scratch databases dropped.'));
					});
				}),
		},
	});
	const app = start(t, services);
	await app.shows('1 pending');
	app.press('t');
	await app.shows('Database connection');
	app.press(keys.ctrlC);
	await app.shows('✖ cancelled: Cancelled: scratch databases dropped.');
	t.true(sawAbort);
	t.regex(app.frame(), /◼ Database connection/);
	app.press(keys.enter);
	await app.shows('last: Run the validation suite ⚠ cancelled');
	t.deepEqual(app.exits, []);
});

test('a second Ctrl-C exits at once with 130', async (t) => {
	const services = fakeServices({tasks: {'migrate-up': () => new Promise<ActionOutcome>(() => {})}});
	const app = start(t, services);
	await app.shows('1 pending');
	app.press('u');
	await app.shows('▸ Apply pending migrations');
	app.press(keys.ctrlC);
	await app.shows('cancelling (Ctrl-C again exits at once)');
	t.deepEqual(app.exits, []);
	app.press(keys.ctrlC);
	await until(() => app.exits.length > 0, 'the app to exit');
	t.deepEqual(app.exits, [{exitCode: 130}]);
});

test('q quits with 0 from the menu', async (t) => {
	const app = start(t, fakeServices());
	await app.shows('1 pending');
	app.press('q');
	await until(() => app.exits.length > 0, 'the app to exit');
	t.deepEqual(app.exits, [{exitCode: 0}]);
});

test('revert asks first: n keeps the migration, y reverts it', async (t) => {
	const services = fakeServices({
		tasks: {
			'migrate-down': async (context) => ((await context.confirm('Revert 3f2a9c1b7d4e add goals? Its down section runs:', ['DROP TABLE public.goals;'])) ? {tone: 'success', summary: 'Reverted 1 migration'} : {tone: 'info', summary: 'Kept 3f2a9c1b7d4e: nothing reverted'}),
		},
	});
	const app = start(t, services);
	await app.shows('1 pending');
	app.press('r');
	await app.shows('? Go ahead? y/N');
	t.regex(app.frame(), /Revert 3f2a9c1b7d4e add goals\? Its down section runs:\n {2}DROP TABLE public\.goals;/);
	app.press('n');
	await app.shows('• Kept 3f2a9c1b7d4e: nothing reverted');
	app.press(keys.enter);
	await app.shows('last: Revert the last migration • Kept 3f2a9c1b7d4e: nothing reverted');
	app.press('r');
	await app.shows('? Go ahead? y/N');
	app.press('y');
	await app.shows('✔ Reverted 1 migration');
});

test('preview ends on the SQL view: boundaries with their transaction mode, scrolling, d for the down', async (t) => {
	const body = Array.from({length: 40}, (_, index) => `INSERT INTO t VALUES (${index});`).join('\n');
	const services = fakeServices({
		tasks: {
			preview: async () => ({
				tone: 'info',
				summary: '2 pending migrations',
				view: {
					kind: 'sql',
					title: '2 pending migrations',
					blocks: [
						{title: 'apply 3f2a9c1b7d4e add goals', transaction: 'per-migration', sql: `BEGIN;\n${body}\nCOMMIT;`},
						{title: 'apply 4b3a2c1d0e9f index goals', transaction: 'none', sql: 'CREATE INDEX CONCURRENTLY ix_goals ON goals (user_id);'},
					],
					alternate: {title: 'Reverting 28a8c0e6e895', blocks: [{title: 'revert 28a8c0e6e895 initial migration', transaction: 'per-migration', sql: 'DROP TABLE users;'}]},
				},
			}),
		},
	});
	const app = start(t, services);
	await app.shows('1 pending');
	app.press('p');
	await app.shows('2 pending migrations · lines 1-22 of 45');
	const lines = app.frame().split('\n');
	t.is(lines.length, 24);
	t.regex(lines[1]!, /^── one transaction ── apply 3f2a9c1b7d4e add goals ─+$/);
	t.is(lines[2], 'BEGIN;');
	app.press('G');
	await app.shows('lines 24-45 of 45');
	t.regex(app.frame(), /── no transaction ── apply 4b3a2c1d0e9f index goals ─+\nCREATE INDEX CONCURRENTLY ix_goals ON goals \(user_id\);/);
	app.press('g');
	await app.shows('lines 1-22 of 45');
	app.press(keys.pageDown);
	await app.shows('lines 22-43 of 45');
	app.press('d');
	await app.shows('Reverting 28a8c0e6e895 · lines 1-2 of 2');
	t.regex(app.frame(), /u pending SQL/);
	app.press('q');
	await app.shows('last: Preview SQL • 2 pending migrations');
});

test('a new migration is asked for with the terminal handed over, then its SQL is shown; a failure keeps its hint', async (t) => {
	let attempts = 0;
	const services = fakeServices({
		terminal: {
			'migrate-new': async () => {
				attempts++;
				if (attempts === 1) throw new UsageError('The template create-table needs --table.', {hint: 'For example: --table "deck_reminders"'});
				return {tone: 'success', summary: 'Wrote migrations/3f2a9c1b7d4e_add_goals.sql', view: {kind: 'sql', title: 'Wrote migrations/3f2a9c1b7d4e_add_goals.sql (template create-table)', blocks: [{title: '3f2a9c1b7d4e_add_goals.sql', transaction: 'per-migration', sql: '-- Revision: 3f2a9c1b7d4e\n\n-- migrate:up\nCREATE TABLE public.goals ();'}]}};
			},
		},
	});
	const app = start(t, services);
	await app.shows('1 pending');
	app.press('n');
	await app.shows('✖ New migration: The template create-table needs --table.');
	t.regex(app.frame(), /hint {2}For example: --table "deck_reminders"/);
	app.press(keys.enter);
	await app.shows('last: New migration ✖');
	app.press('n');
	await app.shows('Wrote migrations/3f2a9c1b7d4e_add_goals.sql (template create-table)');
	t.regex(app.frame(), /CREATE TABLE public\.goals \(\);/);
	app.press(keys.escape);
	await app.shows('last: New migration ✔ Wrote migrations/3f2a9c1b7d4e_add_goals.sql');
});

test('follows the terminal size: one column when narrow', async (t) => {
	const services = fakeServices({project: {...runningProject, warnings: ['2 heads (a, b): create a merge revision with new (n)']}});
	const app = start(t, services);
	await app.shows('1 pending');
	app.rerender(<App services={services} size={{columns: 60, rows: 30}} />);
	await app.shows(/› s {2}Start the database\n {2}x {2}Stop the database/);
	t.regex(app.frame(), /⚠ 2 heads \(a, b\): create a merge revision with new \(n\)/);
	t.true(app.frame().split('\n').every((line) => line.length <= 60));
});

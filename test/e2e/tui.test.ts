import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import pg from 'pg';
import {ensureBuilt} from '../helpers/built.js';
import {runCli} from '../helpers/run-cli.js';
import {createProject, hasTmux, startSession, type Project, type TmuxSession} from './tmux-session.js';

const skipReason = hasTmux ? '' : ' (skipped: tmux is not installed; apt-get update && apt-get install -y tmux)';

/** The binary runs dist/: build it once for this file. */
test.before(async () => {
	if (hasTmux) await ensureBuilt();
});

async function scratchDatabases(project: Project): Promise<string[]> {
	const client = new pg.Client({connectionString: `postgresql://cognition_user:cognition_pass@127.0.0.1:${project.port}/postgres`});
	await client.connect();
	try {
		return (await client.query<{datname: string}>("select datname from pg_database where datname like 'cc_dev_scratch_%'")).rows.map((row) => row.datname);
	} finally {
		await client.end();
	}
}

/** Runs `step`, and on failure logs the last screen so that the report shows what the user saw. */
async function step(t: import('ava').ExecutionContext, session: TmuxSession, title: string, run: () => Promise<unknown>): Promise<void> {
	try {
		await run();
	} catch (error) {
		t.log(`step "${title}" failed; last screen:\n${session.screen()}`);
		throw error;
	}
}

test.serial.skipIf(!hasTmux)(`in a real terminal: start the database, create a migration from a template, apply it, run the suite, cancel, quit${skipReason}`, async (t) => {
	const project = await createProject();
	const session = startSession(project);
	t.teardown(async () => {
		session.kill();
		await project.remove();
	});

	await step(t, session, 'the menu opens', async () => {
		const home = await session.waitFor(/revision .*database not running: s starts it/);
		t.regex(home, /^cc-dev · Cognition Curator database$/m);
		t.regex(home, new RegExp(`database {2}embedded ○ not created · cognition_user@127\\.0\\.0\\.1:${project.port}/`));
		t.regex(home, /› s {2}Start the database +u {2}Apply pending migrations/);
		t.true(home.split('\n').length <= 25);
	});

	await step(t, session, 'start the database', async () => {
		await session.keys('s');
		const started = await session.waitFor(/✔ embedded database running at/, 90_000);
		t.regex(started, /✔ Create the database cluster +\d+/);
		t.regex(started, new RegExp(`✔ Start PostgreSQL on 127\\.0\\.0\\.1:${project.port} +\\d+`));
		await session.keys('Enter');
		await session.waitFor(/revision {2}current base · head 28a8c0e6e895 · 1 pending/);
		t.regex(session.screen(), /database {2}embedded ● running · PostgreSQL 15\.\d+/);
	});

	await step(t, session, 'create a migration from the create-table template', async () => {
		await session.keys('n');
		await session.waitFor(/Which template\?/);
		await session.keys('Down', 'Enter');
		await session.waitFor(/Message \(what the migration does\)/);
		await session.type('add study goals');
		await session.keys('Enter');
		await session.waitFor(/Name of the new table/);
		await session.type('study_goals');
		await session.keys('Enter');
		await session.waitFor(/Its columns besides id/);
		await session.type('title varchar(200) NOT NULL, target_cards integer NOT NULL DEFAULT 20, tags jsonb');
		await session.keys('Enter');
		const written = await session.waitFor(/Wrote migrations\/[0-9a-f]{12}_add_study_goals\.sql \(template create-table\)/);
		t.regex(written, /── one transaction ── [0-9a-f]{12}_add_study_goals\.sql/);
		t.regex(written, /CREATE TABLE public\.study_goals \(/);
		t.regex(written, /tags jsonb NOT NULL DEFAULT '\{\}'::jsonb,/);
		await session.keys('q');
		await session.waitFor(/revision {2}current base · head [0-9a-f]{12} · 2 pending/);
	});

	await step(t, session, 'apply it', async () => {
		await session.keys('u');
		const applied = await session.waitFor(/✔ Applied 2 migrations in/);
		t.regex(applied, /✔ Apply 28a8c0e6e895 initial migration +(\d+ ms|\d+\.\d+ s)/);
		t.regex(applied, /✔ Apply [0-9a-f]{12} add study goals +(\d+ ms|\d+\.\d+ s)/);
		await session.keys('Enter');
		await session.waitFor(/revision {2}[0-9a-f]{12} \(head\) · up to date · 0 pending/);
	});

	await step(t, session, 'dump the schema', async () => {
		await session.keys('d');
		await session.waitFor(/✔ Wrote railway_schema\.sql at [0-9a-f]{12}/, 60_000);
		t.regex(readFileSync(path.join(project.dir, 'railway_schema.sql'), 'utf8'), /CREATE TABLE public\.study_goals/);
		await session.keys('Enter');
		await session.waitFor(/last: Dump the schema ✔/);
	});

	await step(t, session, 'run the validation suite to its summary', async () => {
		await session.keys('t');
		const summary = await session.waitFor(/\d+ passed, \d+ failed, \d+ skipped in/, 100_000);
		t.regex(summary, /✔ Database connection working/);
		t.regex(summary, /✔ 7 passed, 0 failed, 0 skipped in/);
		await session.keys('Enter');
		await session.waitFor(/last: Run the validation suite ✔/);
	});

	await step(t, session, 'Ctrl-C cancels a running suite and its scratch databases are dropped', async () => {
		await session.keys('t');
		await session.waitFor(/✔ Database connection working/, 60_000);
		await session.keys('C-c');
		await session.waitFor(/Cancelled: \d+ passed|✖ cancelled/, 60_000);
		t.deepEqual(await scratchDatabases(project), []);
		await session.keys('Enter');
		await session.waitFor(/last: Run the validation suite/);
	});

	await step(t, session, 'quit', async () => {
		await session.keys('q');
		await session.waitFor(/cc-dev exited 0/);
	});
});

test.serial.skipIf(!hasTmux)(`NO_COLOR and resizing: no colour codes, one column in a narrow terminal${skipReason}`, async (t) => {
	const project = await createProject();
	const colored = startSession(project);
	const plain = startSession(project, {env: {NO_COLOR: '1'}});
	t.teardown(async () => {
		colored.kill();
		plain.kill();
		await project.remove();
	});
	await colored.waitFor(/revision .*not running/);
	await plain.waitFor(/revision .*not running/);
	// eslint-disable-next-line no-control-regex
	const colour = /\u001B\[(3\d|9\d|38;)/;
	t.regex(colored.screen(true), colour);
	t.notRegex(plain.screen(true), colour);
	plain.resize(60, 30);
	const narrow = await plain.waitFor(/› s {2}Start the database\n {2}x {2}Stop the database/);
	t.true(narrow.split('\n').every((line) => line.length <= 60));
	await plain.keys('C-c');
	await plain.waitFor(/cc-dev exited 0/);
});

test('without a terminal, cc-dev with no command prints help and exits 2', async (t) => {
	const result = await runCli([]);
	t.is(result.exitCode, 2);
	t.regex(result.stdout, /Usage: cc-dev {17}the interactive app \(in a terminal\)/);
	t.regex(result.stdout, /migrate new \[MESSAGE\]/);
});

import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import pg from 'pg';
import {ensureBuilt} from '../helpers/built.js';
import {runCli} from '../helpers/run-cli.js';
import {createProject, hasTmux, startSession} from './tmux-session.js';

const skipReason = hasTmux ? '' : ' (skipped: tmux is not installed; apt-get update && apt-get install -y tmux)';

test.before(async () => {
	if (hasTmux) await ensureBuilt();
});

async function devQuery(port: number, sql: string): Promise<pg.QueryResult> {
	const client = new pg.Client({connectionString: `postgresql://cognition_user:cognition_pass@127.0.0.1:${port}/cognition_curator_dev`});
	await client.connect();
	try {
		return await client.query(sql);
	} finally {
		await client.end();
	}
}

test.serial.skipIf(!hasTmux)(`in a real terminal: a column added by hand becomes a verified migration, recorded in the development database${skipReason}`, async (t) => {
	const project = await createProject();
	t.teardown(() => project.remove());
	const cli = (args: string[]) => runCli(args, {cwd: project.dir, env: project.env, timeoutMs: 180_000});
	t.is((await cli(['db', 'start'])).exitCode, 0);
	t.is((await cli(['migrate', 'up'])).exitCode, 0);
	await devQuery(project.port, 'ALTER TABLE public.decks ADD COLUMN archived_at timestamp with time zone');

	const session = startSession(project);
	t.teardown(() => session.kill());
	try {
		await session.waitFor(/revision {2}28a8c0e6e895 \(head\) · up to date/);
		await session.keys('a');
		await session.waitFor(/What does the change do/);
		await session.type('add deck archive flag');
		await session.keys('Enter');
		await session.waitFor(/Where is the desired schema\?/);
		await session.keys('Enter');
		await session.waitFor(/Record [0-9a-f]{12} there/, 180_000);
		await session.keys('Enter');
		const written = await session.waitFor(/── one transaction ── [0-9a-f]{12}_add_deck_archive_flag\.sql/, 60_000);
		t.regex(written, /^Generated from the development database/m);
		t.regex(written, /add column "archived_at" timestamp with time zone;/);
		await session.keys('q');
		const home = await session.waitFor(/revision {2}[0-9a-f]{12} \(head\) · up to date · 0 pending/);
		t.regex(home, /last: Generate a migration from schema changes ✔ Wrote migrations\/[0-9a-f]{12}_/);
	} catch (error) {
		t.log(`last screen:\n${session.screen()}`);
		throw error;
	}

	const files = readdirSync(path.join(project.dir, 'migrations')).filter((name) => name.endsWith('_add_deck_archive_flag.sql'));
	t.is(files.length, 1);
	const text = readFileSync(path.join(project.dir, 'migrations', files[0]!), 'utf8');
	t.regex(text, /^-- Revises: 28a8c0e6e895$/m);
	t.regex(text, /-- migrate:up\s+alter table "public"\."decks" add column "archived_at" timestamp with time zone;\s+-- migrate:down/);
	t.regex(text, /-- migrate:down\s+alter table "public"\."decks" drop column "archived_at";\s*$/);
	const status = await cli(['migrate', 'status']);
	t.is(status.exitCode, 0, status.stdout + status.stderr);
});

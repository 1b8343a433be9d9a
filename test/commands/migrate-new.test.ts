import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import test from 'ava';
import {main} from '../../source/cli.js';
import {parseMigration} from '../../source/core/migrations/parse-migration.js';
import {chain, migrationsDir} from '../helpers/migrations-dir.js';

/** Runs `cc-dev ARGS` in-process without a terminal, like a script or CI would. */
async function run(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const chunks = {stdout: [] as Buffer[], stderr: [] as Buffer[]};
	stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
	stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
	const code = await main([...args, '--no-color'], {stdout, stderr, stdin: new PassThrough()});
	return {code, stdout: Buffer.concat(chunks.stdout).toString(), stderr: Buffer.concat(chunks.stderr).toString()};
}

const newFiles = (directory: string, before: number) => readdirSync(directory).sort().slice(before);

test('every answer from flags: writes the file, prints its path and SQL', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const result = await run(['migrate', 'new', 'Add archived_at', '--template', 'add-column', '--table', 'decks', '--column', 'archived_at', '--type', 'timestamp with time zone', '--migrations', directory]);
	t.is(result.code, 0, result.stderr);
	const [file] = readdirSync(directory).filter((name) => name.endsWith('_add_archived_at.sql'));
	t.truthy(file);
	t.regex(result.stdout, new RegExp(`✔ Wrote .*${file}`));
	t.regex(result.stdout, /ALTER TABLE public\.decks ADD COLUMN archived_at timestamp with time zone;/);
	t.deepEqual(parseMigration(readFileSync(path.join(directory, file!), 'utf8'), file!).parents, ['000000000001']);
});

test('without a terminal, a missing answer is a usage error naming the flag, and nothing is written', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const missing = await run(['migrate', 'new', 'goals', '--template', 'create-table', '--migrations', directory]);
	t.is(missing.code, 2);
	t.regex(missing.stderr, /needs --table/);
	const noMessage = await run(['migrate', 'new', '--template', 'blank', '--migrations', directory]);
	t.is(noMessage.code, 2);
	t.regex(noMessage.stderr, /needs a message/);
	const wrongFlag = await run(['migrate', 'new', 'x', '--template', 'create-table', '--table', 't', '--column', 'c', '--migrations', directory]);
	t.is(wrongFlag.code, 2);
	t.regex(wrongFlag.stderr, /has no question --column/);
	const bothMessages = await run(['migrate', 'new', 'x', '--message', 'y', '--migrations', directory]);
	t.is(bothMessages.code, 2);
	t.is(readdirSync(directory).length, 1);
});

test('the template defaults to blank without a terminal, and the file fails loudly until written', async (t) => {
	const directory = migrationsDir(t, chain(1));
	const result = await run(['migrate', 'new', '--message', 'hand written', '--migrations', directory]);
	t.is(result.code, 0, result.stderr);
	const [file] = newFiles(directory, 1);
	t.regex(readFileSync(path.join(directory, file!), 'utf8'), /RAISE EXCEPTION 'migration [0-9a-f]{12} is not written yet'/);
});

test('--merge joins the heads; with one head it is a usage error', async (t) => {
	const single = migrationsDir(t, chain(1));
	const refused = await run(['migrate', 'new', '--merge', '--migrations', single]);
	t.is(refused.code, 2);
	t.regex(refused.stderr, /Nothing to merge: the migrations have one head \(000000000001\)/);

	const forked = migrationsDir(t, [...chain(1), {revision: '00000000000a', parents: ['000000000001'], up: 'SELECT 1;', down: 'SELECT 1;'}, {revision: '00000000000b', parents: ['000000000001'], up: 'SELECT 1;', down: 'SELECT 1;'}]);
	const result = await run(['migrate', 'new', '--merge', '--migrations', forked, '--json']);
	t.is(result.code, 0, result.stderr);
	const json = JSON.parse(result.stdout) as {revision: string; path: string; template: string; revises: string[]};
	t.is(json.template, 'merge');
	t.deepEqual(json.revises, ['00000000000a', '00000000000b']);
	t.true(path.basename(json.path).endsWith('_merge_heads.sql'));
});

test('--help lists one flag per template question', async (t) => {
	const result = await run(['migrate', 'new', '--help']);
	t.is(result.code, 0);
	for (const flag of ['--template', '--merge', '--table', '--columns', '--on-delete', '--batch-size', '--new-column']) t.true(result.stdout.includes(flag), flag);
});

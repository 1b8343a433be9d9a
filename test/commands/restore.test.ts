import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {ConnectionTarget} from '../../source/core/database/target.js';
import {freshDatabase, query, repoRoot} from '../helpers/database.js';
import {runCli} from './suite-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

const schemaFile = path.join(repoRoot, 'railway_schema.sql');
const tables = async (target: ConnectionTarget) => (await query<{tablename: string}>(target, "select tablename from pg_tables where schemaname = 'public' order by 1")).map((row) => row.tablename);

function file(t: ExecutionContext, name: string, text: string): string {
	const directory = tempFolder(t, 'cc-dev-restore-cli-');
	writeFileSync(path.join(directory, name), text);
	return path.join(directory, name);
}

test('restore shows what it will do and needs --yes without a terminal; with it, migrate status is right', async (t) => {
	const target = await freshDatabase(t);
	const refused = await runCli(['restore', schemaFile], target);
	t.is(refused.exitCode, 2);
	t.regex(refused.stderr, /Restore railway_schema\.sql into .*:\n {2}run its \d+ statements in one transaction/);
	t.regex(refused.stderr, /record revision 28a8c0e6e895 \(from the dump header\)/);
	t.regex(refused.stderr, /hint +Pass --yes to confirm in scripts/);
	t.deepEqual(await tables(target), []);

	const restored = await runCli(['restore', schemaFile, '--yes'], target);
	t.is(restored.exitCode, 0, restored.stderr);
	t.regex(restored.stdout, /✔ restored railway_schema\.sql into .* in [\d.]+ m?s; migrate status: 28a8c0e6e895/);
	t.is((await tables(target)).length, 9);
	const status = await runCli(['migrate', 'status'], target);
	t.is(status.exitCode, 0, status.stdout);
	t.regex(status.stdout, /28a8c0e6e895 initial migration .* restored/);
	t.regex(status.stdout, /up to date/);
});

test('bad input: a missing file and a file that is not SQL exit 2 and change nothing', async (t) => {
	const target = await freshDatabase(t);
	const missing = await runCli(['restore', '/nonexistent/railway_schema.sql', '--yes'], target);
	t.is(missing.exitCode, 2);
	t.regex(missing.stderr, /The dump file \/nonexistent\/railway_schema\.sql does not exist/);
	const notSql = await runCli(['restore', file(t, 'notes.txt', 'Remember to buy milk.\n'), '--yes'], target);
	t.is(notSql.exitCode, 2);
	t.regex(notSql.stderr, /notes\.txt:1:1: not valid SQL/);
	const noFile = await runCli(['restore'], target);
	t.is(noFile.exitCode, 2);
	t.deepEqual(await tables(target), []);
});

test('the guards: a database with tables needs --clean, production needs --production', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'CREATE TABLE keep_me (id int)');
	const full = await runCli(['restore', schemaFile, '--yes'], target);
	t.is(full.exitCode, 2);
	t.regex(full.stderr, /already has 1 table \(public\.keep_me\); refusing/);
	t.regex(full.stderr, /--clean/);
	const production = await runCli(['restore', schemaFile, '--yes', '--clean'], target, {env: {RAILWAY_ENVIRONMENT: 'production'}});
	t.is(production.exitCode, 2);
	t.regex(production.stderr, /Refusing to run restore against a production database/);
	t.deepEqual(await tables(target), ['keep_me']);
	const clean = await runCli(['restore', schemaFile, '--yes', '--clean', '--production'], target, {env: {RAILWAY_ENVIRONMENT: 'production'}});
	t.is(clean.exitCode, 0, clean.stderr);
	t.false((await tables(target)).includes('keep_me'));
});

test('a restore that fails halfway: exit 1, file:line:column, the database untouched', async (t) => {
	const target = await freshDatabase(t);
	const text = readFileSync(schemaFile, 'utf8').replace('CREATE TABLE public.study_sessions (', 'CREATE TABLE public.study_sessions (\n    oops public.nothing_here,');
	const result = await runCli(['restore', file(t, 'broken.sql', text), '--yes'], target);
	t.is(result.exitCode, 1);
	t.regex(result.stderr, /error broken\.sql:\d+:\d+: type "public\.nothing_here" does not exist/);
	t.regex(result.stderr, /rolled back/);
	t.deepEqual(await tables(target), []);
});

test('restore --clean lists what the cascade drops in other schemas and counts only public tables', async (t) => {
	const target = await freshDatabase(t);
	await query(target, 'CREATE TABLE public.decks_old (id int PRIMARY KEY); CREATE SCHEMA other; CREATE VIEW other.deck_ids AS SELECT id FROM public.decks_old; CREATE TABLE other.cards (deck int REFERENCES public.decks_old (id))');
	const plan = await runCli(['restore', schemaFile, '--clean'], target);
	t.is(plan.exitCode, 2, plan.stderr);
	t.regex(plan.stderr, /drop the public schema and everything in it \(1 table now\)/);
	t.regex(plan.stderr, /with it, in other schemas \(they depend on public\): .*view other\.deck_ids/);
	t.regex(plan.stderr, /constraint cards_deck_fkey on table other\.cards/);
	t.notRegex(plan.stderr, /(?<!on )table other\.cards|type other\.deck_ids/);
});

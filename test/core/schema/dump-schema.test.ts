import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {EnvironmentError} from '../../../source/core/errors.js';
import {runMigrations} from '../../../source/core/migrations/run-migrations.js';
import {countLines, dumpHeader, dumpRevision, dumpSchema, normaliseDump} from '../../../source/core/schema/dump-schema.js';
import {localPgDumpTool} from '../../../source/core/schema/pg-dump-tool.js';
import {findLocalPgDump, parsePgDumpVersion} from '../../../source/core/schema/pg-dump-binary.js';
import {freshDatabase, query, repoRoot, serverWaitMs} from '../../helpers/database.js';
import {tempFolder} from '../../helpers/temp-folder.js';

const pgDump15 = '/usr/lib/postgresql/15/bin/pg_dump';

function tempDir(t: ExecutionContext): string {
	const directory = tempFolder(t, 'cc-dev-pgdump-');
	return directory;
}

/** A fake pg_dump that prints a version (shell script). */
function fakePgDump(directory: string, version: string): string {
	mkdirSync(directory, {recursive: true});
	const file = path.join(directory, 'pg_dump');
	writeFileSync(file, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`);
	chmodSync(file, 0o755);
	return file;
}

test('parses pg_dump versions and knows which take --restrict-key', (t) => {
	t.like(parsePgDumpVersion('pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)'), {major: 15, minor: 18, supportsRestrictKey: true});
	t.like(parsePgDumpVersion('pg_dump (PostgreSQL) 15.13'), {major: 15, supportsRestrictKey: false});
	t.like(parsePgDumpVersion('pg_dump (PostgreSQL) 17.6'), {major: 17, supportsRestrictKey: true});
	t.like(parsePgDumpVersion('pg_dump (PostgreSQL) 18.1'), {major: 18, supportsRestrictKey: true});
	t.like(parsePgDumpVersion('pg_dump (PostgreSQL) 12.20'), {major: 12, supportsRestrictKey: false});
	t.is(parsePgDumpVersion('something else'), undefined);
});

test('prefers the server\'s own major, else the closest newer one', async (t) => {
	const root = tempDir(t);
	for (const major of ['14', '16', '17']) fakePgDump(path.join(root, major, 'bin'), `${major}.9`);
	const roots = [{parent: root, pattern: /^(\d+)$/, bin: 'bin'}];
	t.like(await findLocalPgDump({serverMajor: 16, env: {PATH: ''}, versionedRoots: roots}), {major: 16, path: path.join(root, '16', 'bin', 'pg_dump')});
	t.like(await findLocalPgDump({serverMajor: 15, env: {PATH: ''}, versionedRoots: roots}), {major: 16});
});

test('a missing pg_dump is an environment error that says how to get one', async (t) => {
	const root = tempDir(t);
	fakePgDump(path.join(root, '14', 'bin'), '14.9');
	const error = await t.throwsAsync(findLocalPgDump({serverMajor: 15, env: {PATH: ''}, versionedRoots: [{parent: root, pattern: /^(\d+)$/, bin: 'bin'}]}), {instanceOf: EnvironmentError});
	t.is(error!.exitCode, 3);
	t.regex(error!.message, /No pg_dump of PostgreSQL 15 or newer was found \(found 14 at .*\)/);
	t.regex(error!.hint!, /postgresql-client-15/);
	t.regex(error!.hint!, /Docker provider/);
	t.regex(error!.hint!, /CC_DEV_PG_DUMP/);
});

test('pg_dump on PATH is used when no versioned installation fits; CC_DEV_PG_DUMP wins', async (t) => {
	const directory = tempDir(t);
	const onPath = fakePgDump(path.join(directory, 'bin'), '15.14');
	t.like(await findLocalPgDump({serverMajor: 15, env: {PATH: path.join(directory, 'bin')}, versionedRoots: []}), {path: onPath, major: 15});
	const explicit = fakePgDump(path.join(directory, 'other'), '16.2');
	t.like(await findLocalPgDump({serverMajor: 15, env: {PATH: '', CC_DEV_PG_DUMP: explicit}, versionedRoots: []}), {path: explicit, major: 16});
	await t.throwsAsync(findLocalPgDump({serverMajor: 15, env: {PATH: '', CC_DEV_PG_DUMP: path.join(directory, 'nope')}, versionedRoots: []}), {instanceOf: EnvironmentError, message: /CC_DEV_PG_DUMP=.*nope is not a pg_dump/});
});

test('normalising drops version comments and \\restrict lines, nothing else', (t) => {
	const a = '-- PostgreSQL database dump\n\\restrict abc\n-- Dumped from database version 15.18\n-- Dumped by pg_dump version 15.18\nCREATE TABLE t ();\n\\unrestrict abc\n\n';
	const b = '-- PostgreSQL database dump\r\n\\restrict xyz\r\n-- Dumped from database version 15.4\r\n-- Dumped by pg_dump version 16.1\r\nCREATE TABLE t ();\r\n\\unrestrict xyz\r\n';
	t.is(normaliseDump(a), normaliseDump(b));
	t.is(normaliseDump(a), '-- PostgreSQL database dump\nCREATE TABLE t ();\n');
	t.not(normaliseDump(a), normaliseDump(a.replace('TABLE t', 'TABLE u')));
});

test('the header names the revision, and dumpRevision reads it back', (t) => {
	t.is(dumpRevision(dumpHeader('28a8c0e6e895') + 'SELECT 1;'), '28a8c0e6e895');
	t.is(dumpRevision(dumpHeader(undefined) + 'SELECT 1;'), undefined);
	t.is(countLines('a\nb\n'), 2);
	t.is(countLines('a\nb'), 2);
	t.is(countLines(''), 0);
});

(process.platform === 'linux' ? test : test.skip)('a dump of a migrated database is schema-only, deterministic and has the fixed restrict key', async (t) => {
	const target = await freshDatabase(t);
	await runMigrations({target, migrationsDir: path.join(repoRoot, 'migrations'), waitMs: serverWaitMs, lockWaitMs: 5000, lockTimeout: '5s', statementTimeout: '1min', direction: 'up'});
	await query(target, "INSERT INTO public.users (id, email, name, is_active, is_premium, email_verified, created_at, updated_at, study_preferences, timezone, language_preference, total_study_time_minutes, current_streak_days, longest_streak_days, total_cards_reviewed, total_decks_created, overall_accuracy_rate, average_session_length_minutes, mastery_rate) VALUES (uuid_generate_v4(), 'secret-data@example.com', 'x', true, false, true, now(), now(), '{}', 'UTC', 'en', 0, 0, 0, 0, 0, 0, 0, 0)");
	const found = await findLocalPgDump({serverMajor: 15});
	const tool = localPgDumpTool(found);
	const first = await dumpSchema({target, tool, revision: '28a8c0e6e895'});
	const second = await dumpSchema({target, tool, revision: Promise.resolve('28a8c0e6e895')});
	t.is(first.text, second.text);
	t.true(first.text.startsWith(dumpHeader('28a8c0e6e895')));
	t.regex(first.text, /CREATE TABLE public\.users/);
	t.notRegex(first.text, /secret-data@example\.com/);
	t.notRegex(first.text, /OWNER TO|GRANT /);
	if (found.supportsRestrictKey) t.regex(first.text, /^\\restrict ccdev$/m);
	t.is(first.lineCount, countLines(first.text));
	t.notRegex(first.text, /cognition_pass/);
});

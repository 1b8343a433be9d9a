import {spawnSync} from 'node:child_process';
import {cpSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {parseMigration} from '../../source/core/migrations/parse-migration.js';
import {freshDatabase, repoRoot} from '../helpers/database.js';
import {runCli} from '../helpers/run-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

/** Debian's python3 with python3-sqlalchemy and python3-psycopg2 (.ci/run installs them); a pyenv python first on PATH may lack them. */
const python = ['/usr/bin/python3', 'python3'].find((candidate) => spawnSync(candidate, ['-c', 'import sqlalchemy, psycopg2'], {stdio: 'ignore'}).status === 0);
const skipReason = python ? '' : ' (skipped: no python3 with SQLAlchemy and psycopg2; apt-get install -y python3-sqlalchemy python3-psycopg2)';

test.serial.skipIf(!python)(`--from-command with SQLAlchemy models of the Cognition Curator tables plus one column: the migration adds exactly that column${skipReason}`, async (t) => {
	const migrations = tempFolder(t, 'cc-dev-sqlalchemy-');
	cpSync(path.join(repoRoot, 'migrations'), migrations, {recursive: true});
	const target = await freshDatabase(t);
	const command = `${python} ${path.join(repoRoot, 'test', 'fixtures', 'cognition-models', 'models.py')}`;
	const result = await runCli(['migrate', 'new', 'add deck archive date', '--from-command', command, '--migrations', migrations], {env: {DATABASE_URL: target.url}, timeoutMs: 170_000});
	t.is(result.exitCode, 0, result.stdout + result.stderr);
	const [file] = readdirSync(migrations).filter((name) => name.endsWith('_add_deck_archive_date.sql'));
	t.truthy(file, result.stdout);
	const migration = parseMigration(readFileSync(path.join(migrations, file!), 'utf8'), file!);
	t.deepEqual(migration.parents, ['28a8c0e6e895']);
	t.is(migration.up.sql.trim(), 'alter table "public"."decks" add column "archived_at" timestamp with time zone;');
	t.is(migration.down?.sql.trim(), 'alter table "public"."decks" drop column "archived_at";');
	t.regex(result.stdout, /✔ Verified in a scratch database/);
});

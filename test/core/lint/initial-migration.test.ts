import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {lintMigrations} from '../../../source/core/lint/index.js';
import {parseMigration} from '../../../source/core/migrations/parse-migration.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations/28a8c0e6e895_initial_migration.sql');

test('the initial migration produces no error findings (it only creates tables)', async (t) => {
	const migration = parseMigration(readFileSync(file, 'utf8'), file);
	const findings = await lintMigrations([migration]);
	const errors = findings.filter((finding) => finding.severity === 'error');
	t.deepEqual(errors.map((finding) => `${finding.line}:${finding.column} ${finding.rule} ${finding.message}`), []);
});

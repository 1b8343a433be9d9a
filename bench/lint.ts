import {readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {lintMigrations} from '../source/core/lint/index.js';
import {parseMigration} from '../source/core/migrations/parse-migration.js';
import {tempDir} from './bench-server.js';

const fileCount = 1000;

function revisionOf(index: number): string {
	return index.toString(16).padStart(12, '0');
}

/** Every tenth migration builds an index concurrently, in a migration of its own. */
function isConcurrent(index: number): boolean {
	return index > 0 && index % 10 === 0;
}

/** The table created by the last migration before `index` that created one, or undefined. */
function previousTable(index: number): string | undefined {
	let previous = index - 1;
	while (previous >= 0 && isConcurrent(previous)) previous--;
	return previous < 0 ? undefined : `items_${previous}`;
}

/**
 * The text of the index-th generated migration, of the kind a project accumulates: a new table
 * with its index and a function, changes to the previous table (one suppressed finding), and
 * every tenth one a concurrent index build.
 */
export function benchMigrationText(index: number): string {
	const revision = revisionOf(index + 1);
	const parent = index === 0 ? '' : revisionOf(index);
	const table = `items_${index}`;
	const previous = previousTable(index);
	const concurrent = isConcurrent(index);
	const changes =
		previous === undefined
			? ''
			: `-- cc-dev-lint-disable index-not-concurrent: ${previous} is small
CREATE INDEX ix_${previous}_note ON ${previous} (note);
ALTER TABLE ${previous} ADD COLUMN score integer DEFAULT 0;
ALTER TABLE ${previous} ALTER COLUMN name TYPE varchar(300);
ALTER TABLE ${previous} RENAME COLUMN note TO remark;
`;
	const up = concurrent
		? `CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_${previous}_created_at ON ${previous} (created_at);\n`
		: `CREATE TABLE ${table} (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name character varying(200) NOT NULL,
    note text,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX ix_${table}_name ON ${table} USING btree (name);
ALTER TABLE ${table} ADD CONSTRAINT ${table}_name_check CHECK (char_length(name) > 0);
${changes}CREATE OR REPLACE FUNCTION touch_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now(); -- keep it simple; "quotes" and 'strings'
    RETURN NEW;
END
$$;
COMMENT ON TABLE ${table} IS 'Generated for the lint benchmark – ünïcode included';
`;
	const down = concurrent
		? `DROP INDEX CONCURRENTLY IF EXISTS ix_${previous}_created_at;\n`
		: `DROP FUNCTION touch_${table}();\nDROP TABLE ${table};\n`;
	return `-- Revision: ${revision}
-- Revises: ${parent}
-- Created: 2025-07-26T20:00:00Z
-- Message: benchmark migration ${index}
-- Transaction: ${concurrent ? 'none' : 'per-migration'}

-- migrate:up
${up}
-- migrate:down
${down}`;
}

/** Generates 1,000 migration files in a temporary folder, then reads, parses and lints them all (the timed part). */
export async function benchLint(): Promise<{name: string; ms: number; files: number}> {
	const dir = tempDir('cc-dev-bench-lint-');
	await Promise.all(Array.from({length: fileCount}, (_, index) => writeFile(path.join(dir, `${revisionOf(index + 1)}_benchmark_${index}.sql`), benchMigrationText(index))));
	const started = performance.now();
	const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
	const migrations = await Promise.all(names.map(async (name) => parseMigration(await readFile(path.join(dir, name), 'utf8'), path.join(dir, name))));
	const findings = await lintMigrations(migrations);
	const ms = performance.now() - started;
	if (migrations.length !== fileCount || findings.length === 0) throw new Error('lint benchmark: unexpected result');
	return {name: `lint ${fileCount.toLocaleString('en-US')} migration files`, ms: Math.round(ms), files: migrations.length};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await benchLint();
	console.log(`${result.name}: ${result.ms} ms`);
}

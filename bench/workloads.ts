/**
 * The generated migration folders the benchmarks apply, and the same SQL as plain psql scripts
 * (the baseline: `psql -1 -f` runs exactly the SQL cc-dev runs, in one transaction).
 */
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {buildGraph} from '../source/core/migrations/graph.js';
import {loadMigrations} from '../source/core/migrations/load-migrations.js';
import {repoRoot, tempDir, write} from './bench-server.js';

const tables = ['users', 'decks', 'flashcards', 'learning_insights', 'performance_metrics', 'retention_data', 'review_sessions', 'study_sessions'];
const initialRevision = '28a8c0e6e895';

export type Workload = {
	readonly directory: string;
	readonly count: number;
	/** The up SQL of every migration, for `psql -1 -f`: one transaction. */
	readonly up: string;
	/** The same with a transaction and a version row per migration, commits not waited for but the last: what cc-dev's runner does. */
	readonly upEach: string;
	readonly down: string;
};

/**
 * The up SQL as cc-dev's runner sends it: each migration in a transaction of its own with a row in a
 * version table, asynchronous commits, and one flushed commit at the end (run-migrations.ts).
 */
function perMigrationScript(sections: readonly {revision: string; sql: string}[]): string {
	const lines = ['SET synchronous_commit = off;', 'CREATE TABLE public.bench_versions (revision text PRIMARY KEY, applied_at timestamp with time zone NOT NULL DEFAULT clock_timestamp());'];
	for (const {revision, sql} of sections) lines.push('BEGIN;', sql, `INSERT INTO public.bench_versions (revision) VALUES ('${revision}');`, 'COMMIT;');
	lines.push('SET synchronous_commit = on;', 'SELECT pg_current_xact_id();', '');
	return lines.join('\n');
}

function revisionOf(index: number): string {
	return (0xb0_00_00_00_00_00 + index).toString(16);
}

function migrationFile(directory: string, index: number, parent: string, up: string[], down: string[]): string {
	const revision = revisionOf(index);
	write(path.join(directory, `${revision}_bench_${index}.sql`), [`-- Revision: ${revision}`, `-- Revises: ${parent}`, `-- Message: bench ${index}`, '', '-- migrate:up', ...up, '', '-- migrate:down', ...down, ''].join('\n'));
	return revision;
}

/** A small migration: add a column to one of the initial tables, index it, comment it; with a down. */
function small(index: number): {up: string[]; down: string[]} {
	const table = tables[index % tables.length]!;
	const column = `bench_${index}`;
	return {
		up: [
			`ALTER TABLE public.${table} ADD COLUMN ${column} integer;`,
			`CREATE INDEX ix_${table}_${column} ON public.${table} (${column});`,
			`COMMENT ON COLUMN public.${table}.${column} IS 'generated for the benchmark';`,
		],
		down: [`DROP INDEX public.ix_${table}_${column};`, `ALTER TABLE public.${table} DROP COLUMN ${column};`],
	};
}

/**
 * A heavier migration, of the kind that makes the server's work dominate: a new table with a
 * foreign key, a check constraint, two indexes, a trigger function and its trigger, and seed rows.
 */
function heavy(index: number): {up: string[]; down: string[]} {
	const table = `bench_notes_${index}`;
	return {
		up: [
			`CREATE TABLE public.${table} (`,
			'    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,',
			'    user_id uuid REFERENCES public.users (id) ON DELETE CASCADE,',
			'    title character varying(200) NOT NULL CHECK (title <> \'\'),',
			'    body text,',
			'    created_at timestamp with time zone NOT NULL DEFAULT now(),',
			'    updated_at timestamp with time zone NOT NULL DEFAULT now()',
			');',
			`CREATE INDEX ix_${table}_user ON public.${table} (user_id);`,
			`CREATE INDEX ix_${table}_created ON public.${table} (created_at DESC);`,
			`CREATE FUNCTION public.${table}_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;`,
			`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON public.${table} FOR EACH ROW EXECUTE FUNCTION public.${table}_touch();`,
			`INSERT INTO public.${table} (title, body) SELECT 'note ' || n, repeat('x', 200) FROM generate_series(1, 50) AS n;`,
			`COMMENT ON TABLE public.${table} IS 'generated for the benchmark';`,
		],
		down: [`DROP TABLE public.${table};`, `DROP FUNCTION public.${table}_touch();`],
	};
}

/** One migration of `statements` single-row inserts into a table it creates (about 125 bytes each: 40,000 make 5 MB). */
function big(statements: number): {up: string[]; down: string[]} {
	const up = ['CREATE TABLE public.bench_big (id integer PRIMARY KEY, title character varying(100) NOT NULL, body text NOT NULL);'];
	for (let row = 1; row <= statements; row++) up.push(`INSERT INTO public.bench_big (id, title, body) VALUES (${row}, 'row ${row}', 'generated for the benchmark: one statement of a large migration ${row}');`);
	return {up, down: ['DROP TABLE public.bench_big;']};
}

export type WorkloadKind = 'small' | 'heavy' | 'big';

/**
 * The initial migration plus `count` generated ones of a kind (for `big`: one migration of
 * `count` statements), and the psql scripts that apply and revert the same SQL.
 */
export function generateWorkload(kind: WorkloadKind, count: number): Workload {
	const root = tempDir(`cc-dev-bench-${kind}-${count}-`);
	const directory = path.join(root, 'migrations');
	mkdirSync(directory);
	copyFileSync(path.join(repoRoot, 'migrations', `${initialRevision}_initial_migration.sql`), path.join(directory, `${initialRevision}_initial_migration.sql`));
	if (kind === 'big') {
		const {up, down} = big(count);
		migrationFile(directory, 1, initialRevision, up, down);
	} else {
		let parent = initialRevision;
		for (let index = 1; index <= count; index++) {
			const {up, down} = kind === 'small' ? small(index) : heavy(index);
			parent = migrationFile(directory, index, parent, up, down);
		}
	}
	const ordered = buildGraph(loadMigrations(directory)).ordered;
	const up = path.join(root, 'up.psql');
	const upEach = path.join(root, 'up-each.psql');
	const down = path.join(root, 'down.psql');
	writeFileSync(up, ordered.map((migration) => migration.up.sql).join('\n'));
	writeFileSync(upEach, perMigrationScript(ordered.map((migration) => ({revision: migration.revision, sql: migration.up.sql}))));
	writeFileSync(down, [...ordered].reverse().map((migration) => migration.down?.sql ?? '').join('\n'));
	return {directory, count, up, upEach, down};
}

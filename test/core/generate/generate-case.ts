import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {generateMigration, type GenerateOptions, type GenerateResult} from '../../../source/core/generate/generate-migration.js';
import {freshDatabase} from '../../helpers/database.js';

/** A project whose only migration creates `start`, and a --from-sql file holding `desired`. */
export function caseProject(t: ExecutionContext, start: string, desired: string): {migrationsDir: string; desiredFile: string} {
	const root = mkdtempSync(path.join(tmpdir(), 'cc-dev-generate-'));
	t.teardown(() => rmSync(root, {recursive: true, force: true}));
	const migrationsDir = path.join(root, 'migrations');
	mkdirSync(migrationsDir);
	writeFileSync(path.join(migrationsDir, 'aaaaaaaaaaaa_start.sql'), [
		'-- Revision: aaaaaaaaaaaa',
		'-- Revises:',
		'-- Created: 2026-01-01T00:00:00Z',
		'-- Message: start',
		'-- Transaction: per-migration',
		'',
		'-- migrate:up',
		start,
		'',
		'-- migrate:down',
		'DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
		'',
	].join('\n'));
	const desiredFile = path.join(root, 'desired.sql');
	writeFileSync(desiredFile, desired);
	return {migrationsDir, desiredFile};
}

/** Generates the migration from `start` to `desired` with --from-sql (dry run unless told). */
export async function generateCase(t: ExecutionContext, start: string, desired: string, extra: Partial<GenerateOptions> = {}): Promise<GenerateResult & {migrationsDir: string}> {
	const {migrationsDir, desiredFile} = caseProject(t, start, desired);
	const target = await freshDatabase(t);
	const result = await generateMigration({
		target,
		migrationsDir,
		waitMs: 5000,
		lockWaitMs: 5000,
		lockTimeout: '5s',
		statementTimeout: '1min',
		message: 'the change',
		source: {kind: 'sql', path: desiredFile},
		dryRun: true,
		...extra,
	});
	return {...result, migrationsDir};
}

/** Every up statement of every generated file, in order. */
export function upSql(result: GenerateResult): string {
	return result.files.flatMap((file) => file.up).join('\n');
}

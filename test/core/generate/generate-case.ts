import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {generateMigration, type GenerateOptions, type GenerateResult} from '../../../source/core/generate/generate-migration.js';
import {freshDatabase, serverWaitMs} from '../../helpers/database.js';
import {tempFolder} from '../../helpers/temp-folder.js';

/** A project whose only migration creates `start`, and a --from-sql file holding `desired`. */
export function caseProject(t: ExecutionContext, start: string, desired: string): {migrationsDir: string; desiredFile: string} {
	const root = tempFolder(t, 'cc-dev-generate-');
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
		waitMs: serverWaitMs,
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

/** One schema change: what the migrations create, what is desired, and what the generated SQL must (not) say. */
export type SchemaCase = {
	readonly start: string;
	readonly desired: string;
	/** Patterns the up SQL must contain (the statement shape that matters). */
	readonly expect?: readonly RegExp[];
	/** Patterns the up SQL must not contain. */
	readonly reject?: readonly RegExp[];
	/** How many files the change is split into (default: not checked). */
	readonly files?: number;
	readonly options?: Partial<GenerateOptions>;
	/** More assertions on the result. */
	readonly check?: (t: ExecutionContext, result: GenerateResult) => void;
};

/**
 * The generated migration verifies (up equals desired, down equals start, up again) and its up
 * SQL has the expected shape.
 */
export async function assertGenerates(t: ExecutionContext, schemaCase: SchemaCase): Promise<GenerateResult> {
	const result = await generateCase(t, schemaCase.start, schemaCase.desired, schemaCase.options);
	const sql = upSql(result);
	t.is(result.status, 'dry-run', `status ${result.status}: ${JSON.stringify(result.drops)}`);
	t.true(result.verification?.ok, JSON.stringify(result.verification, null, 1) + '\n' + result.files.map((file) => file.text).join('\n'));
	t.deepEqual(result.verification?.steps.map((step) => step.name), ['up', 'down', 'up-again']);
	for (const pattern of schemaCase.expect ?? []) t.regex(sql, pattern);
	for (const pattern of schemaCase.reject ?? []) t.notRegex(sql, pattern);
	if (schemaCase.files !== undefined) t.is(result.files.length, schemaCase.files, result.files.map((file) => file.text).join('\n'));
	schemaCase.check?.(t, result);
	return result;
}

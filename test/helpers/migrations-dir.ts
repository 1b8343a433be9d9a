import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {tempFolder} from './temp-folder.js';

export type MigrationSpec = {
	revision: string;
	parents?: string[];
	message?: string;
	transaction?: 'per-migration' | 'none';
	up: string;
	down?: string;
	slug?: string;
};

export function migrationText(spec: MigrationSpec): string {
	return [
		`-- Revision: ${spec.revision}`,
		`-- Revises: ${(spec.parents ?? []).join(', ')}`,
		'-- Created: 2026-01-01T00:00:00Z',
		`-- Message: ${spec.message ?? `migration ${spec.revision}`}`,
		`-- Transaction: ${spec.transaction ?? 'per-migration'}`,
		'',
		'-- migrate:up',
		spec.up,
		...(spec.down === undefined ? [] : ['', '-- migrate:down', spec.down]),
		'',
	].join('\n');
}

export function fileNameOf(spec: MigrationSpec): string {
	return `${spec.revision}_${spec.slug ?? 'change'}.sql`;
}

/** A temporary migrations folder holding the given migrations (or raw files), removed after the test. */
export function migrationsDir(t: ExecutionContext, specs: Array<MigrationSpec | {name: string; text: string}>): string {
	const directory = tempFolder(t, 'cc-dev-migrations-');
	for (const spec of specs) {
		if ('name' in spec) writeFileSync(path.join(directory, spec.name), spec.text);
		else writeFileSync(path.join(directory, fileNameOf(spec)), migrationText(spec));
	}
	return directory;
}

/** A linear chain of n migrations, each adding a table t<i>. */
export function chain(count: number, start = 1): MigrationSpec[] {
	const specs: MigrationSpec[] = [];
	for (let index = start; index < start + count; index++) {
		specs.push({
			revision: index.toString(16).padStart(12, '0'),
			parents: index === 1 ? [] : [(index - 1).toString(16).padStart(12, '0')],
			up: `CREATE TABLE t${index} (id integer PRIMARY KEY);`,
			down: `DROP TABLE t${index};`,
		});
	}
	return specs;
}

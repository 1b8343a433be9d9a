import {parseMigration} from '../../../../source/core/migrations/parse-migration.js';
import type {Migration} from '../../../../source/core/migrations/migration.js';
import {lintMigrations} from '../../../../source/core/lint/index.js';
import type {LintFinding, LintOptions} from '../../../../source/core/lint/index.js';

export type MigrationSpec = {
	readonly up: string;
	/** Undefined: a down section with `SELECT 1;`. Null: no down section at all. */
	readonly down?: string | null;
	readonly transaction?: 'per-migration' | 'none';
	/** Extra header lines (e.g. file-level suppressions), without trailing newline. */
	readonly header?: string;
	readonly revision?: string;
	readonly parents?: readonly string[];
};

/** The text of a migration file. */
export function migrationText(spec: MigrationSpec): string {
	const lines = [
		`-- Revision: ${spec.revision ?? 'a1b2c3d4e5f6'}`,
		`-- Revises: ${(spec.parents ?? []).join(', ')}`,
		'-- Created: 2025-07-26T20:00:00Z',
		'-- Message: test',
		`-- Transaction: ${spec.transaction ?? 'per-migration'}`,
	];
	if (spec.header !== undefined) lines.push(spec.header);
	lines.push('', '-- migrate:up', spec.up);
	if (spec.down !== null) lines.push('-- migrate:down', spec.down ?? 'SELECT 1;');
	return `${lines.join('\n')}\n`;
}

export function makeMigration(spec: MigrationSpec): Migration {
	const revision = spec.revision ?? 'a1b2c3d4e5f6';
	return parseMigration(migrationText(spec), `/project/migrations/${revision}_test.sql`);
}

/** Lints one migration built from `spec`. */
export async function lintSpec(spec: MigrationSpec, options?: LintOptions): Promise<LintFinding[]> {
	return lintMigrations([makeMigration(spec)], options);
}

/** The rule ids of the findings, for compact assertions. */
export function ruleIdsOf(findings: readonly LintFinding[]): string[] {
	return findings.map((finding) => finding.rule);
}

/** The findings of one rule. */
export function findingsOf(findings: readonly LintFinding[], rule: string): LintFinding[] {
	return findings.filter((finding) => finding.rule === rule);
}

/** Lints a chain of migrations (each revising the one before), returning the findings of the last one. */
export async function lintChain(specs: readonly MigrationSpec[], options?: LintOptions): Promise<LintFinding[]> {
	const revisions = specs.map((_spec, index) => `${(index + 1).toString(16).padStart(2, '0')}b2c3d4e5f6`.slice(0, 12));
	const migrations = specs.map((spec, index) =>
		makeMigration({...spec, revision: revisions[index], parents: index === 0 ? [] : [revisions[index - 1]!]}),
	);
	const last = migrations.at(-1)!;
	return (await lintMigrations(migrations, options)).filter((finding) => finding.path === last.path);
}

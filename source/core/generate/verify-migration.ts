import {copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {scratchDatabaseGuard} from '../guards/production.js';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ConnectionTarget} from '../database/target.js';
import {isCcDevError} from '../errors.js';
import type {SessionOptions} from '../migrations/migration-session.js';
import {runMigrations} from '../migrations/run-migrations.js';
import {remainingDifferences} from './compare-catalogs.js';
import type {GeneratedFile} from './migration-files.js';
import {readCatalog, type Catalog} from './read-catalog.js';

export type VerificationStep = {
	/** up: start -> desired; down: back to start; up-again: forward once more. */
	readonly name: 'up' | 'down' | 'up-again';
	readonly ok: boolean;
	/** The error that stopped the step, when it failed to run. */
	readonly error?: string;
	/** Statements that would still be needed to reach the expected schema (empty when it matches). */
	readonly differences: readonly string[];
};

export type Verification = {
	readonly ok: boolean;
	readonly steps: readonly VerificationStep[];
};

function errorText(error: unknown): string {
	if (isCcDevError(error)) return error.message;
	return error instanceof Error ? error.message : String(error);
}

/**
 * Proves the generated files on a scratch database at the starting state, with cc-dev's own
 * runner: up must give exactly the desired schema, down exactly the starting one, then up again
 * must run. The files are run from a temporary copy of the migrations folder.
 */
export async function verifyMigration(files: readonly GeneratedFile[], context: {
	readonly scratch: ConnectionTarget;
	readonly migrationsDir: string;
	readonly startRevision: string | undefined;
	readonly start: Catalog;
	readonly desired: Catalog;
	readonly session: Omit<SessionOptions, 'target' | 'migrationsDir'>;
}): Promise<Verification> {
	const folder = mkdtempSync(path.join(tmpdir(), 'cc-dev-verify-'));
	const steps: VerificationStep[] = [];
	try {
		for (const file of readdirSync(context.migrationsDir)) {
			if (file.endsWith('.sql')) copyFileSync(path.join(context.migrationsDir, file), path.join(folder, file));
		}
		for (const file of files) writeFileSync(path.join(folder, file.fileName), file.text);
		const options = {...context.session, target: context.scratch, migrationsDir: folder, onEvent: undefined};
		const plan: {name: VerificationStep['name']; run: () => Promise<unknown>; expected: Catalog}[] = [
			{name: 'up', run: () => runMigrations({...options, direction: 'up'}), expected: context.desired},
			{name: 'down', run: () => runMigrations({...options, ...scratchDatabaseGuard, direction: 'down', to: context.startRevision ?? 'base'}), expected: context.start},
			{name: 'up-again', run: () => runMigrations({...options, direction: 'up'}), expected: context.desired},
		];
		for (const step of plan) {
			try {
				await step.run();
			} catch (error) {
				steps.push({name: step.name, ok: false, error: errorText(error), differences: []});
				break;
			}
			// The last step only has to run: the first up already proved where it leads.
			const differences = step.name === 'up-again' ? [] : await remainingDifferences(await readCatalog(context.scratch, {waitMs: context.session.waitMs}), step.expected);
			steps.push({name: step.name, ok: differences.length === 0, differences});
			if (differences.length > 0) break;
		}
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
	return {ok: steps.length === 3 && steps.every((step) => step.ok), steps};
}

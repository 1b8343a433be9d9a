import {readdirSync, type Dirent} from 'node:fs';
import path from 'node:path';
import {InputError, isCcDevError} from '../errors.js';
import type {Migration} from './migration.js';
import {readMigrationFile} from './read-migration-file.js';

/** Reads and parses every .sql file of the migrations folder; all problems are reported at once. */
export function loadMigrations(directory: string): Migration[] {
	const steps = loadSteps(directory);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

const filesPerTurn = 16;

/**
 * loadMigrations letting the event loop run every few files, so that a connection opened just
 * before goes through its handshake (which waits on the server) while the files are read.
 */
export async function loadMigrationsInTurns(directory: string): Promise<Migration[]> {
	const steps = loadSteps(directory);
	for (let files = 1; ; files++) {
		const step = steps.next();
		if (step.done) return step.value;
		if (files % filesPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
	}
}

/** The work of loadMigrations, one file per step. */
function* loadSteps(directory: string): Generator<void, Migration[]> {
	let entries: Dirent[];
	try {
		entries = readdirSync(directory, {withFileTypes: true}).filter((entry) => entry.name.endsWith('.sql')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	} catch (error) {
		throw new InputError(`Cannot read the migrations folder ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
			hint: 'Run cc-dev from the project folder, or pass --migrations DIR.',
			cause: error,
		});
	}
	const migrations: Migration[] = [];
	const problems: InputError[] = [];
	for (const entry of entries) {
		const file = path.join(directory, entry.name);
		try {
			migrations.push(readMigrationFile(file, entry.isFile()));
		} catch (error) {
			if (!isCcDevError(error)) throw error;
			problems.push(error);
		}
		yield;
	}
	if (problems.length === 1) throw problems[0]!;
	if (problems.length > 1) {
		throw new InputError(`${problems.length} migration files are invalid:\n${problems.map((problem) => `  ${problem.message}\n    ${problem.hint ?? ''}`).join('\n')}`, {
			hint: 'Fix each file listed above.',
		});
	}
	return migrations;
}

import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import type {SuiteSettings} from '../../../source/core/checks/suite-context.js';
import type {ConnectionTarget} from '../../../source/core/database/target.js';
import {localPgDumpTool} from '../../../source/core/schema/pg-dump-tool.js';
import {findLocalPgDump} from '../../../source/core/schema/pg-dump-binary.js';
import {adminQuery, repoRoot, serverWaitMs} from '../../helpers/database.js';
import {tempFolder} from '../../helpers/temp-folder.js';

export const projectSchema = path.join(repoRoot, 'railway_schema.sql');

/** Suite settings for a test database, with the project's migrations, templates and schema dump unless replaced. */
export function suiteSettings(target: ConnectionTarget, extra: Partial<SuiteSettings> = {}): SuiteSettings {
	return {
		target,
		migrationsDir: path.join(repoRoot, 'migrations'),
		templatesDir: path.join(repoRoot, 'templates'),
		schemaFile: projectSchema,
		waitMs: serverWaitMs,
		lockWaitMs: 10_000,
		lockTimeout: '5s',
		statementTimeout: '1min',
		choosePgDump: async () => localPgDumpTool(await findLocalPgDump({serverMajor: 15})),
		...extra,
	};
}

/** Which of these databases still exist on the test server. */
export async function existingDatabases(names: readonly string[]): Promise<string[]> {
	const result = await adminQuery('select datname from pg_database where datname = any($1::text[])', [names]);
	return result.rows.map((row: {datname: string}) => row.datname);
}

/** A temporary copy of a file with an edit applied, removed after the test. */
export function editedCopy(t: ExecutionContext, file: string, edit: (text: string) => string): string {
	const directory = tempFolder(t, 'cc-dev-suite-');
	const copy = path.join(directory, path.basename(file));
	writeFileSync(copy, edit(readFileSync(file, 'utf8')));
	return copy;
}

/** An empty folder (no templates), removed after the test. */
export function emptyFolder(t: ExecutionContext): string {
	const directory = tempFolder(t, 'cc-dev-empty-');
	return directory;
}

/** A temporary copy of the project (migrations, templates, railway_schema.sql), for CLI runs with edits. */
export function projectCopy(t: ExecutionContext): string {
	const directory = tempFolder(t, 'cc-dev-project-');
	for (const entry of ['migrations', 'templates', 'railway_schema.sql']) cpSync(path.join(repoRoot, entry), path.join(directory, entry), {recursive: true});
	return directory;
}

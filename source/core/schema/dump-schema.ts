import type {ConnectionTarget} from '../database/target.js';
import type {PgDumpTool} from './pg-dump-tool.js';

/** The fixed key of pg_dump's `\restrict` lines, so that a dump is the same on every run. */
const restrictKey = 'ccdev';

/** What the committed railway_schema.sql is made with (as the original system did). */
const schemaDumpArguments = ['--schema-only', '--no-owner', '--no-privileges'] as const;

export type SchemaDump = {
	/** The dump as written to railway_schema.sql: cc-dev's header, then pg_dump's output. */
	readonly text: string;
	readonly lineCount: number;
	readonly tool: string;
	readonly durationMs: number;
};

/** cc-dev's lines at the top of a dump: which revision it holds, how to regenerate and restore it. */
export function dumpHeader(revision: string | undefined): string {
	return [
		'-- Cognition Curator database schema, written by `cc-dev dump` (pg_dump --schema-only --no-owner --no-privileges).',
		'-- Regenerate: npx cc-dev dump --from-migrations    Emergency restore: npx cc-dev restore railway_schema.sql',
		...(revision ? [`-- cc-dev revision: ${revision}`] : []),
		'',
		'',
	].join('\n');
}

/** The revision a dump's header names, if any. */
export function dumpRevision(text: string): string | undefined {
	return /^-- cc-dev revision: ([0-9a-f]{12})\s*$/m.exec(text.slice(0, 2000))?.[1];
}

export function countLines(text: string): number {
	if (text === '') return 0;
	return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * The dump without the lines that legitimately vary between machines and runs: pg_dump's version
 * comments and its `\restrict` / `\unrestrict` lines. Two dumps of the same schema normalise equal.
 */
export function normaliseDump(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.filter((line) => !/^-- Dumped (from database|by pg_dump) version /.test(line) && !/^\\(un)?restrict\b/.test(line))
		.join('\n')
		.replace(/\n+$/, '\n');
}

/**
 * A schema-only dump of one database, deterministic across runs (fixed restrict key). `revision`
 * (for the header) may be a promise, so that it is read while pg_dump runs.
 */
export async function dumpSchema(options: {
	readonly target: ConnectionTarget;
	readonly tool: PgDumpTool;
	readonly revision?: string | Promise<string | undefined>;
	readonly signal?: AbortSignal;
}): Promise<SchemaDump> {
	const started = performance.now();
	const args = [...schemaDumpArguments, ...(options.tool.version.supportsRestrictKey ? [`--restrict-key=${restrictKey}`] : [])];
	const [output, revision] = await Promise.all([options.tool.run(options.target, args, options.signal), options.revision]);
	const text = dumpHeader(revision) + output;
	return {text, lineCount: countLines(text), tool: options.tool.description, durationMs: performance.now() - started};
}

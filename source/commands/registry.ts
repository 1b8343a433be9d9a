import type {CommandSpec} from './command.js';
import {connectionOptions, providerOptions, runOptions} from './common-options.js';

/**
 * Every command, once. The argv parser, `--help` and the interactive menu all read this list;
 * modules load lazily so that `cc-dev --version` stays a cold start of Node and little else.
 */
export const commands: readonly CommandSpec[] = [
	{
		path: ['db', 'start'],
		summary: 'Start the local database (Docker, else embedded) and wait until it accepts connections',
		options: {...providerOptions},
		load: async () => ({run: (await import('./db.js')).runDbStart}),
	},
	{
		path: ['db', 'stop'],
		summary: 'Stop the local database, keeping its data',
		options: {...providerOptions},
		load: async () => ({run: (await import('./db.js')).runDbStop}),
	},
	{
		path: ['db', 'status'],
		summary: 'Which provider, state, port, uptime, server version, size and current revision',
		options: {...providerOptions, migrations: connectionOptions.migrations},
		load: async () => ({run: (await import('./db.js')).runDbStatus}),
	},
	{
		path: ['db', 'url'],
		summary: 'Print the connection URL of the local database (for DATABASE_URL)',
		options: {...providerOptions, 'show-password': {type: 'boolean', description: 'Print the password instead of *** (for export DATABASE_URL=$(cc-dev db url --show-password))'}},
		load: async () => ({run: (await import('./db.js')).runDbUrl}),
	},
	{
		path: ['db', 'destroy'],
		summary: 'Remove the local database and all its data',
		options: {...providerOptions, yes: {type: 'boolean', short: 'y', description: 'Do not ask for confirmation'}},
		load: async () => ({run: (await import('./db.js')).runDbDestroy}),
	},
	{
		path: ['migrate', 'up'],
		summary: 'Apply pending migrations (to the head, or --to REV)',
		options: {...runOptions, to: {type: 'string', valueName: 'REV', description: 'Stop at this revision'}},
		load: async () => ({run: (await import('./migrate-run.js')).runMigrateUp}),
	},
	{
		path: ['migrate', 'down'],
		summary: 'Revert migrations (one step by default, --steps N or --to REV)',
		options: {
			...runOptions,
			to: {type: 'string', valueName: 'REV', description: 'Revert until this revision is the current one (base: everything)'},
			steps: {type: 'string', valueName: 'N', description: 'How many migrations to revert (default 1)'},
		},
		load: async () => ({run: (await import('./migrate-run.js')).runMigrateDown}),
	},
	{
		path: ['migrate', 'status'],
		summary: 'Current revision, head, applied and pending migrations; exit 1 when something needs attention',
		options: {...connectionOptions},
		load: async () => ({run: (await import('./migrate-read.js')).runMigrateStatus}),
	},
	{
		path: ['migrate', 'current'],
		summary: 'The revision the database is at',
		options: {...connectionOptions},
		load: async () => ({run: (await import('./migrate-read.js')).runMigrateCurrent}),
	},
	{
		path: ['migrate', 'history'],
		summary: 'Every migration in order, with what is applied when the database answers',
		options: {...connectionOptions},
		load: async () => ({run: (await import('./migrate-read.js')).runMigrateHistory}),
	},
	{
		path: ['migrate', 'show'],
		summary: 'One migration: headers, up and down SQL',
		arguments: 'REV',
		options: {migrations: connectionOptions.migrations},
		load: async () => ({run: (await import('./migrate-read.js')).runMigrateShow}),
	},
	{
		path: ['migrate', 'preview'],
		summary: 'The exact SQL a run would execute (from the database, or --offline from base)',
		options: {
			...connectionOptions,
			to: {type: 'string', valueName: 'REV', description: 'Target revision'},
			down: {type: 'boolean', description: 'Preview a revert instead'},
			steps: {type: 'string', valueName: 'N', description: 'With --down: how many steps'},
			offline: {type: 'boolean', description: 'No database: the full script from base'},
		},
		load: async () => ({run: (await import('./migrate-preview.js')).runMigratePreview}),
	},
	{
		path: ['migrate', 'stamp'],
		summary: 'Record REV (and its ancestors) as applied without running SQL',
		arguments: 'REV',
		options: {...runOptions},
		load: async () => ({run: (await import('./migrate-admin.js')).runMigrateStamp}),
	},
	{
		path: ['migrate', 'unlock'],
		summary: 'End the session that holds the migration lock',
		options: {...connectionOptions},
		load: async () => ({run: (await import('./migrate-admin.js')).runMigrateUnlock}),
	},
];

/** The command selected by the leading words of argv, and the words left for its own parser. */
export function findCommand(argv: readonly string[]): {spec: CommandSpec; rest: string[]} | undefined {
	let best: CommandSpec | undefined;
	for (const spec of commands) {
		if (spec.path.every((word, index) => argv[index] === word) && (!best || spec.path.length > best.path.length)) best = spec;
	}
	return best ? {spec: best, rest: argv.slice(best.path.length)} : undefined;
}

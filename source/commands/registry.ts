import type {CommandSpec, OptionSpec} from './command.js';
import {connectionOptions, productionOption, providerOptions, runOptions} from './common-options.js';
import {templateQuestionNames} from '../core/scaffold/question-flags.js';

/** migrate new's generator flags (--from-...). */
const generateOptions = {
	'from-dev': {type: 'boolean', description: 'Generate from the development database (DATABASE_URL, else the local one) changed by hand'},
	'from-sql': {type: 'string', valueName: 'PATH', description: 'Generate from a .sql file (or a folder of them) declaring the whole desired schema'},
	'from-url': {type: 'string', valueName: 'URL', description: 'Generate from another database (only read)'},
	'from-command': {type: 'string', valueName: 'CMD', optionalValue: true, description: 'Generate from what CMD creates in an empty database given as DATABASE_URL (bare: package.json "cc-dev".fromCommand)'},
	'command-timeout': {type: 'string', valueName: 'SECONDS', description: 'Limit for --from-command (default 120)'},
	'allow-drops': {type: 'boolean', description: 'Write a change that drops tables, columns or enum values or narrows a type'},
	'dry-run': {type: 'boolean', description: 'Print the SQL and the verification, write nothing'},
	unverified: {type: 'boolean', description: 'Write even when the verification fails (the file says so)'},
	stamp: {type: 'boolean', description: 'With --from-dev: record the new revision in the development database'},
	'scratch-url': {type: 'string', valueName: 'URL', description: 'Server for the scratch databases (default: the configured database\'s server; needs CREATEDB)'},
	url: connectionOptions.url,
	wait: connectionOptions.wait,
} as const satisfies Record<string, OptionSpec>;

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
		options: {...providerOptions, yes: {type: 'boolean', short: 'y', description: 'Do not ask for confirmation'}, ...productionOption},
		load: async () => ({run: (await import('./db.js')).runDbDestroy}),
	},
	{
		path: ['db', 'logs'],
		summary: 'Show the Docker database\'s logs (-f to follow)',
		options: {...providerOptions, follow: {type: 'boolean', short: 'f', description: 'Keep streaming new lines'}, tail: {type: 'string', valueName: 'N', description: 'Only the last N lines'}},
		load: async () => ({run: (await import('./db.js')).runDbLogs}),
	},
	{
		path: ['db', 'psql'],
		summary: 'Open psql on the local database (inside the container with Docker: no local client needed)',
		options: {...providerOptions},
		takesRest: true,
		load: async () => ({run: (await import('./db.js')).runDbPsql}),
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
			...productionOption,
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
		path: ['migrate', 'new'],
		summary: 'Write a new migration from a template (asks what is missing in a terminal)',
		arguments: '[MESSAGE]',
		/** Read when parsed: one --<question> flag per question of the templates. */
		get options(): Record<string, OptionSpec> {
			const questions = templateQuestionNames().map((name): [string, OptionSpec] => [name, {type: 'string', valueName: 'VALUE', description: `Answer to the template question "${name}"`}]);
			return {
				template: {type: 'string', short: 't', valueName: 'NAME', description: 'Template: blank (the default without a terminal), create-table, add-column, add-index, ...'},
				message: {type: 'string', short: 'm', valueName: 'TEXT', description: 'What the migration does (or give it as the argument)'},
				merge: {type: 'boolean', description: 'Write a merge revision that joins the current heads'},
				...generateOptions,
				migrations: connectionOptions.migrations,
				...Object.fromEntries(questions),
			};
		},
		details: [
			'Examples:',
			'  cc-dev migrate new                                  (in a terminal: asks for the template and its answers)',
			'  cc-dev migrate new "add study goals" --template create-table --table study_goals --columns "title varchar(200) NOT NULL"',
			'  cc-dev migrate new "merge heads" --merge',
			'  cc-dev migrate new "add deck archive flag" --from-dev --stamp   (generate from the development database)',
			'  cc-dev migrate new "add deck archive flag" --from-command        (the command in package.json "cc-dev".fromCommand)',
			'Generated migrations (--from-...) are verified in a scratch database before they are written: up gives the desired schema,',
			'down the starting one, up again. Drops of tables, columns or enum values and narrowed types need --allow-drops.',
			'Templates live in templates/ (blank, create-table, add-column, add-index, ...). Without a terminal, a missing answer is an error naming its flag.',
		].join('\n'),
		load: async () => ({run: (await import('./migrate-new.js')).runMigrateNew}),
	},
	{
		path: ['migrate', 'stamp'],
		summary: 'Record REV (and its ancestors) as applied without running SQL',
		arguments: 'REV',
		options: {...runOptions, ...productionOption},
		load: async () => ({run: (await import('./migrate-admin.js')).runMigrateStamp}),
	},
	{
		path: ['migrate', 'unlock'],
		summary: 'End the session that holds the migration lock',
		options: {...connectionOptions, yes: {type: 'boolean', short: 'y', description: 'Do not ask for confirmation'}, ...productionOption},
		load: async () => ({run: (await import('./migrate-admin.js')).runMigrateUnlock}),
	},
	{
		path: ['lint'],
		summary: 'Check migrations (or any SQL file) for statements that lock or rewrite live tables, or break the running release',
		arguments: '[FILES...]',
		options: {
			reporter: {type: 'string', short: 'r', valueName: 'NAME', description: 'pretty (default), json (same as --json), junit or github (workflow annotations)'},
			pending: {type: 'boolean', description: 'Only the migrations not yet applied to the configured database'},
			severity: {type: 'string', valueName: 'RULE=LEVEL', multiple: true, description: 'Set a rule to error, warning or off (repeatable)'},
			'assume-transaction': {type: 'boolean', description: 'Plain SQL files run inside one transaction (the default, as most tools run them)'},
			'assume-no-transaction': {type: 'boolean', description: 'Plain SQL files run statement by statement, outside a transaction'},
			...connectionOptions,
		},
		details: [
			'FILES are migrations (<revision>_<slug>.sql), any other SQL file (linted as one up section, no down section expected), folders of them, or - for standard input.',
			'Without FILES, lints every migration of the migrations folder; named files are linted with that folder\'s migrations as context (column types, what exists).',
			'Suppress a finding with a reason, on the line above the statement (or in a migration\'s header, for the whole file):',
			'  -- cc-dev-lint-disable RULE: why it is safe here',
			'Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable files, 3 the database (for --pending) unreachable.',
		].join('\n'),
		load: async () => ({run: (await import('./lint.js')).runLint}),
	},
	{
		path: ['test'],
		summary: 'The validation suite: connection, migrations, commands, schema, creation, dump, lint (in scratch databases)',
		options: {
			...runOptions,
			...providerOptions,
			reporter: {type: 'string', valueName: 'NAME', description: 'pretty (default), json, junit or tap'},
			only: {type: 'string', valueName: 'CHECKS', multiple: true, description: 'Run only these checks: ids or numbers, comma-separated (connection, migrations, commands, schema, creation, dump, lint)'},
			bail: {type: 'boolean', description: 'Stop at the first failed check'},
			schema: {type: 'string', valueName: 'FILE', description: 'The committed schema dump to compare with (default: railway_schema.sql)'},
		},
		details: [
			'Runs against the configured server (DATABASE_URL, else the local database) in scratch databases that it creates and always drops; the role needs CREATEDB.',
			'The expected schema is the committed railway_schema.sql: restored into a scratch database and compared structurally with the migrated one, and compared as text with a fresh dump.',
			'Exit codes: 0 all passed, 1 a check failed, 3 an environment problem (unreachable, no CREATEDB, no pg_dump).',
		].join('\n'),
		load: async () => ({run: (await import('./test-suite.js')).runTestSuite}),
	},
	{
		path: ['dump'],
		summary: 'Schema-only dump (deterministic) to railway_schema.sql; --check compares instead of writing',
		options: {
			...connectionOptions,
			...providerOptions,
			out: {type: 'string', valueName: 'FILE', description: 'Where to write it (default: railway_schema.sql; - for stdout)'},
			check: {type: 'boolean', description: 'Compare with the file instead of writing it; exit 1 when it differs'},
			'from-migrations': {type: 'boolean', description: 'Dump a scratch database migrated to head (what the committed file must be) instead of the configured database'},
		},
		details: 'pg_dump --schema-only --no-owner --no-privileges with a fixed restrict key: inside the db container with Docker, else a local pg_dump of the server\'s major version or newer (CC_DEV_PG_DUMP to choose one).',
		load: async () => ({run: (await import('./dump.js')).runDump}),
	},
	{
		path: ['restore'],
		summary: 'Emergency recovery: restore a schema dump in one transaction and record its revision',
		arguments: 'FILE',
		options: {
			...connectionOptions,
			'lock-wait': runOptions['lock-wait'],
			yes: {type: 'boolean', short: 'y', description: 'Do not ask for confirmation'},
			clean: {type: 'boolean', description: 'Drop the public schema and everything in it first (same transaction)'},
			'allow-do': {type: 'boolean', description: 'Accept DO blocks in the dump (refused by default: they run arbitrary code)'},
			...productionOption,
			revision: {type: 'string', valueName: 'REV', description: 'The revision the dump holds (default: its "-- cc-dev revision:" line; base for none)'},
		},
		load: async () => ({run: (await import('./restore.js')).runRestore}),
	},
	{
		path: ['drift'],
		summary: 'Compare a live database with what the migrations produce at its revision; exit 1 on drift',
		options: {
			...runOptions,
			'scratch-url': {type: 'string', valueName: 'URL', description: 'Server for the scratch database (default: the live database\'s server; needs CREATEDB)'},
			write: {type: 'string', valueName: 'MESSAGE', description: 'Write the migration that captures the drift (verified like migrate new --from-dev)'},
			'allow-drops': {type: 'boolean', description: 'With --write: allow a migration that drops tables, columns or enum values'},
			stamp: {type: 'boolean', description: 'With --write: record the new revision in this database'},
		},
		details: 'Read-only on the live database: a scratch database is migrated to the revision the live one claims, and the two are compared (tables, columns, types, nullability, defaults, indexes, constraints, enums, and with the engine of migrate new --from-...: views, functions, triggers, sequences, comments, policies). --write MESSAGE turns the drift into a migration instead.',
		load: async () => ({run: (await import('./drift.js')).runDrift}),
	},
	{
		path: ['deploy'],
		summary: 'Railway deploy: wait for the database, create extensions, migrate under the lock, verify, then run -- COMMAND',
		options: {
			...runOptions,
			wait: {...runOptions.wait, description: 'How long to wait for the database to accept connections (default 30)'},
			'lock-retries': {type: 'string', valueName: 'N', description: 'Retries of a migration that hit lock_timeout (default 3)'},
			'dry-run': {type: 'boolean', description: 'Show railway.json\'s deploy settings; wait, lock, show the pending SQL and lint findings, change nothing'},
		},
		takesRest: true,
		details: [
			'Examples:',
			'  node bin/cc-dev.js deploy                (Railway preDeployCommand: migrations once per deploy)',
			'  cc-dev deploy -- gunicorn --bind 0.0.0.0:8000 src.app:app',
			'  cc-dev deploy --dry-run',
			'The start command replaces cc-dev once the migrations are done (exec: same pid), so it gets every signal and its exit code is the process\'s.',
			'Logs are timestamped lines (errors on stderr); --json writes one JSON object per event. See docs/railway-migration-guide.md.',
		].join('\n'),
		load: async () => ({run: (await import('./deploy.js')).runDeploy}),
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

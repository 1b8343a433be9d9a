import type {OptionSpec} from './command.js';

export const globalOptions = {
	help: {type: 'boolean', short: 'h', description: 'Show help'},
	verbose: {type: 'boolean', description: 'Show stack traces and more detail'},
	json: {type: 'boolean', description: 'Machine-readable output'},
	'no-color': {type: 'boolean', description: 'Plain text, no colours (NO_COLOR works too)'},
} as const satisfies Record<string, OptionSpec>;

export const connectionOptions = {
	url: {type: 'string', valueName: 'URL', description: 'Database URL (default: DATABASE_URL, else the local database)'},
	migrations: {type: 'string', valueName: 'DIR', description: 'Migrations folder (default: ./migrations)'},
	wait: {type: 'string', valueName: 'SECONDS', description: 'How long to wait for the database to accept connections (default 5)'},
} as const satisfies Record<string, OptionSpec>;

export const runOptions = {
	...connectionOptions,
	'lock-wait': {type: 'string', valueName: 'SECONDS', description: 'How long to wait for another run to release the migration lock (default 120)'},
	'lock-timeout': {type: 'string', valueName: 'INTERVAL', description: 'lock_timeout for migration statements (default 5s)'},
	'statement-timeout': {type: 'string', valueName: 'INTERVAL', description: 'statement_timeout for migration statements (default 15min)'},
} as const satisfies Record<string, OptionSpec>;

export const providerOptions = {
	provider: {type: 'string', valueName: 'NAME', description: 'docker, embedded or url (default: Docker when an engine answers, else embedded)'},
	port: {type: 'string', valueName: 'PORT', description: 'Port of the local database on 127.0.0.1 (default: docker-compose.yml)'},
} as const satisfies Record<string, OptionSpec>;

export const productionOption = {
	production: {type: 'boolean', description: 'Allow a production target (RAILWAY_ENVIRONMENT=production or a database host other than this machine)'},
} as const satisfies Record<string, OptionSpec>;

import {existsSync} from 'node:fs';
import path from 'node:path';
import {UsageError} from '../errors.js';
import {buildDatabaseUrl, parseDatabaseUrl, type ConnectionTarget} from '../database/target.js';
import {readComposeDatabaseCached} from './compose-cache.js';
import {composeDefaults, type ComposeDatabase} from './compose-file.js';
import {postgresDuration} from './duration.js';

export type ProviderChoice = 'auto' | 'docker' | 'embedded' | 'url';

/** Everything cc-dev needs to know, from flags, the environment, docker-compose.yml and defaults. */
export type Config = {
	/** The Cognition Curator project folder (holds migrations/ and docker-compose.yml). */
	readonly projectRoot: string;
	readonly migrationsDir: string;
	readonly templatesDir: string;
	/** Local state: the embedded database's files, scratch data. Git-ignored. */
	readonly stateDir: string;
	/** docker-compose.yml, when the project has one. */
	readonly composeFile: string | undefined;
	/** The local database's image, credentials, port and volume. */
	readonly local: ComposeDatabase;
	/** DATABASE_URL (or --url) when given; otherwise the local database. */
	readonly target: ConnectionTarget;
	/** True when the target came from DATABASE_URL or --url rather than the local database. */
	readonly isExternal: boolean;
	readonly provider: ProviderChoice;
	/** How long to wait for the database to accept connections. */
	readonly waitMs: number;
	/** How long to wait for another cc-dev run to release the migration lock. */
	readonly lockWaitMs: number;
	/** lock_timeout for migration sessions (PostgreSQL interval text). */
	readonly lockTimeout: string;
	/** statement_timeout for migration sessions. */
	readonly statementTimeout: string;
	/** RAILWAY_ENVIRONMENT, when set. */
	readonly railwayEnvironment: string | undefined;
};

export type ConfigOverrides = {
	readonly cwd?: string;
	readonly url?: string;
	readonly migrationsDir?: string;
	readonly provider?: string;
	readonly port?: number;
	readonly waitMs?: number;
	readonly lockWaitMs?: number;
	readonly lockTimeout?: string;
	readonly statementTimeout?: string;
};

const providers = new Set<ProviderChoice>(['auto', 'docker', 'embedded', 'url']);

/** The project root: CC_DEV_PROJECT, else the nearest folder upwards with migrations/ or docker-compose.yml. */
function findProjectRoot(cwd: string, env: NodeJS.ProcessEnv): string {
	if (env['CC_DEV_PROJECT']) return path.resolve(cwd, env['CC_DEV_PROJECT']);
	let dir = cwd;
	for (;;) {
		if (existsSync(path.join(dir, 'migrations')) || existsSync(path.join(dir, 'docker-compose.yml'))) return dir;
		const parent = path.dirname(dir);
		if (parent === dir) return cwd;
		dir = parent;
	}
}

function milliseconds(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw === '') return fallback;
	const seconds = Number(raw);
	if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`${name} must be a number of seconds (got "${raw}").`);
	return Math.round(seconds * 1000);
}

function localTarget(local: ComposeDatabase): ConnectionTarget {
	const host = local.hostIp === '0.0.0.0' || local.hostIp === '' ? '127.0.0.1' : local.hostIp;
	return parseDatabaseUrl(buildDatabaseUrl({user: local.user, password: local.password, host, port: local.hostPort, database: local.database}), 'the local database');
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
	const cwd = overrides.cwd ?? process.cwd();
	const projectRoot = findProjectRoot(cwd, env);
	const composePath = path.join(projectRoot, 'docker-compose.yml');
	const composeFile = existsSync(composePath) ? composePath : undefined;
	const portOverride = overrides.port ?? (env['CC_DEV_DB_PORT'] ? Number(env['CC_DEV_DB_PORT']) : undefined);
	if (portOverride !== undefined && (!Number.isInteger(portOverride) || portOverride < 1 || portOverride > 65_535)) {
		throw new UsageError(`The port must be a number between 1 and 65535 (got "${portOverride}").`);
	}
	const stateDir = path.resolve(projectRoot, env['CC_DEV_STATE_DIR'] ?? '.cc-dev');
	let local: ComposeDatabase | undefined;
	/** The compose file is read when first needed: a command given DATABASE_URL never needs it. */
	const readLocal = (): ComposeDatabase => {
		if (!local) {
			const composed = composeFile ? readComposeDatabaseCached(composeFile, env, stateDir) : composeDefaults;
			local = {...composed, hostPort: portOverride ?? composed.hostPort, image: env['CC_DEV_DB_IMAGE'] || composed.image};
		}
		return local;
	};
	const provider = (overrides.provider ?? env['CC_DEV_PROVIDER'] ?? 'auto') as ProviderChoice;
	if (!providers.has(provider)) throw new UsageError(`Unknown provider "${provider}".`, {hint: 'Use --provider docker, embedded or url.'});

	const url = overrides.url ?? env['DATABASE_URL'];
	const source = overrides.url ? '--url' : 'DATABASE_URL';
	const isExternal = Boolean(url);
	if (provider === 'url' && !url) {
		throw new UsageError('--provider url needs a database URL.', {hint: 'Set DATABASE_URL or pass --url.'});
	}
	const target = url ? parseDatabaseUrl(url, source) : localTarget(readLocal());

	return {
		projectRoot,
		migrationsDir: path.resolve(cwd, overrides.migrationsDir ?? env['CC_DEV_MIGRATIONS_DIR'] ?? path.join(projectRoot, 'migrations')),
		templatesDir: path.join(projectRoot, 'templates'),
		stateDir,
		composeFile,
		get local() {
			return readLocal();
		},
		target,
		isExternal,
		provider,
		waitMs: overrides.waitMs ?? milliseconds('CC_DEV_WAIT', env['CC_DEV_WAIT'], 5000),
		lockWaitMs: overrides.lockWaitMs ?? milliseconds('CC_DEV_LOCK_WAIT', env['CC_DEV_LOCK_WAIT'], 120_000),
		lockTimeout: overrides.lockTimeout === undefined ? postgresDuration('CC_DEV_LOCK_TIMEOUT', env['CC_DEV_LOCK_TIMEOUT'] || undefined, '5s') : postgresDuration('--lock-timeout', overrides.lockTimeout, '5s'),
		statementTimeout: overrides.statementTimeout === undefined ? postgresDuration('CC_DEV_STATEMENT_TIMEOUT', env['CC_DEV_STATEMENT_TIMEOUT'] || undefined, '15min') : postgresDuration('--statement-timeout', overrides.statementTimeout, '15min'),
		railwayEnvironment: env['RAILWAY_ENVIRONMENT'],
	};
}

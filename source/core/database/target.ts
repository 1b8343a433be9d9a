import {InputError} from '../errors.js';
import {registerSecret} from '../redact.js';

/** Where a connection goes. `url` holds the password; print `describeTarget(target)` instead. */
export type ConnectionTarget = {
	readonly url: string;
	readonly host: string;
	readonly port: number;
	readonly user: string;
	readonly database: string;
	/** Where the URL came from, for messages: DATABASE_URL, --url, or the local database. */
	readonly source: string;
};

/** Parses a postgres:// URL; an unparsable one is a clear input error that never echoes the password. */
export function parseDatabaseUrl(url: string, source: string): ConnectionTarget {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new InputError(`${source} is not a valid connection URL.`, {
			hint: 'Use postgresql://USER:PASSWORD@HOST:PORT/DATABASE (percent-encode special characters in the password).',
		});
	}
	if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
		throw new InputError(`${source} must start with postgresql:// (found ${parsed.protocol}//).`, {
			hint: 'Use postgresql://USER:PASSWORD@HOST:PORT/DATABASE.',
		});
	}
	const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
	if (!parsed.hostname || !database) {
		throw new InputError(`${source} needs a host and a database name.`, {
			hint: 'Use postgresql://USER:PASSWORD@HOST:PORT/DATABASE.',
		});
	}
	registerSecret(decodeURIComponent(parsed.password));
	return {
		url,
		host: parsed.hostname.replace(/^\[|\]$/g, ''),
		port: parsed.port ? Number(parsed.port) : 5432,
		user: decodeURIComponent(parsed.username) || 'postgres',
		database,
		source,
	};
}

export function buildDatabaseUrl(parts: {user: string; password: string; host: string; port: number; database: string}): string {
	registerSecret(parts.password);
	const auth = `${encodeURIComponent(parts.user)}:${encodeURIComponent(parts.password)}`;
	return `postgresql://${auth}@${parts.host}:${parts.port}/${encodeURIComponent(parts.database)}`;
}

/** user@host:port/database — what messages show instead of the URL. */
export function describeTarget(target: ConnectionTarget): string {
	return `${target.user}@${target.host}:${target.port}/${target.database}`;
}

/** The same server and credentials, another database (scratch databases, maintenance connections). */
export function withDatabase(target: ConnectionTarget, database: string): ConnectionTarget {
	const parsed = new URL(target.url);
	parsed.pathname = `/${encodeURIComponent(database)}`;
	return {...target, url: parsed.toString(), database};
}

export function isLocalHost(host: string): boolean {
	return host === 'localhost' || host === '::1' || host.startsWith('127.') || host.startsWith('/');
}

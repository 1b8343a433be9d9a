import {InputError} from '../errors.js';
import {registerSecret} from '../redact.js';
import pgConnectionString from 'pg-connection-string';

const {parse: parseConnectionString} = pgConnectionString;

/** Where a connection goes. `url` holds the password; print `describeTarget(target)` instead. */
export type ConnectionTarget = {
	readonly url: string;
	readonly host: string;
	readonly port: number;
	readonly user: string;
	readonly database: string;
	/** Where the URL came from, for messages: DATABASE_URL, --url, or the local database. */
	readonly source: string;
	/** The URL's `sslmode`, as libpq reads it (absent: no SSL, as before). */
	readonly sslMode?: SslMode;
};

/** The sslmode values libpq documents. */
export const sslModes = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = typeof sslModes[number];

function sslModeOf(parsed: URL, source: string): SslMode | undefined {
	const value = parsed.searchParams.get('sslmode');
	if (value === null) return undefined;
	if ((sslModes as readonly string[]).includes(value)) return value as SslMode;
	throw new InputError(`${source} has an unknown sslmode "${value}".`, {
		hint: `Use one of ${sslModes.join(', ')} (https://www.postgresql.org/docs/current/libpq-ssl.html).`,
	});
}

/** The URL without its `sslmode` parameter: cc-dev applies the mode itself (pg's own reading differs from libpq's). */
export function withoutSslMode(url: string): string {
	const parsed = new URL(url);
	if (!parsed.searchParams.has('sslmode')) return url;
	parsed.searchParams.delete('sslmode');
	return parsed.toString();
}

/**
 * The URL for a PostgreSQL client program (pg_dump, psql) and the password apart: a command line is
 * visible to every user of the machine (`ps`), so the password, whether in the user-info part or a
 * `?password=` parameter, travels in the child's PGPASSWORD instead.
 */
export function clientProgramConnection(target: ConnectionTarget): {readonly url: string; readonly password: string} {
	const parsed = new URL(target.url);
	const password = parseConnectionString(withoutSslMode(target.url)).password ?? '';
	parsed.password = '';
	parsed.searchParams.delete('password');
	return {url: parsed.toString(), password};
}

function decoded(text: string, source: string, part: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		throw new InputError(`${source} has a malformed percent escape in its ${part} (a % must be followed by two hexadecimal digits).`, {
			hint: 'Percent-encode special characters: write % as %25, @ as %40, : as %3A, / as %2F.',
		});
	}
}

/** Query parameters whose meaning differs between the pg driver and libpq: refused rather than guessed. */
const ambiguousParameters = ['hostaddr', 'dbname'];

/**
 * Parses a postgres:// URL; an unparsable one is a clear input error that never echoes the
 * password. Host, port and database come from pg-connection-string, the parse the pg driver
 * itself uses, so a `?host=` or `?port=` parameter is where the guards and messages look too;
 * libpq's socket form (`postgresql:///db?host=/run/postgresql`) and the encoded-host form
 * (`postgresql://u@%2Frun%2Fpostgresql/db`) both give a socket path as host.
 */
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
	for (const name of ambiguousParameters) {
		if (parsed.searchParams.has(name)) {
			throw new InputError(`${source} has a ?${name}= parameter, which cc-dev does not accept (the pg driver ignores it where libpq would use it).`, {
				hint: name === 'dbname' ? 'Put the database name in the path: postgresql://USER:PASSWORD@HOST:PORT/DATABASE.' : 'Put the server in the host part: postgresql://USER:PASSWORD@HOST:PORT/DATABASE.',
			});
		}
	}
	const sslMode = sslModeOf(parsed, source);
	const password = decoded(parsed.password, source, 'password');
	const user = decoded(parsed.username, source, 'user name');
	decoded(parsed.pathname, source, 'database name');
	const driver = parseConnectionString(withoutSslMode(url));
	const host = (driver.host ?? '').replace(/^\[|\]$/g, '');
	const database = driver.database ?? '';
	if (!host || !database) {
		throw new InputError(`${source} needs a host and a database name.`, {
			hint: 'Use postgresql://USER:PASSWORD@HOST:PORT/DATABASE (or postgresql:///DATABASE?host=/path/to/socket/dir).',
		});
	}
	const port = driver.port ? Number(driver.port) : 5432;
	if (!Number.isInteger(port) || port < 1 || port > 65_535) {
		throw new InputError(`${source} has an invalid port "${driver.port}".`, {hint: 'Use a port number from 1 to 65535.'});
	}
	registerSecret(password);
	if (typeof driver.password === 'string') registerSecret(driver.password);
	return {url, host, port, user: user || 'postgres', database, source, ...(sslMode ? {sslMode} : {})};
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

const loopbackIpv4 = /^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/;

/**
 * Whether a host is this machine: `localhost`, a 127.0.0.0/8 address written as such, `::1`, or a
 * Unix-socket directory. Any other name counts as remote, `127.db.example` included.
 */
export function isLocalHost(host: string): boolean {
	const name = host.toLowerCase().replace(/^\[|\]$/g, '');
	return name === 'localhost' || name === '::1' || name === '0:0:0:0:0:0:0:1' || loopbackIpv4.test(name) || name.startsWith('/');
}

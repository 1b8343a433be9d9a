import {existsSync} from 'node:fs';
import {spawn} from 'node:child_process';
import type {ConnectionTarget} from '../core/database/target.js';
import {EnvironmentError, type ExitCode} from '../core/errors.js';

const candidates = ['/usr/lib/postgresql/15/bin/psql', '/usr/lib/postgresql/16/bin/psql', '/usr/lib/postgresql/17/bin/psql', '/usr/bin/psql', '/usr/local/bin/psql'];

/** psql on this machine, connected to the target; the password travels in the environment, never in argv. */
export async function runLocalPsql(target: ConnectionTarget, args: readonly string[]): Promise<ExitCode> {
	const binary = candidates.find((candidate) => existsSync(candidate));
	if (!binary) {
		throw new EnvironmentError('No psql client on this machine.', {hint: 'Install one (apt-get install postgresql-client-15), or use the Docker provider: cc-dev db psql runs psql inside the container.'});
	}
	const url = new URL(target.url);
	const password = decodeURIComponent(url.password);
	url.password = '';
	const child = spawn(binary, [url.toString(), ...args], {stdio: 'inherit', env: {...process.env, PGPASSWORD: password}});
	return new Promise((resolve) => {
		child.once('exit', (code) => resolve(code === 0 ? 0 : 1));
		child.once('error', () => resolve(3));
	});
}

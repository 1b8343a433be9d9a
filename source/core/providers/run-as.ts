import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

export type OsUser = {readonly uid: number; readonly gid: number; readonly name: string};

/** An OS user's uid and primary gid as /etc/passwd lists them (`name:password:uid:gid:...`). */
export function userInPasswd(passwd: string, name: string): OsUser | undefined {
	for (const line of passwd.split('\n')) {
		const [entryName, , uid, gid] = line.split(':');
		if (entryName !== name || uid === undefined || gid === undefined || !/^\d+$/.test(uid) || !/^\d+$/.test(gid)) continue;
		return {uid: Number(uid), gid: Number(gid), name};
	}
	return undefined;
}

/**
 * PostgreSQL refuses to run as root. When cc-dev runs as root (CI, containers), the server and
 * initdb run as the `postgres` OS user instead; otherwise as the current user. /etc/passwd is read
 * first: asking `id` twice started two processes on every command that touches the embedded
 * database (70 ms on a two-core machine). `id` remains for users /etc/passwd does not list (LDAP).
 */
export function serverUser(): OsUser | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const name = process.env['CC_DEV_POSTGRES_OS_USER'] ?? 'postgres';
	let passwd = '';
	try {
		passwd = readFileSync('/etc/passwd', 'utf8');
	} catch {
		// No /etc/passwd to read: ask id.
	}
	const listed = userInPasswd(passwd, name);
	if (listed) return listed;
	try {
		const uid = Number(execFileSync('id', ['-u', name], {encoding: 'utf8'}).trim());
		const gid = Number(execFileSync('id', ['-g', name], {encoding: 'utf8'}).trim());
		return {uid, gid, name};
	} catch {
		return {uid: -1, gid: -1, name};
	}
}

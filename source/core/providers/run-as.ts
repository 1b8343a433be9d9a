import {execFileSync} from 'node:child_process';

export type OsUser = {readonly uid: number; readonly gid: number; readonly name: string};

/**
 * PostgreSQL refuses to run as root. When cc-dev runs as root (CI, containers), the server and
 * initdb run as the `postgres` OS user instead; otherwise as the current user.
 */
export function serverUser(): OsUser | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const name = process.env['CC_DEV_POSTGRES_OS_USER'] ?? 'postgres';
	try {
		const uid = Number(execFileSync('id', ['-u', name], {encoding: 'utf8'}).trim());
		const gid = Number(execFileSync('id', ['-g', name], {encoding: 'utf8'}).trim());
		return {uid, gid, name};
	} catch {
		return {uid: -1, gid: -1, name};
	}
}

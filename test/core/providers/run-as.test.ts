import {execFileSync} from 'node:child_process';
import test from 'ava';
import {serverUser, userInPasswd} from '../../../source/core/providers/run-as.js';

const passwd = [
	'root:x:0:0:root:/root:/bin/bash',
	'# a comment line',
	'postgresql:x:200:200::/nonexistent:/usr/sbin/nologin',
	'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
	'broken:x:notanumber:1::/:/bin/false',
	'',
].join('\n');

test('a user listed in /etc/passwd: its uid and primary gid, matched by the whole name', (t) => {
	t.deepEqual(userInPasswd(passwd, 'postgres'), {uid: 101, gid: 104, name: 'postgres'});
	t.deepEqual(userInPasswd(passwd, 'postgresql'), {uid: 200, gid: 200, name: 'postgresql'});
	t.is(userInPasswd(passwd, 'postgre'), undefined);
	t.is(userInPasswd(passwd, 'broken'), undefined, 'a line whose ids are not numbers is not trusted');
	t.is(userInPasswd(passwd, 'nobody-here'), undefined);
});

test('as root, the server user is the one id names', (t) => {
	if (process.getuid?.() !== 0) {
		t.is(serverUser(), undefined, 'not root: the server runs as the current user');
		return;
	}
	const user = serverUser();
	let expected;
	try {
		expected = {uid: Number(execFileSync('id', ['-u', 'postgres'], {encoding: 'utf8'}).trim()), gid: Number(execFileSync('id', ['-g', 'postgres'], {encoding: 'utf8'}).trim()), name: 'postgres'};
	} catch {
		expected = {uid: -1, gid: -1, name: 'postgres'};
	}
	t.deepEqual(user, expected);
});

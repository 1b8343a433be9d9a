import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {removeOrphanedFolders, tempFolder} from './helpers/temp-folder.js';

let made = '';

test.serial('a test\'s folder is named for its process', (t) => {
	made = tempFolder(t, 'cc-dev-probe-');
	t.regex(path.basename(made), new RegExp(`^cc-dev-probe-pid${process.pid}x[A-Za-z0-9]{6}$`));
	t.true(existsSync(made));
});

test.serial('the folder is gone once that test ended', (t) => {
	t.not(made, '');
	t.false(existsSync(made), `${made} is still there`);
});

test('folders of a test process that was killed before its teardowns are removed; a running one\'s, and other names, are kept', (t) => {
	const parent = tempFolder(t, 'cc-dev-orphans-');
	const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	const deadPid = Number(ended.stdout);
	t.true(Number.isInteger(deadPid) && deadPid > 0, ended.stderr);
	const names = [`cc-dev-image-pid${deadPid}xAb12Cd`, `ccdt-pid${deadPid}xXy34Zw`, `cc-dev-cache-pid${process.pid}xQr56St`, `something-pid${deadPid}xAb12Cd`, 'cc-dev-bench-54391'];
	for (const name of names) mkdirSync(path.join(parent, name, 'inside'), {recursive: true});
	removeOrphanedFolders(parent);
	t.deepEqual(readdirSync(parent).sort(), [`cc-dev-cache-pid${process.pid}xQr56St`, 'cc-dev-bench-54391', `something-pid${deadPid}xAb12Cd`].sort());
});

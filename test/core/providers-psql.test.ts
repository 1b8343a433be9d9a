import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {loadConfig} from '../../source/core/config/load-config.js';
import {findPsql} from '../../source/core/database/client-programs.js';
import {EnvironmentError} from '../../source/core/errors.js';
import {openPsql} from '../../source/core/providers/psql.js';
import {freshDatabase, repoRoot} from '../helpers/database.js';
import {tempFolder} from '../helpers/temp-folder.js';

function folder(t: {teardown(fn: () => void): void}): string {
	const dir = tempFolder(t, 'ccdt-psql-');
	return dir;
}

function program(file: string): void {
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, '#!/bin/sh\nexit 0\n');
	chmodSync(file, 0o755);
}

test('psql is found on PATH first, else in the newest versioned installation, else not at all', (t) => {
	const dir = folder(t);
	const roots = [{parent: path.join(dir, 'lib'), pattern: /^(\d+)$/, bin: 'bin'}];
	program(path.join(dir, 'lib', '15', 'bin', 'psql'));
	program(path.join(dir, 'lib', '17', 'bin', 'psql'));
	t.is(findPsql({PATH: ''}, roots), path.join(dir, 'lib', '17', 'bin', 'psql'));
	program(path.join(dir, 'bin', 'psql'));
	t.is(findPsql({PATH: `${path.join(dir, 'nothing')}:${path.join(dir, 'bin')}`}, roots), path.join(dir, 'bin', 'psql'));
	t.is(findPsql({PATH: ''}, []), undefined);
});

const localPsql = findPsql();
const streams = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr};

if (localPsql) {
	test('without Docker, psql runs locally on the configured database and its exit code comes back', async (t) => {
		const target = await freshDatabase(t);
		const env: NodeJS.ProcessEnv = {...process.env, DATABASE_URL: target.url};
		const config = loadConfig({cwd: repoRoot}, env);
		t.is(await openPsql(config, streams, ['-qtAc', 'select 1', '-o', '/dev/null'], {env}), 0);
		t.is(await openPsql(config, streams, ['-qv', 'ON_ERROR_STOP=1', '-c', 'select nope', '-o', '/dev/null'], {env}), 1);
		let handedOver = false;
		await openPsql(config, streams, ['-qtAc', 'select 1', '-o', '/dev/null'], {env, beforeLocalPsql: () => (handedOver = true)});
		t.true(handedOver);
	});
} else {
	test.skip('local psql: no psql client on this machine (apt-get install postgresql-client-15)', () => {});
}

test('without Docker and without a psql client, the message says how to get one', async (t) => {
	const env: NodeJS.ProcessEnv = {PATH: folder(t), DATABASE_URL: 'postgresql://u:secret@127.0.0.1:1/db'};
	const config = loadConfig({cwd: repoRoot}, env);
	const error = await t.throwsAsync(openPsql(config, streams, [], {env, versionedRoots: []}), {instanceOf: EnvironmentError});
	t.is(error?.message, 'psql is not installed on this machine.');
	t.regex(error?.hint ?? '', /postgresql-client/);
});

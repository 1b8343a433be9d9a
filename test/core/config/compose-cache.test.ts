import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {readComposeDatabaseCached} from '../../../source/core/config/compose-cache.js';
import {parseComposeDatabase} from '../../../source/core/config/compose-file.js';
import {tempFolder} from '../../helpers/temp-folder.js';

const compose = (port: string): string => `services:
  db:
    image: postgres:15-alpine
    environment:
      POSTGRES_USER: cognition_user
      POSTGRES_PASSWORD: \${DB_PASSWORD:-cognition_pass}
      POSTGRES_DB: cognition_curator_dev
    ports:
      - "127.0.0.1:${port}:5432"
`;

/** The cache's entry files, one per reading. */
function composeEntries(stateDir: string): string[] {
	const root = path.join(stateDir, 'cache', 'compose');
	return readdirSync(root, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.json')).map((name) => path.join(root, name));
}

function project(t: ExecutionContext, text: string): {file: string; stateDir: string} {
	const directory = tempFolder(t, 'cc-dev-compose-cache-');
	const file = path.join(directory, 'docker-compose.yml');
	writeFileSync(file, text);
	return {file, stateDir: path.join(directory, '.cc-dev')};
}

test('the cached reading equals the reader\'s, and the second run reads it from the cache', (t) => {
	const {file, stateDir} = project(t, compose('5433'));
	const env = {HOME: '/home/dev'};
	const first = readComposeDatabaseCached(file, env, stateDir);
	t.deepEqual(first, parseComposeDatabase(readFileSync(file, 'utf8'), file, env));
	t.deepEqual(readdirSync(path.join(stateDir, 'cache')), ['compose']);
	t.is(composeEntries(stateDir).length, 1);
	t.deepEqual(JSON.parse(JSON.stringify(readComposeDatabaseCached(file, env, stateDir))), JSON.parse(JSON.stringify(first)));
});

test('an edited file or a changed variable it uses is read again, never served from the cache', (t) => {
	const {file, stateDir} = project(t, compose('5433'));
	t.is(readComposeDatabaseCached(file, {HOME: '/home/dev'}, stateDir).hostPort, 5433);
	writeFileSync(file, compose('5434'));
	t.is(readComposeDatabaseCached(file, {HOME: '/home/dev'}, stateDir).hostPort, 5434);
	t.is(readComposeDatabaseCached(file, {HOME: '/home/dev'}, stateDir).password, 'cognition_pass');
	t.is(readComposeDatabaseCached(file, {HOME: '/home/dev', DB_PASSWORD: 'other'}, stateDir).password, 'other');
});

test('a corrupt cache is ignored and rebuilt', (t) => {
	const {file, stateDir} = project(t, compose('5433'));
	readComposeDatabaseCached(file, {}, stateDir);
	const [cacheFile] = composeEntries(stateDir);
	if (!cacheFile) throw new Error('no cache entry was written');
	writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace('"hostPort":5433', '"hostPort":5999'));
	t.is(readComposeDatabaseCached(file, {}, stateDir).hostPort, 5433);
	writeFileSync(cacheFile, 'not json');
	t.is(readComposeDatabaseCached(file, {}, stateDir).hostPort, 5433);
	t.true(readFileSync(cacheFile, 'utf8').includes('"hostPort":5433'));
});

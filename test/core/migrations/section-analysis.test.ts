import {mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {digestOf} from '../../../source/core/cache/derived-cache.js';
import type {Section} from '../../../source/core/migrations/migration.js';
import {runMigrations} from '../../../source/core/migrations/run-migrations.js';
import {analyseSection, openAnalysisCache, type AnalysisCache} from '../../../source/core/migrations/section-analysis.js';
import {freshDatabase, query, serverWaitMs} from '../../helpers/database.js';
import {migrationsDir} from '../../helpers/migrations-dir.js';
import {tempFolder} from '../../helpers/temp-folder.js';

const sql = `-- the table first
CREATE TABLE public.notes (id integer PRIMARY KEY, body text);

/* a /* nested */ comment */
CREATE INDEX CONCURRENTLY ix_notes_body ON public.notes (body);
INSERT INTO public.notes VALUES (1, 'a;b'); -- a semicolon in a string
`;
const section: Section = {sql, offset: 100, line: 7, column: 1};

function stateDir(t: ExecutionContext): string {
	return tempFolder(t, 'cc-dev-analysis-');
}

/** The files of the analysis cache, one per analysed section. */
function cacheFiles(directory: string): string[] {
	const root = path.join(directory, 'cache', 'analysis');
	return readdirSync(root, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.json')).map((name) => path.join(root, name));
}

function cacheFile(directory: string): string {
	const [file, ...others] = cacheFiles(directory);
	if (!file || others.length > 0) throw new Error(`expected one cache entry, found ${cacheFiles(directory).length}`);
	return file;
}

async function fresh(): Promise<Awaited<ReturnType<typeof analyseSection>>> {
	return analyseSection(section, 'x.sql');
}

function cache(directory: string): AnalysisCache {
	const opened = openAnalysisCache(directory);
	if (!opened) throw new Error('the parser version is unreadable: no cache');
	return opened;
}

test('without a cache: statements with their text, kind, transaction needs and tables', async (t) => {
	const statements = await fresh();
	t.deepEqual(
		statements.map((statement) => [statement.kind, statement.nonTransactional, statement.relations, /CREATE TABLE|CREATE INDEX CONCURRENTLY|INSERT INTO/.exec(statement.sql)?.[0]]),
		[
			['CreateStmt', undefined, ['notes'], 'CREATE TABLE'],
			['IndexStmt', 'CREATE INDEX CONCURRENTLY', ['notes'], 'CREATE INDEX CONCURRENTLY'],
			['InsertStmt', undefined, ['notes'], 'INSERT INTO'],
		],
	);
	for (const statement of statements) t.is(statement.sql, sql.slice(statement.start, statement.end).trim());
});

test('an analysis written to the cache is read back by the next run, identical to a fresh one', async (t) => {
	const directory = stateDir(t);
	const first = cache(directory);
	t.deepEqual(await analyseSection(section, 'x.sql', first), await fresh());
	first.save();
	t.deepEqual(await analyseSection(section, 'x.sql', cache(directory)), await fresh());
});

test('a known section is served from the cache, not parsed again', async (t) => {
	const directory = stateDir(t);
	const writer = cache(directory);
	// A consistent entry that the parser would never produce: only a cache hit can return it.
	const marked = (await fresh()).map(({sql: _sql, ...stored}) => ({...stored, relations: ['from_the_cache']}));
	writer.set(digestOf(sql), marked);
	writer.save();
	const statements = await analyseSection(section, 'x.sql', cache(directory));
	t.deepEqual(statements.map((statement) => statement.relations), [['from_the_cache'], ['from_the_cache'], ['from_the_cache']]);
});

test('an entry changed on disk is ignored and rebuilt', async (t) => {
	const directory = stateDir(t);
	const first = cache(directory);
	await analyseSection(section, 'x.sql', first);
	first.save();
	const [statement] = await fresh();
	writeFileSync(cacheFile(directory), readFileSync(cacheFile(directory), 'utf8').replace(`"end":${statement!.end},`, `"end":${statement!.end + 40},`));
	const second = cache(directory);
	t.deepEqual(await analyseSection(section, 'x.sql', second), await fresh());
	second.save();
	t.deepEqual(await analyseSection(section, 'x.sql', cache(directory)), await fresh());
	t.true(readFileSync(cacheFile(directory), 'utf8').includes(`"end":${statement!.end},`));
});

test('an entry that does not fit its section (a statement left out) is refused, even with a valid digest', async (t) => {
	const directory = stateDir(t);
	const writer = cache(directory);
	const [first, , third] = (await fresh()).map(({sql: _sql, ...stored}) => stored);
	writer.set(digestOf(sql), [first!, third!]);
	writer.save();
	t.deepEqual(await analyseSection(section, 'x.sql', cache(directory)), await fresh());
});

test('a cache entry that is not JSON, or of another parser or analysis version, is ignored', async (t) => {
	const directory = stateDir(t);
	const first = cache(directory);
	await analyseSection(section, 'x.sql', first);
	first.save();
	// A consistent entry with other contents, moved to another version's folder.
	const file = cacheFile(directory);
	const stored = JSON.parse(readFileSync(file, 'utf8')) as {key: string; value: Array<{relations: string[]}>; digest: string};
	for (const statement of stored.value) statement.relations = ['stale'];
	const otherVersion = path.join(path.dirname(path.dirname(file)), '0000000000000000');
	mkdirSync(otherVersion);
	writeFileSync(path.join(otherVersion, path.basename(file)), JSON.stringify({...stored, digest: digestOf(stored.key, JSON.stringify(stored.value))}));
	renameSync(file, `${file}.moved`);
	t.deepEqual(await analyseSection(section, 'x.sql', cache(directory)), await fresh());
	writeFileSync(file, '{"format":2,"key":');
	t.deepEqual(await analyseSection(section, 'x.sql', cache(directory)), await fresh());
});

test('a syntax error is never cached: it is reported on every run', async (t) => {
	const directory = stateDir(t);
	const broken: Section = {sql: 'CREATE TABLE (;\n', offset: 0, line: 1, column: 1};
	for (let run = 0; run < 2; run++) {
		const opened = cache(directory);
		await t.throwsAsync(analyseSection(broken, 'broken.sql', opened), {message: /broken\.sql:1:\d+: syntax error/});
		opened.save();
	}
});

test('a corrupt cache never changes what runs: a migration without a transaction still runs statement by statement', async (t) => {
	const target = await freshDatabase(t);
	const directory = stateDir(t);
	const up = 'CREATE TABLE public.notes (id integer, body text);\nCREATE INDEX CONCURRENTLY ix_notes_body ON public.notes (body);';
	const migrations = migrationsDir(t, [{revision: '000000000001', transaction: 'none', up, down: 'DROP TABLE public.notes;'}]);
	const options = {target, migrationsDir: migrations, waitMs: serverWaitMs, lockWaitMs: 10_000, lockTimeout: '2s', statementTimeout: '1min', stateDir: directory} as const;
	await runMigrations({...options, direction: 'up'});
	await runMigrations({...options, direction: 'down', to: 'base', allowProduction: false, railwayEnvironment: undefined});
	// Merge the two statements in the stored analysis: sent as one query, the index build would fail in an implicit transaction.
	const file = cacheFiles(directory).find((name) => readFileSync(name, 'utf8').includes('"kind":"CreateStmt"'))!;
	const text = readFileSync(file, 'utf8');
	const corrupt = text.replace(/"start":0,"end":(\d+),"kind":"CreateStmt"/, `"start":0,"end":${up.length},"kind":"CreateStmt"`);
	t.not(corrupt, text);
	writeFileSync(file, corrupt);
	await runMigrations({...options, direction: 'up'});
	t.deepEqual(await query(target, "select indexname from pg_indexes where tablename = 'notes'"), [{indexname: 'ix_notes_body'}]);
});

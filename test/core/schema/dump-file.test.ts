import {execFileSync} from 'node:child_process';
import {truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {InputError} from '../../../source/core/errors.js';
import {maxDumpBytes, readDumpFile} from '../../../source/core/schema/dump-file.js';
import {repoRoot} from '../../helpers/database.js';
import {tempFolder} from '../../helpers/temp-folder.js';

function file(t: ExecutionContext, name: string, content: string | Buffer): string {
	const directory = tempFolder(t, 'cc-dev-dumpfile-');
	const full = path.join(directory, name);
	writeFileSync(full, content);
	return full;
}

test('reads the committed railway_schema.sql: statements, revision, \\restrict lines skipped', async (t) => {
	const script = await readDumpFile(path.join(repoRoot, 'railway_schema.sql'));
	t.true(script.statements.length > 50);
	t.regex(script.revision ?? '', /^[0-9a-f]{12}$/);
	t.false(script.statements.some((statement) => statement.sql.startsWith('\\')));
	const create = script.statements.find((statement) => statement.sql.includes('CREATE TABLE public.users ('))!;
	t.true(script.text.slice(create.start).startsWith(create.sql));
});

const bad: Array<[string, string, string | Buffer, RegExp]> = [
	['a file that is not SQL', 'notes.sql', 'This is not SQL at all;\n', /notes\.sql:1:1: not valid SQL: syntax error at or near "This"/],
	['a pg_dump custom-format archive', 'backup.dump', Buffer.concat([Buffer.from('PGDMP'), Buffer.from([1, 14, 0, 4, 8])]), /backup\.dump is a pg_dump archive \(custom format\)/],
	['a binary file', 'image.sql', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), /image\.sql is a binary file/],
	['an empty file', 'empty.sql', '-- nothing here\n', /empty\.sql holds no SQL statements/],
	['a data dump', 'data.sql', 'CREATE TABLE t (a int);\nCOPY public.t (a) FROM stdin;\n1\n\\.\n', /data\.sql:2: the dump holds table data \(COPY \.\.\. FROM stdin\)/],
	['a dump with \\connect', 'create.sql', 'CREATE DATABASE x;\n\\connect x\nCREATE TABLE t (a int);\n', /create\.sql:2: the dump switches databases/],
	['another psql command', 'meta.sql', 'CREATE TABLE t (a int);\n\\set ON_ERROR_STOP on\n', /meta\.sql:2: the psql command \\set is not SQL/],
];

for (const [name, fileName, content, message] of bad) {
	test(`refuses ${name} with a clear input error`, async (t) => {
		const error = await t.throwsAsync(readDumpFile(file(t, fileName, content)), {instanceOf: InputError, message});
		t.is(error!.exitCode, 2);
		t.truthy(error!.hint);
	});
}

test('a file that does not exist, or a folder, is an input error', async (t) => {
	await t.throwsAsync(readDumpFile(path.join(tmpdir(), 'cc-dev-no-such-dump.sql')), {instanceOf: InputError, message: /The dump file .*cc-dev-no-such-dump\.sql does not exist/});
	await t.throwsAsync(readDumpFile(tmpdir()), {instanceOf: InputError, message: /is a folder/});
});

test('only a regular file is read: /dev/zero and a FIFO are refused at once, never read', async (t) => {
	await t.throwsAsync(readDumpFile('/dev/zero'), {instanceOf: InputError, message: /\/dev\/zero is a device, not a dump file; cc-dev restore reads regular files only/});
	const directory = tempFolder(t, 'cc-dev-dumpfile-');
	const fifo = path.join(directory, 'pipe.sql');
	execFileSync('mkfifo', [fifo]);
	// Without the check, the open blocks until a writer comes: this would never settle.
	await t.throwsAsync(readDumpFile(fifo), {instanceOf: InputError, message: /pipe\.sql is a named pipe \(FIFO\), not a dump file/});
});

test('a file larger than a schema dump can be is refused before it is read', async (t) => {
	const huge = file(t, 'huge.sql', '');
	truncateSync(huge, maxDumpBytes + 1);
	await t.throwsAsync(readDumpFile(huge), {instanceOf: InputError, message: /huge\.sql is 64 MB, more than a schema dump can be \(64 MB at most\)/});
});

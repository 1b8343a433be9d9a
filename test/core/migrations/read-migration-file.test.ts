import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {InputError} from '../../../source/core/errors.js';
import {readMigrationText} from '../../../source/core/migrations/read-migration-file.js';
import {sharedTempFolder} from '../../helpers/temp-folder.js';

const folder = sharedTempFolder(test, 'cc-dev-read-');

function file(name: string, bytes: Uint8Array | string): string {
	const target = path.join(folder, name);
	writeFileSync(target, bytes);
	return target;
}

test('UTF-8 text comes back as written, a byte order mark included', (t) => {
	const text = '\uFEFF-- up\nSELECT \'é ✓ 😀\';\n';
	t.is(readMigrationText(file('bom.sql', text)), text);
	t.is(readMigrationText(file('bom-listed.sql', text), true), text);
});

test('a U+FFFD really in the file is kept: only invalid bytes are refused', (t) => {
	const text = "-- up\nSELECT 'replacement: \uFFFD';\n";
	t.is(readMigrationText(file('fffd.sql', text)), text);
});

test('bytes that are not UTF-8 are refused with the line they are on', (t) => {
	const bytes = Buffer.concat([Buffer.from('-- up\nSELECT 1;\nSELECT \''), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from("';\n")]);
	const error = t.throws(() => readMigrationText(file('latin1.sql', bytes)), {instanceOf: InputError});
	t.is(error.message, 'latin1.sql:3: not valid UTF-8');
	// A U+FFFD earlier in the file does not hide the invalid bytes after it.
	const mixed = Buffer.concat([Buffer.from('-- up\n\uFFFD\n'), Buffer.from([0xff]), Buffer.from('\n')]);
	t.is(t.throws(() => readMigrationText(file('mixed.sql', mixed)), {instanceOf: InputError}).message, 'mixed.sql:3: not valid UTF-8');
});

test('a missing file and a folder are named, with what to do', (t) => {
	const missing = t.throws(() => readMigrationText(path.join(folder, 'gone.sql'), true), {instanceOf: InputError});
	t.is(missing.message, 'gone.sql: cannot be read (ENOENT)');
	mkdirSync(path.join(folder, 'folder.sql'));
	t.is(t.throws(() => readMigrationText(path.join(folder, 'folder.sql')), {instanceOf: InputError}).message, 'folder.sql: a folder, not a migration file');
});

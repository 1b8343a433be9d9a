import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {schemaFilePath, writeSchemaFile} from '../../../source/core/schema/schema-file.js';

test('the schema file is the project\'s railway_schema.sql, replaced in one step with nothing left beside it', (t) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'ccdt-schema-file-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const file = schemaFilePath(dir);
	t.is(file, path.join(dir, 'railway_schema.sql'));
	writeFileSync(file, 'old\n');
	writeSchemaFile(file, 'CREATE TABLE cards ();\n');
	t.is(readFileSync(file, 'utf8'), 'CREATE TABLE cards ();\n');
	t.deepEqual(readdirSync(dir), ['railway_schema.sql']);
});

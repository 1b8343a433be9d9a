import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {schemaFilePath, writeSchemaFile} from '../../../source/core/schema/schema-file.js';
import {tempFolder} from '../../helpers/temp-folder.js';

test('the schema file is the project\'s railway_schema.sql, replaced in one step with nothing left beside it', (t) => {
	const dir = tempFolder(t, 'ccdt-schema-file-');
	const file = schemaFilePath(dir);
	t.is(file, path.join(dir, 'railway_schema.sql'));
	writeFileSync(file, 'old\n');
	writeSchemaFile(file, 'CREATE TABLE cards ();\n');
	t.is(readFileSync(file, 'utf8'), 'CREATE TABLE cards ();\n');
	t.deepEqual(readdirSync(dir), ['railway_schema.sql']);
});

test('a dump that cannot take the file\'s place leaves no temporary file beside it', (t) => {
	const dir = tempFolder(t, 'ccdt-schema-file-');
	const file = schemaFilePath(dir);
	mkdirSync(path.join(file, 'in-the-way'), {recursive: true});
	t.throws(() => writeSchemaFile(file, 'CREATE TABLE cards ();\n'), {code: 'EISDIR'});
	t.deepEqual(readdirSync(dir), ['railway_schema.sql']);
});

import {renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** The committed schema dump of the project, as the original system named it. */
export const schemaFileName = 'railway_schema.sql';

export function schemaFilePath(projectRoot: string): string {
	return path.join(projectRoot, schemaFileName);
}

/** Writes a dump through a temporary file beside it and a rename, so no reader ever sees half a dump. */
export function writeSchemaFile(file: string, text: string): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, text);
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}

import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The templates shipped with cc-dev: templates/ at the package root (from source/ or dist/ alike). */
export const bundledTemplatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../templates');

/** The project's templates/ when it has one, else the templates shipped with cc-dev. */
export function resolveTemplatesDir(projectTemplatesDir: string): string {
	return existsSync(projectTemplatesDir) ? projectTemplatesDir : bundledTemplatesDir;
}

import {closeSync, constants, fstatSync, openSync, readSync, statSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../errors.js';
import {splitStatements, type Statement} from '../migrations/statements.js';
import {positionAt} from '../migrations/text-position.js';
import {refusedDumpStatements, type AllowlistOptions} from './dump-allowlist.js';
import {dumpRevision} from './dump-schema.js';

/** A plain-SQL schema dump, read and parsed, ready to run statement by statement. */
export type DumpScript = {
	readonly path: string;
	readonly fileName: string;
	/** The file as read. */
	readonly text: string;
	/** The statements, psql's `\restrict` lines left out; offsets are into `text`. */
	readonly statements: readonly Statement[];
	/** The revision named by cc-dev's header, when the dump has one. */
	readonly revision: string | undefined;
};

/** psql meta-commands pg_dump writes around a plain dump, harmless to skip. */
const skippableMeta = /^\\(un)?restrict\b/;

function notFound(file: string, error: NodeJS.ErrnoException): InputError {
	return new InputError(error.code === 'ENOENT' ? `The dump file ${file} does not exist.` : `Cannot read the dump file ${file}: ${error.code ?? error.message}`, {
		hint: 'Give the path of a plain SQL dump, e.g. railway_schema.sql (cc-dev dump writes one).',
		cause: error,
	});
}

/** The text with meta-command lines blanked (same length, so offsets and lines stay right); refuses the ones cc-dev cannot run. */
function blankMetaCommands(text: string, fileName: string): string {
	const lines = text.split('\n');
	for (const [index, line] of lines.entries()) {
		if (/^COPY\s.+\sFROM\s+stdin\b/i.test(line)) {
			throw new InputError(`${fileName}:${index + 1}: the dump holds table data (COPY ... FROM stdin), and cc-dev restore restores schema dumps only.`, {
				hint: 'Make the dump with cc-dev dump (or pg_dump --schema-only --no-owner --no-privileges), or restore this one with psql.',
			});
		}
		const trimmed = line.trimStart();
		if (!trimmed.startsWith('\\')) continue;
		if (skippableMeta.test(trimmed)) {
			lines[index] = ' '.repeat(line.length);
			continue;
		}
		if (/^\\(connect|c)\b/.test(trimmed)) {
			throw new InputError(`${fileName}:${index + 1}: the dump switches databases (\\connect, from pg_dump --create), and cc-dev restore restores schema dumps only.`, {
				hint: 'Make the dump with cc-dev dump (or pg_dump --schema-only --no-owner --no-privileges), or restore this one with psql.',
			});
		}
		throw new InputError(`${fileName}:${index + 1}: the psql command ${trimmed.split(/\s/)[0]} is not SQL, and cc-dev restore runs SQL only.`, {
			hint: 'Remove that line, or restore the file with psql.',
		});
	}
	return lines.join('\n');
}

/** A schema dump of this project is tens of kilobytes; anything near this is not one (and /dev/zero never ends). */
export const maxDumpBytes = 64 * 1024 * 1024;

const giveADump = 'Give the path of a plain SQL dump, e.g. railway_schema.sql (cc-dev dump writes one).';

/** What a path that is not a regular file is, for the refusal. */
function kindOf(stats: import('node:fs').Stats): string {
	if (stats.isDirectory()) return 'a folder';
	if (stats.isFIFO()) return 'a named pipe (FIFO)';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
	if (stats.isSocket()) return 'a socket';
	return 'not a regular file';
}

/**
 * The bytes of a dump file: only a regular file, at most `maxDumpBytes`. A device would be read
 * forever and a FIFO would block the open, so both are refused before reading; the size is checked
 * again on the open file, and never more than the cap is read.
 */
function readRegularFile(file: string): Buffer {
	let stats;
	try {
		stats = statSync(file);
	} catch (error) {
		throw notFound(file, error as NodeJS.ErrnoException);
	}
	if (!stats.isFile()) throw new InputError(`${file} is ${kindOf(stats)}, not a dump file; cc-dev restore reads regular files only.`, {hint: giveADump});
	let descriptor: number;
	try {
		descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		throw notFound(file, error as NodeJS.ErrnoException);
	}
	try {
		const opened = fstatSync(descriptor);
		if (!opened.isFile()) throw new InputError(`${file} is ${kindOf(opened)}, not a dump file; cc-dev restore reads regular files only.`, {hint: giveADump});
		if (opened.size > maxDumpBytes) {
			throw new InputError(`${file} is ${Math.round(opened.size / 1024 / 1024)} MB, more than a schema dump can be (${maxDumpBytes / 1024 / 1024} MB at most).`, {
				hint: 'cc-dev restore takes schema-only dumps (cc-dev dump); restore data dumps with psql or pg_restore.',
			});
		}
		const buffer = Buffer.alloc(Math.min(opened.size, maxDumpBytes) + 1);
		let length = 0;
		for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(descriptor, buffer, length, buffer.length - length, null);
		if (length > maxDumpBytes) throw new InputError(`${file} grew past ${maxDumpBytes / 1024 / 1024} MB while being read.`, {hint: giveADump});
		return buffer.subarray(0, length);
	} finally {
		closeSync(descriptor);
	}
}

/** The first line of a statement, shortened, to name it in a refusal. */
function firstLine(sql: string): string {
	const line = sql.split('\n')[0]!.trim();
	return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/**
 * Reads a plain SQL dump and parses it with PostgreSQL's parser; a file that is missing, binary or
 * not SQL is a clear InputError, and so is one with a statement a schema-only dump does not hold
 * (dump-allowlist.ts): every such statement is listed with file:line, before anything runs.
 */
export async function readDumpFile(file: string, options: AllowlistOptions = {}): Promise<DumpScript> {
	const fileName = path.basename(file);
	const buffer = readRegularFile(file);
	if (buffer.subarray(0, 5).toString('latin1') === 'PGDMP') {
		throw new InputError(`${fileName} is a pg_dump archive (custom format), not a SQL file.`, {hint: 'Restore it with pg_restore, or make a plain dump: cc-dev dump (or pg_dump --format plain).'});
	}
	if (buffer.includes(0)) throw new InputError(`${fileName} is a binary file, not a SQL dump.`, {hint: 'Give the path of a plain SQL dump, e.g. railway_schema.sql.'});
	const text = buffer.toString('utf8');
	const sql = blankMetaCommands(text, fileName);
	const statements = await splitStatements({sql, offset: 0, line: 1, column: 1}, fileName).catch((error: unknown) => {
		if (error instanceof InputError) {
			throw new InputError(`${error.message.replace(/^([^:]+:\d+:\d+): /, '$1: not valid SQL: ')}`, {hint: `Is ${fileName} a SQL dump? cc-dev restore takes plain SQL as written by cc-dev dump or pg_dump --schema-only.`, cause: error});
		}
		throw error;
	});
	if (statements.length === 0) throw new InputError(`${fileName} holds no SQL statements.`, {hint: 'Give the path of a schema dump made by cc-dev dump.'});
	const refused = refusedDumpStatements(statements, options);
	if (refused.length > 0) {
		const listed = refused.map(({statement, reason}) => `  ${fileName}:${positionAt(text, statement.start).line}: ${firstLine(statement.sql)}\n      ${reason}`);
		throw new InputError(`${fileName} holds ${refused.length === 1 ? 'a statement' : `${refused.length} statements`} a schema-only dump does not; nothing was run:\n${listed.join('\n')}`, {
			hint: `Remove ${refused.length === 1 ? 'it' : 'them'} (cc-dev dump writes a file restore accepts), or restore the file with psql if you trust all of it.`,
		});
	}
	return {path: file, fileName, text, statements, revision: dumpRevision(text)};
}

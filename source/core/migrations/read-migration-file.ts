import {lstatSync, readFileSync, readlinkSync, statSync} from 'node:fs';
import path from 'node:path';
import {InputError} from '../errors.js';
import type {Migration} from './migration.js';
import {parseMigration} from './parse-migration.js';

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/**
 * The text of a migration file. Bytes that are not UTF-8 are refused with the line they are on:
 * decoding them leniently would put U+FFFD into the SQL and from there into the data.
 */
export function decodeMigrationText(bytes: Uint8Array, fileName: string): string {
	try {
		return utf8.decode(bytes);
	} catch {
		let line = 1;
		let lineStart = 0;
		for (let index = 0; index <= bytes.length; index++) {
			if (index < bytes.length && bytes[index] !== 0x0a) continue;
			try {
				utf8.decode(bytes.subarray(lineStart, index));
			} catch {
				break;
			}
			line++;
			lineStart = index + 1;
		}
		return failUtf8(fileName, line);
	}
}

function failUtf8(fileName: string, line: number): never {
	throw new InputError(`${fileName}:${line}: not valid UTF-8`, {
		hint: 'Save the file as UTF-8 (that line has bytes of another encoding, e.g. Latin-1), then run again.',
	});
}

/** Why a name ending in .sql is not a readable migration file: a folder, a dangling link, a device. */
function notARegularFile(file: string): InputError | undefined {
	const fileName = path.basename(file);
	let link;
	try {
		link = lstatSync(file);
	} catch (error) {
		return new InputError(`${fileName}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {hint: 'Check that the file exists and is readable.'});
	}
	let target;
	try {
		target = statSync(file);
	} catch {
		return new InputError(`${fileName}: a symbolic link to ${readlinkSync(file)}, which does not exist`, {
			hint: 'Remove the link from the migrations folder, or point it at the migration file.',
		});
	}
	if (target.isDirectory()) {
		return new InputError(`${fileName}: a folder, not a migration file`, {hint: 'Rename or move the folder: every *.sql name in the migrations folder must be a migration file.'});
	}
	if (!target.isFile()) {
		return new InputError(`${fileName}: not a regular file${link.isSymbolicLink() ? ` (a link to ${readlinkSync(file)})` : ''}`, {
			hint: 'Every *.sql name in the migrations folder must be a regular migration file.',
		});
	}
	return undefined;
}

/**
 * Reads and decodes one migration file (a regular file, strict UTF-8); every problem is an
 * InputError naming the file. `knownRegular`: the folder listing already said it is a regular
 * file, so the two stat calls that explain what else it is are skipped.
 */
export function readMigrationText(file: string, knownRegular = false): string {
	const problem = knownRegular ? undefined : notARegularFile(file);
	if (problem) throw problem;
	try {
		// Read as UTF-8, Node decodes natively without a Buffer, about twice as fast as reading bytes
		// and decoding them here. It replaces invalid bytes with U+FFFD, so only a text that has one
		// is read again as bytes and decoded strictly (the U+FFFD may be really in the file).
		const text = readFileSync(file, 'utf8');
		return text.includes('\uFFFD') ? decodeMigrationText(readFileSync(file), path.basename(file)) : text;
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError(`${path.basename(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {hint: 'Check that the file is readable.'});
	}
}

/** Reads, decodes and parses one migration file; every problem is an InputError naming the file. */
export function readMigrationFile(file: string, knownRegular = false): Migration {
	return parseMigration(readMigrationText(file, knownRegular), file);
}

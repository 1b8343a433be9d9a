import {createHash} from 'node:crypto';
import path from 'node:path';
import {InputError} from '../errors.js';
import type {Migration, Section, TransactionMode} from './migration.js';
import {positionAt} from './text-position.js';

export const revisionPattern = /^[0-9a-f]{12}$/;
export const fileNamePattern = /^([0-9a-f]{12})_([a-z0-9_]+)\.sql$/;
const headerKeys = ['Revision', 'Revises', 'Created', 'Message', 'Transaction'] as const;
type HeaderKey = (typeof headerKeys)[number];
const upMarker = '-- migrate:up';
const downMarker = '-- migrate:down';

function problem(fileName: string, line: number, message: string, hint: string): InputError {
	return new InputError(`${fileName}:${line}: ${message}`, {hint});
}

/** The checksum of an up section: sha256 over the SQL with line endings normalised and outer whitespace trimmed. */
export function checksumOf(sql: string): string {
	return createHash('sha256').update(sql.replace(/\r\n?/g, '\n').trim()).digest('hex');
}

function sectionAt(text: string, offset: number, end: number): Section {
	const {line, column} = positionAt(text, offset);
	return {sql: text.slice(offset, end), offset, line, column};
}

const markerPrefix = '-- migrate:';

/** A line of a file: its 0-based number, where it starts, and where the next one starts. */
type FileLine = {readonly index: number; readonly start: number; readonly next: number};

/**
 * The lines of a text (split at \n; `next` is where the following line starts) that the file
 * parser needs: all of them while `wanted` says so (the header), then only those holding a marker.
 * The SQL lines in between are stepped over without being copied: for 3,000 files that copying
 * was most of the parser's time and its garbage.
 */
function* linesToRead(text: string, wanted: () => boolean): Generator<FileLine> {
	let candidate = text.indexOf(markerPrefix);
	let start = 0;
	for (let index = 0; start <= text.length; index++) {
		const newline = text.indexOf('\n', start);
		const end = newline === -1 ? text.length : newline;
		while (candidate !== -1 && candidate < start) candidate = text.indexOf(markerPrefix, candidate + 1);
		if (wanted() || (candidate !== -1 && candidate < end)) yield {index, start, next: newline === -1 ? text.length : newline + 1};
		if (newline === -1) return;
		start = newline + 1;
	}
}

/** Parses one migration file. Every problem names the file and line, and says how to fix it. */
export function parseMigration(text: string, filePath: string): Migration {
	const fileName = path.basename(filePath);
	const nameMatch = fileNamePattern.exec(fileName);
	if (!nameMatch) {
		throw new InputError(`${fileName}: the file name is not <revision>_<slug>.sql`, {
			hint: 'Name migration files like 28a8c0e6e895_initial_migration.sql: 12 lowercase hex characters, an underscore, a lowercase slug.',
		});
	}
	const headers = new Map<HeaderKey, {value: string; line: number}>();
	// The marker lines: the section after each starts at its `next`.
	let upMarkerLine: FileLine | undefined;
	let downMarkerLine: FileLine | undefined;
	let inHeader = true;
	for (const line of linesToRead(text, () => inHeader)) {
		const {index, start, next} = line;
		const trimmed = text.slice(start, next).trim();
		if (trimmed === upMarker || trimmed === downMarker) {
			inHeader = false;
			const isUp = trimmed === upMarker;
			if (isUp ? upMarkerLine : downMarkerLine) {
				throw problem(fileName, index + 1, `a second "${trimmed}" marker`, 'Keep one up and at most one down section per file.');
			}
			if (isUp) upMarkerLine = line;
			else downMarkerLine = line;
			continue;
		}
		if (!inHeader) continue;
		if (trimmed === '') continue;
		const header = /^--\s*([A-Za-z][\w-]*)\s*:(.*)$/.exec(trimmed);
		if (!header) {
			if (trimmed.startsWith('--')) continue;
			inHeader = false;
			continue;
		}
		const key = header[1]! as HeaderKey;
		if (header[1]!.startsWith('cc-dev-')) continue;
		if (!headerKeys.includes(key)) {
			throw problem(fileName, index + 1, `unknown header "${header[1]}"`, `Headers are ${headerKeys.join(', ')}.`);
		}
		if (headers.has(key)) throw problem(fileName, index + 1, `the "${key}" header appears twice`, 'Keep one of each header.');
		headers.set(key, {value: header[2]!.trim(), line: index + 1});
	}

	if (!upMarkerLine) {
		throw new InputError(`${fileName}: no "${upMarker}" marker`, {
			hint: `Put a line "${upMarker}" before the SQL that applies the migration (and "${downMarker}" before the SQL that reverts it).`,
		});
	}
	if (downMarkerLine && downMarkerLine.index < upMarkerLine.index) {
		throw problem(fileName, downMarkerLine.index + 1, `"${downMarker}" comes before "${upMarker}"`, 'Put the up section first.');
	}

	const revisionHeader = headers.get('Revision');
	if (!revisionHeader) throw problem(fileName, 1, 'no "-- Revision:" header', `Start the file with "-- Revision: ${nameMatch[1]}".`);
	const revision = revisionHeader.value;
	if (!revisionPattern.test(revision)) {
		throw problem(fileName, revisionHeader.line, `malformed revision id "${revision}"`, 'A revision id is 12 lowercase hex characters, e.g. 28a8c0e6e895.');
	}
	if (revision !== nameMatch[1]) {
		throw problem(fileName, revisionHeader.line, `the revision ${revision} does not match the file name`, `Rename the file to ${revision}_${nameMatch[2]}.sql or fix the header.`);
	}

	const revisesHeader = headers.get('Revises');
	const parents = (revisesHeader?.value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
	for (const parent of parents) {
		if (!revisionPattern.test(parent)) {
			throw problem(fileName, revisesHeader!.line, `malformed revision id "${parent}" in Revises`, 'Revises lists parent revision ids (12 lowercase hex characters), comma-separated.');
		}
	}
	if (new Set(parents).size !== parents.length) throw problem(fileName, revisesHeader!.line, 'Revises names a revision twice', 'List each parent once.');
	if (parents.includes(revision)) throw problem(fileName, revisesHeader!.line, 'the migration revises itself', 'Revises names the parent revisions.');

	const transactionHeader = headers.get('Transaction');
	const transaction = (transactionHeader?.value || 'per-migration') as TransactionMode;
	if (transaction !== 'per-migration' && transaction !== 'none') {
		throw problem(fileName, transactionHeader!.line, `unknown Transaction mode "${transactionHeader!.value}"`, 'Use "Transaction: per-migration" (the default) or "Transaction: none".');
	}

	const createdHeader = headers.get('Created');
	if (createdHeader?.value && Number.isNaN(Date.parse(createdHeader.value))) {
		throw problem(fileName, createdHeader.line, `"${createdHeader.value}" is not a date`, 'Write Created as ISO 8601, e.g. 2025-07-26T20:00:00Z.');
	}

	const up = sectionAt(text, upMarkerLine.next, downMarkerLine?.start ?? text.length);
	const down = downMarkerLine && sectionAt(text, downMarkerLine.next, text.length);

	return {
		revision,
		parents,
		message: headers.get('Message')?.value ?? nameMatch[2]!.replace(/_/g, ' '),
		created: createdHeader?.value || undefined,
		transaction,
		path: filePath,
		fileName,
		text,
		up,
		down,
		checksum: checksumOf(up.sql),
	};
}

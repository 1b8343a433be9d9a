import {byteToCharMapper} from './byte-offsets.js';
import {codeEndFinder, scanSql, type ScannedSql, type SqlComment, type SqlIdentifier} from './scan-sql.js';

/** PostgreSQL's NAMEDATALEN - 1: a longer identifier is truncated. */
const identifierBytes = 63;
/** Runs of characters an unquoted identifier is made of (any non-ASCII character included, as PostgreSQL's scanner takes them). */
const identifierRun = /[A-Za-z0-9_$\u0080-\uffff]{16,}/g;

/**
 * Whether a statement's text can hold a comment or an identifier longer than 63 bytes, which only
 * PostgreSQL's scanner can find exactly (a `--` may be inside a string). Without a comment marker,
 * a double quote or a long enough run of identifier characters, it holds neither.
 */
function needsScanner(text: string): boolean {
	if (text.includes('--') || text.includes('/*') || text.includes('"')) return true;
	for (const run of text.matchAll(identifierRun)) {
		if (Buffer.byteLength(run[0], 'utf8') > identifierBytes) return true;
	}
	return false;
}

/**
 * The comments of text that holds nothing else but whitespace and `;` (the gaps between the
 * statements of a parse: every other token belongs to a statement). Undefined if anything else is
 * found, for the caller to scan it properly.
 */
function gapComments(sql: string, from: number, to: number): SqlComment[] | undefined {
	const comments: SqlComment[] = [];
	let index = from;
	while (index < to) {
		const code = sql.charCodeAt(index);
		if (code === 59 || code === 32 || (code >= 9 && code <= 13)) {
			index++;
		} else if (sql.startsWith('--', index)) {
			let end = index + 2;
			while (end < to && sql[end] !== '\n' && sql[end] !== '\r') end++;
			comments.push({kind: 'line', start: index, end, body: sql.slice(index + 2, end).trim()});
			index = end;
		} else if (sql.startsWith('/*', index)) {
			// Block comments nest in PostgreSQL.
			let depth = 1;
			let end = index + 2;
			while (end < to && depth > 0) {
				if (sql.startsWith('/*', end)) {
					depth++;
					end += 2;
				} else if (sql.startsWith('*/', end)) {
					depth--;
					end += 2;
				} else end++;
			}
			if (depth > 0) return undefined;
			comments.push({kind: 'block', start: index, end, body: sql.slice(index + 2, end - 2).trim()});
			index = end;
		} else {
			return undefined;
		}
	}
	return comments;
}

/** PostgreSQL's scanner over sql.slice(start, end), located in `sql`. */
function scanPart(sql: string, start: number, end: number, minIdentifierLength: number): ScannedSql & {codeEnds: number[]} {
	const text = sql.slice(start, end);
	const scanned = scanSql(text, byteToCharMapper(text), minIdentifierLength);
	const shift = <T extends {start: number; end: number}>(item: T): T => ({...item, start: item.start + start, end: item.end + start});
	return {...scanned, comments: scanned.comments.map(shift), identifiers: scanned.identifiers.map(shift), codeEnds: scanned.codeEnds.map((codeEnd) => codeEnd + start)};
}

/**
 * What scanSql finds (every comment, code ends, identifiers longer than 63 bytes), for parsed SQL,
 * with PostgreSQL's scanner run only on the statements that can hold a comment or such an
 * identifier: the scan costs as much as the parse, and most statements hold neither. The gaps
 * between statements hold only whitespace, `;` and comments, which are read directly.
 * `statements`: the parse's, in order ([start, end) string indexes).
 */
export function scanStatements(sql: string, statements: ReadonlyArray<{readonly start: number; readonly end: number}>): ScannedSql {
	const comments: SqlComment[] = [];
	const identifiers: SqlIdentifier[] = [];
	const codeEnds: number[] = [];
	const minIdentifierLength = Math.ceil((identifierBytes + 1) / 4);
	const addGap = (from: number, to: number): void => {
		const found = gapComments(sql, from, to);
		if (found) comments.push(...found);
		else comments.push(...scanPart(sql, from, to, minIdentifierLength).comments);
	};
	let gapStart = 0;
	for (const statement of statements) {
		addGap(gapStart, statement.start);
		if (needsScanner(sql.slice(statement.start, statement.end))) {
			const part = scanPart(sql, statement.start, statement.end, minIdentifierLength);
			comments.push(...part.comments);
			identifiers.push(...part.identifiers.filter((identifier) => Buffer.byteLength(identifier.name, 'utf8') > identifierBytes));
			codeEnds.push(...part.codeEnds);
		} else {
			codeEnds.push(statement.end);
		}
		gapStart = statement.end;
	}
	addGap(gapStart, sql.length);
	return {comments, identifiers, codeEnds, codeEndBefore: codeEndFinder(codeEnds)};
}

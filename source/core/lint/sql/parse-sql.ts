import {loadModule, parseSync} from 'libpg-query';
import type {Node, ParseResult} from 'libpg-query';

/** One statement as the PostgreSQL parser returned it, with its byte range in the SQL. */
export type RawStatement = {
	readonly node: Node;
	/** UTF-8 byte offset where the statement's range starts (after the previous `;`, so it may include comments). */
	readonly byteStart: number;
	/** UTF-8 byte offset where the range ends (before the `;`), or undefined for "to the end". */
	readonly byteEnd: number | undefined;
};

export type ParsedSql =
	| {readonly ok: true; readonly statements: readonly RawStatement[]}
	| {readonly ok: false; readonly message: string; /** String index (UTF-16) of the error in the SQL. */ readonly offset: number};

let loading: Promise<void> | undefined;

/** Loads the parser's WASM module once per process; later calls return the same promise. */
export async function loadParser(): Promise<void> {
	loading ??= loadModule();
	await loading;
}

/** The string index of the `count`-th code point of `text` (astral characters take two indexes). */
function codePointToIndex(text: string, count: number): number {
	let index = 0;
	for (let seen = 0; seen < count && index < text.length; seen++) {
		index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
	}
	return index;
}

type SqlErrorLike = {message?: unknown; sqlDetails?: {message?: unknown; cursorPosition?: unknown}};

/** Parses SQL with the real PostgreSQL parser. Call loadParser() first. Never throws on bad SQL. */
export function parseSql(sql: string): ParsedSql {
	if (sql.trim() === '') return {ok: true, statements: []};
	let result: ParseResult;
	try {
		result = parseSync(sql) as ParseResult;
	} catch (error) {
		const details = (error as SqlErrorLike).sqlDetails;
		if (!details) throw error;
		const message = typeof details.message === 'string' ? details.message : String((error as SqlErrorLike).message);
		// Unlike node locations (bytes), PostgreSQL reports an error cursor in characters (code points).
		const codePoints = typeof details.cursorPosition === 'number' ? details.cursorPosition : 0;
		return {ok: false, message, offset: codePointToIndex(sql, codePoints)};
	}
	const statements: RawStatement[] = [];
	for (const raw of result.stmts ?? []) {
		if (!raw.stmt) continue;
		const byteStart = raw.stmt_location ?? 0;
		statements.push({node: raw.stmt, byteStart, byteEnd: raw.stmt_len ? byteStart + raw.stmt_len : undefined});
	}
	return {ok: true, statements};
}

import type {Node, ParseResult} from 'libpg-query';
import {byteToCharMapper, codePointToIndex} from './byte-offsets.js';

type Parser = typeof import('libpg-query');

/** One statement as PostgreSQL's parser returned it, located in the SQL it came from. */
export type SqlStatement = {
	readonly node: Node;
	/** The parse node's type, e.g. `IndexStmt`. */
	readonly kind: string;
	/** String index of the statement's first token (comments before it are not part of it). */
	readonly start: number;
	/** String index just after the statement's range, before its `;`, trailing whitespace left out (comments after the last token stay in). */
	readonly end: number;
	/** UTF-8 byte offset of the first token: parse-node locations are byte offsets in the same SQL. */
	readonly location: number;
};

export type ParsedSql =
	| {
			readonly ok: true;
			readonly statements: readonly SqlStatement[];
			/** Converts a byte offset in the SQL (a node's `location`) to a string index. */
			readonly toChar: (byteOffset: number) => number;
	  }
	| {readonly ok: false; readonly message: string; /** String index of the error in the SQL. */ readonly offset: number};

let parser: Parser | undefined;
let loading: Promise<Parser> | undefined;

/** Loads the parser's WASM module once per process (on first use, so commands without SQL never pay for it). */
export async function loadParser(): Promise<void> {
	loading ??= import('libpg-query').then(async (module) => {
		await module.loadModule();
		parser = module;
		return module;
	});
	await loading;
}

/** The loaded parser; loadParser() must have completed. */
export function loadedParser(): Parser {
	if (!parser) throw new Error('The SQL parser is not loaded: await loadParser() first.');
	return parser;
}

type SqlErrorLike = {message?: unknown; sqlDetails?: {message?: unknown; cursorPosition?: unknown}};

function isSpace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Parses SQL with PostgreSQL's own parser (libpg-query). Call loadParser() first. Never throws on
 * bad SQL: a syntax error comes back with its message and string index. Linear in the size of
 * the SQL.
 */
export function parseSql(sql: string): ParsedSql {
	const toChar = byteToCharMapper(sql);
	if (sql.trim() === '') return {ok: true, statements: [], toChar};
	let result: ParseResult;
	try {
		result = loadedParser().parseSync(sql);
	} catch (error) {
		const details = (error as SqlErrorLike).sqlDetails;
		if (!details) throw error;
		const message = typeof details.message === 'string' ? details.message : String((error as SqlErrorLike).message);
		// Unlike node locations (bytes), PostgreSQL reports an error cursor in characters (code points).
		const codePoints = typeof details.cursorPosition === 'number' ? details.cursorPosition : 0;
		return {ok: false, message, offset: codePointToIndex(sql, codePoints)};
	}
	const statements: SqlStatement[] = [];
	for (const raw of result.stmts ?? []) {
		if (!raw.stmt) continue;
		const location = raw.stmt_location ?? 0;
		const start = toChar(location);
		let end = raw.stmt_len ? toChar(location + raw.stmt_len) : sql.length;
		while (end > start && isSpace(sql.charCodeAt(end - 1))) end--;
		statements.push({node: raw.stmt, kind: Object.keys(raw.stmt)[0] ?? 'Unknown', start, end, location});
	}
	return {ok: true, statements, toChar};
}

import type {Node, ParseResult} from 'libpg-query';
import {CancelledError} from '../errors.js';
import {byteToCharMapper, codePointToIndex} from './byte-offsets.js';
import {keepWebAssemblyOnBaselineCompiler} from './webassembly-tiering.js';

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

/** A parse: each statement (or what `keep` made of it), or the syntax error. */
export type ParsedSqlOf<T> =
	| {
			readonly ok: true;
			readonly statements: readonly T[];
			/** Converts a byte offset in the SQL (a node's `location`) to a string index. */
			readonly toChar: (byteOffset: number) => number;
	  }
	| {readonly ok: false; readonly message: string; /** String index of the error in the SQL. */ readonly offset: number};

export type ParsedSql = ParsedSqlOf<SqlStatement>;

let parser: Parser | undefined;
let loading: Promise<Parser> | undefined;

/** Loads the parser's WASM module once per process (on first use, so commands without SQL never pay for it). */
export async function loadParser(): Promise<void> {
	if (!loading) {
		keepWebAssemblyOnBaselineCompiler();
		loading = import('libpg-query').then(async (module) => {
			await module.loadModule();
			parser = module;
			return module;
		});
	}
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

/** Text larger than this is parsed a piece at a time (see parseSteps). */
const pieceChars = 16 * 1024;

type PieceOutcome = {readonly ok: true; readonly result: ParseResult} | {readonly ok: false; readonly message: string; readonly codePoints: number};

function parsePiece(piece: string): PieceOutcome {
	try {
		return {ok: true, result: loadedParser().parseSync(piece)};
	} catch (error) {
		const details = (error as SqlErrorLike).sqlDetails;
		if (!details) throw error;
		const message = typeof details.message === 'string' ? details.message : String((error as SqlErrorLike).message);
		// Unlike node locations (bytes), PostgreSQL reports an error cursor in characters (code points).
		return {ok: false, message, codePoints: typeof details.cursorPosition === 'number' ? details.cursorPosition : 0};
	}
}

/** String index just after the first `;` at or after `from` that a line break follows, or the text's end. */
function pieceEnd(sql: string, from: number): number {
	for (let semicolon = sql.indexOf(';', from); semicolon !== -1; semicolon = sql.indexOf(';', semicolon + 1)) {
		const next = sql.charCodeAt(semicolon + 1);
		if (next === 10 || next === 13) return semicolon + 1;
	}
	return sql.length;
}

/**
 * Whether a piece's last statement ends at the piece's final `;`: then that `;` is a statement
 * terminator the parser saw, not text inside a comment, and the rest of the SQL starts afresh.
 */
function endsAtTerminator(result: ParseResult, pieceBytes: number): boolean {
	const last = result.stmts?.at(-1);
	return last?.stmt_len !== undefined && last.stmt_len > 0 && (last.stmt_location ?? 0) + last.stmt_len === pieceBytes - 1;
}

/** Adds `bytes` to every byte offset of a parse tree parsed from a piece that starts `bytes` into the SQL. */
function shiftLocations(value: unknown, bytes: number): void {
	if (Array.isArray(value)) {
		for (const item of value) shiftLocations(item, bytes);
		return;
	}
	if (typeof value !== 'object' || value === null) return;
	const record = value as Record<string, unknown>;
	for (const key in record) {
		const field = record[key];
		if (typeof field === 'number') {
			if ((key === 'location' || key === 'name_location') && field >= 0) record[key] = field + bytes;
		} else if (typeof field === 'object') {
			shiftLocations(field, bytes);
		}
	}
}

/**
 * The parse, a piece at a time: libpg-query's cost grows faster than the text (one JSON string
 * for the whole tree), so a 5 MB migration is parsed in pieces of about 16 KB cut after a `;` at
 * the end of a line, and the generator yields between pieces so that a caller can let signals in.
 * A cut is kept only when PostgreSQL's parse of the piece succeeds and its last statement ends at
 * that `;`: a cut inside a string, dollar quote, comment, parenthesis or BEGIN ATOMIC body makes
 * the piece fail or end elsewhere, and the piece then grows (doubling) to the next cut, up to the
 * end of the text, whose parse error is then exactly the one the whole text gives. Locations are
 * shifted back to the whole text, so the result is the same as one parse of it.
 */
function* parseSteps<T>(sql: string, keep: (statement: SqlStatement) => T): Generator<void, ParsedSqlOf<T>> {
	const toChar = byteToCharMapper(sql);
	if (sql.trim() === '') return {ok: true, statements: [], toChar};
	const statements: T[] = [];
	let start = 0;
	let startByte = 0;
	let size = pieceChars;
	while (start < sql.length) {
		const end = start + size >= sql.length ? sql.length : pieceEnd(sql, start + size);
		const piece = sql.slice(start, end);
		const outcome = parsePiece(piece);
		const last = end === sql.length;
		const pieceBytes = last ? 0 : Buffer.byteLength(piece, 'utf8');
		if (!last && (!outcome.ok || !endsAtTerminator(outcome.result, pieceBytes))) {
			size *= 2;
			continue;
		}
		if (!outcome.ok) return {ok: false, message: outcome.message, offset: start + codePointToIndex(piece, outcome.codePoints)};
		for (const raw of outcome.result.stmts ?? []) {
			if (!raw.stmt) continue;
			if (startByte > 0) shiftLocations(raw.stmt, startByte);
			const location = (raw.stmt_location ?? 0) + startByte;
			const statementStart = toChar(location);
			let statementEnd = raw.stmt_len ? toChar(location + raw.stmt_len) : sql.length;
			while (statementEnd > statementStart && isSpace(sql.charCodeAt(statementEnd - 1))) statementEnd--;
			statements.push(keep({node: raw.stmt, kind: Object.keys(raw.stmt)[0] ?? 'Unknown', start: statementStart, end: statementEnd, location}));
		}
		if (last) break;
		start = end;
		startByte += pieceBytes;
		size = pieceChars;
		yield;
	}
	return {ok: true, statements, toChar};
}

/**
 * Parses SQL with PostgreSQL's own parser (libpg-query). Call loadParser() first. Never throws on
 * bad SQL: a syntax error comes back with its message and string index. Linear in the size of
 * the SQL.
 */
export function parseSql(sql: string): ParsedSql {
	const steps = parseSteps(sql, (statement) => statement);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * parseSql for SQL that may be large: lets the event loop run between pieces, so that Ctrl-C and
 * SIGTERM are handled during the parse of a 5 MB file, and stops with CancelledError once `signal`
 * is aborted. `keep` turns each statement into what the caller needs as it is parsed, so that the
 * parse trees of 40,000 statements need not all be held at once. Loads the parser if needed.
 */
export async function parseSqlCancellable<T>(sql: string, keep: (statement: SqlStatement) => T, signal?: AbortSignal): Promise<ParsedSqlOf<T>> {
	await loadParser();
	const steps = parseSteps(sql, keep);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await new Promise((resolve) => setImmediate(resolve));
		if (signal?.aborted) throw new CancelledError('Cancelled while parsing the migrations.');
	}
}

/**
 * A small SQL lexer for what the parse tree does not keep: comments (where suppressions live) and
 * identifiers as written (the parser truncates them to 63 bytes). It walks the text the way
 * PostgreSQL's scanner does: string literals (with E'' escapes), quoted identifiers and
 * dollar-quoted bodies are skipped whole, so "--" inside a function body or a string is not taken
 * for a comment. Statement structure always comes from the parser, never from this lexer.
 */

export type SqlComment = {
	readonly kind: 'line' | 'block';
	/** String index of the first character (`-` or `/`). */
	readonly start: number;
	/** String index just after the comment (a line comment stops before its newline). */
	readonly end: number;
	/** The comment text without its delimiters, trimmed. */
	readonly body: string;
};

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
}

function isIdentStart(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 0x80;
}

function isIdentPart(code: number): boolean {
	return isIdentStart(code) || (code >= 48 && code <= 57) || code === 36;
}

function lineCommentEnd(sql: string, start: number): number {
	const newline = sql.indexOf('\n', start);
	return newline === -1 ? sql.length : newline;
}

function blockCommentEnd(sql: string, start: number): number {
	let depth = 0;
	let index = start;
	while (index < sql.length) {
		if (sql.startsWith('/*', index)) {
			depth++;
			index += 2;
		} else if (sql.startsWith('*/', index)) {
			depth--;
			index += 2;
			if (depth === 0) return index;
		} else index++;
	}
	return sql.length;
}

function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
	let index = start + 1;
	while (index < sql.length) {
		const char = sql[index];
		if (backslashEscapes && char === '\\') index += 2;
		else if (char === quote) {
			if (sql[index + 1] === quote) index += 2;
			else return index + 1;
		} else index++;
	}
	return sql.length;
}

/** The dollar-quote tag starting at `start` (`$$` or `$tag$`), or undefined. */
function dollarTag(sql: string, start: number): string | undefined {
	let index = start + 1;
	if (sql.charCodeAt(index) === 36) return '$$';
	if (!isIdentStart(sql.charCodeAt(index))) return undefined;
	while (index < sql.length) {
		const code = sql.charCodeAt(index);
		if (code === 36) return sql.slice(start, index + 1);
		if (!(isIdentStart(code) || (code >= 48 && code <= 57))) return undefined;
		index++;
	}
	return undefined;
}

/** An identifier token: unquoted ones folded to lower case (ASCII only, as PostgreSQL does), quoted ones unescaped. */
export type SqlIdentifier = {
	readonly name: string;
	readonly start: number;
	readonly end: number;
	readonly quoted: boolean;
};

type Visitor = {
	readonly comment?: (comment: SqlComment) => void;
	readonly identifier?: (identifier: SqlIdentifier) => void;
	/** Report only identifiers of at least this many characters (saves allocations). */
	readonly minIdentifierLength?: number;
};

/** Walks `sql` from `from` to `to` token by token, reporting comments and identifiers. */
function scan(sql: string, visitor: Visitor, from = 0, to = sql.length): void {
	const minLength = visitor.minIdentifierLength ?? 0;
	let index = from;
	while (index < to) {
		const code = sql.charCodeAt(index);
		if (code === 45 && sql.charCodeAt(index + 1) === 45) {
			const end = lineCommentEnd(sql, index);
			visitor.comment?.({kind: 'line', start: index, end, body: sql.slice(index + 2, end).trim()});
			index = end;
		} else if (code === 47 && sql.charCodeAt(index + 1) === 42) {
			const end = blockCommentEnd(sql, index);
			visitor.comment?.({kind: 'block', start: index, end, body: sql.slice(index + 2, Math.max(index + 2, end - 2)).trim()});
			index = end;
		} else if (code === 39) {
			index = quotedEnd(sql, index, "'", false);
		} else if (code === 34) {
			const end = quotedEnd(sql, index, '"', false);
			if (visitor.identifier && end - index - 2 >= minLength) {
				visitor.identifier({name: sql.slice(index + 1, Math.max(index + 1, end - 1)).replaceAll('""', '"'), start: index, end, quoted: true});
			}
			index = end;
		} else if (code === 36) {
			const tag = dollarTag(sql, index);
			if (tag === undefined) index++;
			else {
				const close = sql.indexOf(tag, index + tag.length);
				index = close === -1 ? sql.length : close + tag.length;
			}
		} else if (isIdentStart(code)) {
			const start = index;
			while (index < sql.length && isIdentPart(sql.charCodeAt(index))) index++;
			if (index - start === 1 && (code === 69 || code === 101) && sql.charCodeAt(index) === 39) {
				// E'...' strings take backslash escapes.
				index = quotedEnd(sql, index, "'", true);
			} else if (visitor.identifier && index - start >= minLength && sql.charCodeAt(index) !== 39) {
				// (A word directly before a quote is a string prefix such as B'..', X'..', N'..'.)
				const word = sql.slice(start, index);
				visitor.identifier({name: word.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()), start, end: index, quoted: false});
			}
		} else if (code >= 48 && code <= 57) {
			while (index < sql.length && (isIdentPart(sql.charCodeAt(index)) || sql.charCodeAt(index) === 46)) index++;
		} else index++;
	}
}

/** What one pass over a section finds. */
export type ScannedSql = {
	/** Every comment, in order. */
	readonly comments: readonly SqlComment[];
	/** Identifiers (and keywords) of at least `minIdentifierLength` characters, in order. */
	readonly identifiers: readonly SqlIdentifier[];
};

/** One pass over `sql`: its comments and its identifiers of at least `minIdentifierLength` characters. */
export function scanSql(sql: string, minIdentifierLength = 0): ScannedSql {
	const comments: SqlComment[] = [];
	const identifiers: SqlIdentifier[] = [];
	scan(sql, {comment: (comment) => comments.push(comment), identifier: (identifier) => identifiers.push(identifier), minIdentifierLength});
	return {comments, identifiers};
}

/** Every comment in `sql`, in order. */
export function scanComments(sql: string): SqlComment[] {
	const comments: SqlComment[] = [];
	scan(sql, {comment: (comment) => comments.push(comment)});
	return comments;
}

/** The index of the first character at or after `from` that is neither whitespace nor a comment. */
export function skipTrivia(sql: string, from: number): number {
	let index = from;
	while (index < sql.length) {
		const code = sql.charCodeAt(index);
		if (isSpace(code)) index++;
		else if (code === 45 && sql.charCodeAt(index + 1) === 45) index = lineCommentEnd(sql, index);
		else if (code === 47 && sql.charCodeAt(index + 1) === 42) index = blockCommentEnd(sql, index);
		else break;
	}
	return index;
}

/**
 * The index just after the last character before `to` (and not before `from`) that is neither
 * whitespace nor inside one of `comments` (sorted, as scanComments returns them).
 */
export function trimTrailingTrivia(sql: string, from: number, to: number, comments: readonly SqlComment[]): number {
	let end = to;
	while (end > from) {
		if (isSpace(sql.charCodeAt(end - 1))) {
			end--;
			continue;
		}
		const comment = commentContaining(comments, end - 1);
		if (comment === undefined) break;
		end = comment.start;
	}
	return Math.max(end, from);
}

function commentContaining(comments: readonly SqlComment[], index: number): SqlComment | undefined {
	let low = 0;
	let high = comments.length - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const comment = comments[middle]!;
		if (index < comment.start) high = middle - 1;
		else if (index >= comment.end) low = middle + 1;
		else return comment;
	}
	return undefined;
}

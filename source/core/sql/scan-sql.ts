import {loadedParser} from './parse-sql.js';

/** A comment, where suppressions live (the parse tree does not keep comments). */
export type SqlComment = {
	readonly kind: 'line' | 'block';
	/** String index of the first character (`-` or `/`). */
	readonly start: number;
	/** String index just after the comment (a line comment stops before its newline). */
	readonly end: number;
	/** The comment text without its delimiters, trimmed. */
	readonly body: string;
};

/** An identifier as written (the parse tree holds names already truncated to 63 bytes): unquoted ones folded to lower case (ASCII only, as PostgreSQL does), quoted ones unescaped. */
export type SqlIdentifier = {
	readonly name: string;
	readonly start: number;
	readonly end: number;
	readonly quoted: boolean;
};

/** What PostgreSQL's scanner finds in SQL that the parse tree does not keep. */
export type ScannedSql = {
	/** Every comment, in order. */
	readonly comments: readonly SqlComment[];
	/** Identifiers of at least `minIdentifierLength` characters, in order. */
	readonly identifiers: readonly SqlIdentifier[];
	/** The string index just after each token that is not a comment, in order. */
	readonly codeEnds: readonly number[];
	/** The string index just after the last token (not a comment) that ends at or before `index`, or `from` when none ends in [from, index]. */
	readonly codeEndBefore: (index: number, from: number) => number;
};

function identifierOf(text: string, start: number, end: number): SqlIdentifier {
	if (text.startsWith('"')) return {name: text.slice(1, -1).replaceAll('""', '"'), start, end, quoted: true};
	return {name: text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()), start, end, quoted: false};
}

/**
 * Scans SQL that parsed with PostgreSQL's own scanner (libpg-query's scanSync): strings, dollar
 * quotes and nested comments are recognised exactly as the server does. Call loadParser() first.
 * `toChar` converts the scanner's byte offsets (parseSql returns one for the same SQL).
 */
export function scanSql(sql: string, toChar: (byteOffset: number) => number, minIdentifierLength = 0): ScannedSql {
	const comments: SqlComment[] = [];
	const identifiers: SqlIdentifier[] = [];
	const codeEnds: number[] = [];
	for (const token of loadedParser().scanSync(sql).tokens) {
		const start = toChar(token.start);
		const end = toChar(token.end);
		if (token.tokenName === 'SQL_COMMENT') comments.push({kind: 'line', start, end, body: token.text.slice(2).trim()});
		else if (token.tokenName === 'C_COMMENT') comments.push({kind: 'block', start, end, body: token.text.slice(2, token.text.endsWith('*/') ? -2 : undefined).trim()});
		else {
			codeEnds.push(end);
			if (token.tokenName === 'IDENT' && end - start >= minIdentifierLength) identifiers.push(identifierOf(token.text, start, end));
		}
	}
	return {comments, identifiers, codeEnds, codeEndBefore: codeEndFinder(codeEnds)};
}

/** See ScannedSql.codeEndBefore: a binary search over the code ends, in order. */
export function codeEndFinder(codeEnds: readonly number[]): ScannedSql['codeEndBefore'] {
	return (index, from) => {
		let low = 0;
		let high = codeEnds.length - 1;
		let found = -1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			if (codeEnds[middle]! <= index) {
				found = middle;
				low = middle + 1;
			} else high = middle - 1;
		}
		return found === -1 ? from : Math.max(codeEnds[found]!, from);
	};
}

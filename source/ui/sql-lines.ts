import type {SqlBlock} from './services/types.js';

export type SegmentKind = 'keyword' | 'string' | 'comment' | 'number' | 'plain';

export type Segment = {readonly text: string; readonly kind: SegmentKind};

/** A line of the SQL view: a migration boundary, or code split into highlighted segments. */
export type SqlLine =
	| {readonly kind: 'boundary'; readonly title: string; readonly transaction: SqlBlock['transaction']}
	| {readonly kind: 'code'; readonly segments: readonly Segment[]};

const keywords = new Set(
	`add all alter and as asc begin between by cascade case check column commit concurrently constraint create default deferrable delete desc distinct do drop else end enum exists extension for foreign from function grant group having if in index inner insert into is join key language left like limit loop not null on or order primary raise references rename replace restrict returns return rollback select set table then to transaction trigger truncate type union unique update using valid validate values view when where with declare exception perform execute elsif exit after before each row of notice value values concurrently`.split(' '),
);

const token = /(--.*$)|('(?:[^']|'')*'?)|(\$[a-z_]*\$)|(\b\d+(?:\.\d+)?\b)|([a-z_][a-z0-9_]*)|(\/\*)|(\*\/)|(\s+|.)/gi;

/** Splits one line of SQL into segments; `inComment` carries a block comment across lines. */
export function highlightLine(line: string, state: {inComment: boolean}): Segment[] {
	const segments: Segment[] = [];
	const push = (text: string, kind: SegmentKind): void => {
		const last = segments.at(-1);
		if (last && last.kind === kind) segments[segments.length - 1] = {text: last.text + text, kind};
		else segments.push({text, kind});
	};
	for (const match of line.matchAll(token)) {
		const [text, comment, string, dollar, number, word, open, close] = match;
		if (state.inComment) {
			push(text, 'comment');
			if (close) state.inComment = false;
		} else if (open) {
			state.inComment = true;
			push(text, 'comment');
		} else if (comment) push(text, 'comment');
		else if (string || dollar) push(text, 'string');
		else if (number) push(text, 'number');
		else if (word && keywords.has(word.toLowerCase())) push(text, 'keyword');
		else push(text, 'plain');
	}
	return segments;
}

/** The lines of the SQL view for some blocks: each block's boundary, then its SQL, highlighted. */
export function sqlLines(blocks: readonly SqlBlock[]): SqlLine[] {
	const lines: SqlLine[] = [];
	for (const block of blocks) {
		lines.push({kind: 'boundary', title: block.title, transaction: block.transaction});
		const state = {inComment: false};
		for (const line of block.sql.replace(/\t/g, '    ').split('\n')) lines.push({kind: 'code', segments: highlightLine(line, state)});
	}
	return lines;
}

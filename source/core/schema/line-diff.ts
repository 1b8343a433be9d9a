import {plural} from '../plural.js';
/** One line of an edit script: kept (' '), removed from the first text ('-') or added by the second ('+'). */
export type DiffLine = {readonly op: ' ' | '-' | '+'; readonly text: string};

/** Myers' O(ND) shortest edit script between two lists of lines. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
	const n = before.length;
	const m = after.length;
	const max = n + m;
	const offset = max + 1;
	const frontier = new Int32Array(2 * max + 3);
	const trace: Int32Array[] = [];
	let found = false;
	for (let d = 0; d <= max && !found; d++) {
		trace.push(frontier.slice());
		for (let k = -d; k <= d; k += 2) {
			let x = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
			let y = x - k;
			while (x < n && y < m && before[x] === after[y]) {
				x++;
				y++;
			}
			frontier[offset + k] = x;
			if (x >= n && y >= m) {
				found = true;
				break;
			}
		}
	}
	const script: DiffLine[] = [];
	let x = n;
	let y = m;
	for (let d = trace.length - 1; d >= 0; d--) {
		const previous = trace[d]!;
		const k = x - y;
		const previousK = k === -d || (k !== d && previous[offset + k - 1]! < previous[offset + k + 1]!) ? k + 1 : k - 1;
		const previousX = d === 0 ? 0 : previous[offset + previousK]!;
		const previousY = previousX - previousK;
		while (x > previousX && y > previousY) {
			x--;
			y--;
			script.push({op: ' ', text: before[x]!});
		}
		if (d > 0) {
			if (x === previousX) script.push({op: '+', text: after[--y]!});
			else script.push({op: '-', text: before[--x]!});
		}
	}
	return script.reverse();
}

export type UnifiedDiffOptions = {
	readonly fromName?: string;
	readonly toName?: string;
	/** Unchanged lines shown around each change (default 3). */
	readonly context?: number;
	/** Stop after this many output lines (default: no limit); the rest is summarised in one line. */
	readonly maxLines?: number;
};

/** A unified diff (`--- a`, `+++ b`, `@@ -l,s +l,s @@` hunks); empty when the texts are equal. */
export function unifiedDiff(before: readonly string[], after: readonly string[], options: UnifiedDiffOptions = {}): string[] {
	const script = diffLines(before, after);
	if (script.every((line) => line.op === ' ')) return [];
	const context = options.context ?? 3;
	const lines = [`--- ${options.fromName ?? 'a'}`, `+++ ${options.toName ?? 'b'}`];
	const changed = script.map((line, index) => (line.op === ' ' ? -1 : index)).filter((index) => index >= 0);
	let start = 0;
	while (start < changed.length) {
		let end = start;
		while (end + 1 < changed.length && changed[end + 1]! - changed[end]! <= 2 * context + 1) end++;
		const from = Math.max(changed[start]! - context, 0);
		const to = Math.min(changed[end]! + context + 1, script.length);
		let oldLine = 1;
		let newLine = 1;
		for (const line of script.slice(0, from)) {
			if (line.op !== '+') oldLine++;
			if (line.op !== '-') newLine++;
		}
		const hunk = script.slice(from, to);
		const oldCount = hunk.filter((line) => line.op !== '+').length;
		const newCount = hunk.filter((line) => line.op !== '-').length;
		lines.push(`@@ -${oldLine},${oldCount} +${newLine},${newCount} @@`, ...hunk.map((line) => `${line.op}${line.text}`));
		start = end + 1;
	}
	if (options.maxLines !== undefined && lines.length > options.maxLines) {
		const hidden = lines.length - options.maxLines;
		return [...lines.slice(0, options.maxLines), `... ${plural(hidden, 'more diff line')}`];
	}
	return lines;
}

/** 1-based line and column of character offsets in one text, by binary search over line starts. */
export type LineIndex = {
	readonly positionAt: (offset: number) => {line: number; column: number};
	/** The character offset where a 1-based line starts. */
	readonly lineStart: (line: number) => number;
};

export function createLineIndex(text: string): LineIndex {
	const starts: number[] = [0];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
	return {
		positionAt(offset) {
			const clamped = Math.min(Math.max(offset, 0), text.length);
			let low = 0;
			let high = starts.length - 1;
			while (low < high) {
				const middle = (low + high + 1) >> 1;
				if (starts[middle]! <= clamped) low = middle;
				else high = middle - 1;
			}
			return {line: low + 1, column: clamped - starts[low]! + 1};
		},
		lineStart(line) {
			return starts[Math.min(Math.max(line - 1, 0), starts.length - 1)]!;
		},
	};
}

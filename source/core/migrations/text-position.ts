/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(Math.max(offset, 0), text.length);
	for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
		line++;
		lineStart = index + 1;
	}
	return {line, column: end - lineStart + 1};
}

/** Converts a UTF-8 byte offset (what the PostgreSQL parser reports) into a string index. */
export function byteToCharOffset(text: string, byteOffset: number): number {
	if (byteOffset <= 0) return 0;
	// Fast path: pure ASCII text has equal offsets.
	if (!/[^\u0000-\u007F]/.test(text)) return Math.min(byteOffset, text.length);
	return Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

/**
 * Returns a function converting UTF-8 byte offsets in `text` (what the parser and scanner report)
 * to string indexes. Building it is one pass over the text and each lookup is constant time, so
 * mapping every statement of a large migration stays linear.
 */
export function byteToCharMapper(text: string): (byteOffset: number) => number {
	let ascii = true;
	for (let index = 0; index < text.length; index++) {
		if (text.charCodeAt(index) > 0x7f) {
			ascii = false;
			break;
		}
	}
	if (ascii) return (byteOffset) => Math.min(Math.max(byteOffset, 0), text.length);
	const byteLength = Buffer.byteLength(text, 'utf8');
	const map = new Uint32Array(byteLength + 1);
	let byte = 0;
	for (let index = 0; index < text.length; ) {
		const codePoint = text.codePointAt(index)!;
		const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
		for (let part = 0; part < size; part++) map[byte + part] = index;
		byte += size;
		index += codePoint > 0xffff ? 2 : 1;
	}
	map[byteLength] = text.length;
	return (byteOffset) => map[Math.min(Math.max(byteOffset, 0), byteLength)]!;
}

/** The string index of the `count`-th code point of `text` (astral characters take two indexes). */
export function codePointToIndex(text: string, count: number): number {
	let index = 0;
	for (let seen = 0; seen < count && index < text.length; seen++) {
		index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
	}
	return index;
}

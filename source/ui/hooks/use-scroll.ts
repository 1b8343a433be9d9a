import {useState} from 'react';
import {useKeys} from './use-keys.js';

/** Where a scrolled list starts, kept within [0, total - height]. */
export function clampOffset(offset: number, total: number, height: number): number {
	return Math.max(0, Math.min(offset, Math.max(total - height, 0)));
}

/**
 * Keyboard scrolling of `total` lines in a window of `height`: ↑↓ and j/k by a line, PgUp/PgDn,
 * space and b by a page, g/Home and G/End to the ends.
 */
export function useScroll(total: number, height: number, isActive = true): {offset: number; reset: () => void} {
	const [raw, setOffset] = useState(0);
	const offset = clampOffset(raw, total, height);
	const page = Math.max(height - 1, 1);
	useKeys(
		(input, key) => {
			if (key.ctrl) return;
			let next: number | undefined;
			if (key.downArrow || input === 'j') next = offset + 1;
			else if (key.upArrow || input === 'k') next = offset - 1;
			else if (key.pageDown || input === ' ') next = offset + page;
			else if (key.pageUp || input === 'b') next = offset - page;
			else if (key.home || input === 'g') next = 0;
			else if (key.end || input === 'G') next = total;
			if (next !== undefined) setOffset(clampOffset(next, total, height));
		},
		{isActive},
	);
	return {offset, reset: () => setOffset(0)};
}

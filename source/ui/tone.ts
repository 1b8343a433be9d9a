import type {Tone} from './services/types.js';

/** The colour of each tone; Ink drops colours under NO_COLOR (run-interactive sets FORCE_COLOR=0). */
export const toneColor: Readonly<Record<Tone, string>> = {success: 'green', warning: 'yellow', failure: 'red', info: 'cyan'};

export const toneSymbol: Readonly<Record<Tone, string>> = {success: '✔', warning: '⚠', failure: '✖', info: '•'};

/** 1234.5 -> "1.23 s", 12.3 -> "12 ms". */
export function formatMs(ms: number): string {
	if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
	return `${Math.max(Math.round(ms), 0)} ms`;
}

/** Shortens a revision list for narrow places: "28a8c0e6e895" stays, several are joined. */
export function revisions(list: readonly string[], empty = 'base'): string {
	return list.length === 0 ? empty : list.join(', ');
}

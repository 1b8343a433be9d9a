/** "migrations" for any count but 1 (with the plural form given when it is not word + s). */
export function pluralWord(count: number, word: string, pluralForm = `${word}s`): string {
	return count === 1 ? word : pluralForm;
}

/**
 * 12345 -> "12,345". Not toLocaleString: its first call loads ICU's number formatting, about 17 ms
 * of every command that prints a count.
 */
export function groupThousands(count: number): string {
	const [whole = '', fraction] = String(Math.abs(count)).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${count < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "1 migration", "9 tables", "2 indexes", "1,000 files". */
export function plural(count: number, word: string, pluralForm?: string): string {
	return `${groupThousands(count)} ${pluralWord(count, word, pluralForm)}`;
}

/** "migrations" for any count but 1 (with the plural form given when it is not word + s). */
export function pluralWord(count: number, word: string, pluralForm = `${word}s`): string {
	return count === 1 ? word : pluralForm;
}

/** "1 migration", "9 tables", "2 indexes", "1,000 files". */
export function plural(count: number, word: string, pluralForm?: string): string {
	return `${count.toLocaleString('en-US')} ${pluralWord(count, word, pluralForm)}`;
}

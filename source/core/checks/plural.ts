/** "1 migration", "9 tables", "2 indexes" (with the plural form given). */
export function plural(count: number, word: string, pluralForm = `${word}s`): string {
	return `${count} ${count === 1 ? word : pluralForm}`;
}

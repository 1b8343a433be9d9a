import {randomBytes} from 'node:crypto';

/** A fresh revision id: 12 lowercase hex characters from crypto, never one of `taken`. */
export function newRevisionId(taken: ReadonlySet<string> = new Set()): string {
	for (;;) {
		const revision = randomBytes(6).toString('hex');
		if (!taken.has(revision)) return revision;
	}
}

/** The file-name slug of a message: "Add study goals!" -> add_study_goals (at most 50 characters). */
export function slugFromMessage(message: string): string {
	const slug = message
		.normalize('NFKD')
		.replace(/[\u0300-\u036F]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 50)
		.replace(/_+$/, '');
	return slug === '' ? 'migration' : slug;
}

/** Created header value: ISO 8601 to the second, in UTC. */
export function createdStamp(now: Date): string {
	return now.toISOString().replace(/\.\d+Z$/, 'Z');
}

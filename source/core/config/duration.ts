import {UsageError} from '../errors.js';

/** What PostgreSQL takes for lock_timeout and statement_timeout: a number, optionally a unit; plain numbers are milliseconds. */
const durationPattern = /^(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?$/;
const unitMs: Record<string, number> = {us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000};
/** The largest timeout PostgreSQL accepts (INT_MAX milliseconds, about 24.8 days). */
const maxMs = 2_147_483_647;

/**
 * A lock_timeout or statement_timeout value, checked before it reaches the server: a bad one is a
 * usage error naming where it came from (the flag or the environment variable) and the accepted form.
 */
export function postgresDuration(source: string, raw: string | undefined, fallback: string): string {
	if (raw === undefined) return fallback;
	const value = raw.trim();
	const match = durationPattern.exec(value);
	const ms = match ? Number(match[1]) * unitMs[match[2] ?? 'ms']! : Number.NaN;
	if (!match || !Number.isFinite(ms) || ms > maxMs) {
		const example = (value: string) => (source.startsWith('--') ? `${source} ${value}` : `${source}=${value}`);
		throw new UsageError(`${source} "${raw}" is not a duration PostgreSQL accepts.`, {
			hint: `Give a number with a unit (us, ms, s, min, h or d), e.g. ${example('5s')} or ${example('15min')}; a plain number is milliseconds, 0 turns the timeout off, the most is 24 days.`,
		});
	}
	return value;
}

/** 1234.5 -> "1.23 s", 12.3 -> "12 ms". */
export function formatDuration(ms: number): string {
	if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
	return `${Math.max(Math.round(ms), 0)} ms`;
}

export function formatDate(date: Date | undefined): string {
	if (!date) return '';
	return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function formatUptime(since: Date | undefined, now = Date.now()): string {
	if (!since) return '';
	const seconds = Math.max(Math.round((now - since.getTime()) / 1000), 0);
	if (seconds < 60) return `${seconds}s`;
	if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
	return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}


/** ANSI styling that switches itself off with NO_COLOR, FORCE_COLOR=0 or a stream that is not a TTY. */
export type Style = {
	readonly enabled: boolean;
	bold(text: string): string;
	dim(text: string): string;
	red(text: string): string;
	green(text: string): string;
	yellow(text: string): string;
	cyan(text: string): string;
};

export function shouldColor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): boolean {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0';
	return Boolean((stream as NodeJS.WriteStream).isTTY) && env['TERM'] !== 'dumb';
}

const wrap = (enabled: boolean, open: number, close: number) => (text: string): string => (enabled ? `\u001B[${open}m${text}\u001B[${close}m` : text);

export function createStyle(enabled: boolean): Style {
	return {
		enabled,
		bold: wrap(enabled, 1, 22),
		dim: wrap(enabled, 2, 22),
		red: wrap(enabled, 31, 39),
		green: wrap(enabled, 32, 39),
		yellow: wrap(enabled, 33, 39),
		cyan: wrap(enabled, 36, 39),
	};
}

export const symbols = {tick: '✔', cross: '✖', warning: '⚠', bullet: '•', arrow: '→'};

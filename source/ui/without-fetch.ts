/**
 * Runs `load` (the app's import of Ink) with `fetch` absent from the global scope, and puts it
 * back after. yoga-layout, Ink's layout engine, embeds its WebAssembly as a base64 `data:` URL,
 * and its Emscripten loader reads that URL with `fetch` whenever `fetch` exists: in Node, that
 * loads the whole fetch implementation (undici), about 100 ms of CPU on a two-core machine before
 * the first frame. Without `fetch`, the same loader decodes the base64 itself. Nothing the app
 * loads meanwhile uses `fetch`. test/ui/without-fetch.test.ts fails when a yoga-layout upgrade
 * changes this.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		if (fetchProperty) Object.defineProperty(globalThis, 'fetch', fetchProperty);
		else delete (globalThis as {fetch?: unknown}).fetch;
	}
}

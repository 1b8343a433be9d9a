import {registerHooks} from 'node:module';

let registered = false;

/**
 * Ink 8 imports one function, `throttle`, from es-toolkit's `compat` entry point, which re-exports
 * about 400 modules: loading them was 160 ms of the app's start on a two-core machine, before the
 * first frame. Called before Ink loads, this points that one import at ink-throttle.ts, which
 * re-exports `throttle` alone. test/ui/lean-ink-imports.test.ts fails when an Ink upgrade takes
 * anything else from there.
 */
export function leanInkImports(): void {
	if (registered) return;
	registered = true;
	const throttleOnly = new URL('ink-throttle.js', import.meta.url).href;
	registerHooks({
		resolve(specifier, context, nextResolve) {
			if (specifier === 'es-toolkit/compat' && context.parentURL?.endsWith('/node_modules/ink/build/ink.js')) return {url: throttleOnly, shortCircuit: true};
			return nextResolve(specifier, context);
		},
	});
}

/**
 * Keeps the WebAssembly compiled after this call (the PostgreSQL parser) on V8's baseline compiler,
 * Liftoff. Left to its defaults, V8 recompiles the parser's hot functions with its optimising
 * compiler in the background after a few parses, and the process then waits for those compiles
 * when it exits: about 2 s on this machine, for code that has already finished, whichever way
 * cc-dev was started. V8 reads these two flags when it compiles a module, so setting them at run
 * time, before the parser loads, is enough; both are needed, and `--liftoff-only` set at run time
 * does nothing (docs/decisions.md).
 */
export function keepWebAssemblyOnBaselineCompiler(): void {
	// Loaded here, not imported: node:v8 brings 30 of Node's own modules, which only a run that loads the parser needs.
	const v8 = process.getBuiltinModule('node:v8');
	v8.setFlagsFromString('--no-wasm-tier-up');
	v8.setFlagsFromString('--no-wasm-dynamic-tiering');
}

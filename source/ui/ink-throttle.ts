// The one function Ink 8 takes from es-toolkit's `compat` entry point, without the 400 modules that
// entry point re-exports (see lean-ink-imports.ts).
export {default as throttle} from 'es-toolkit/compat/throttle';

// The least any Node tool built on libpg-query pays to lint one file here: Node's start, loading the
// parser's WebAssembly and parsing the file, nothing else. The V8 settings are cc-dev's (the parser
// stays on the baseline compiler, see source/core/sql/webassembly-tiering.ts), with the compile
// cache on, as cc-dev runs. `node bench/floors/parser-alone.mjs FILE`.
import module from 'node:module';
import {readFileSync} from 'node:fs';

module.enableCompileCache?.();
const v8 = process.getBuiltinModule('node:v8');
v8.setFlagsFromString('--no-wasm-tier-up');
v8.setFlagsFromString('--no-wasm-dynamic-tiering');
const parser = await import('libpg-query');
await parser.loadModule();
parser.parseSync(readFileSync(process.argv[2], 'utf8'));

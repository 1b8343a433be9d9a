#!/usr/bin/env -S node --liftoff-only
// Entry point for `npx cc-dev`, `node bin/cc-dev.js` and the Railway pre-deploy command: checks
// the runtime, makes sure of the V8 flag cc-dev's speed depends on, turns on Node's compile cache
// (a cold start costs a third less with it), then loads the compiled CLI.
import module from 'node:module';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
	process.stderr.write(
		`cc-dev needs Node.js 24 or newer, and this is Node.js ${process.versions.node}.\n` +
			'Run it through npm so that the project\'s pinned Node is used: npx cc-dev (after npm install).\n',
	);
	process.exit(3);
}

// --liftoff-only: V8 would otherwise tier the PostgreSQL parser (WASM) up with its optimising
// compiler once it is hot: seconds of CPU and 500 MB after parsing a few hundred migrations, and
// the process waits for those compiles when it exits, for code that has already finished. The
// baseline compiler (Liftoff) is plenty. The shebang gives the flag to npx, the bin and the
// Railway pre-deploy command; `node bin/cc-dev.js` does not read the shebang, and V8 ignores the
// flag once it runs (v8.setFlagsFromString has no effect on WebAssembly then), so a command that
// may parse SQL replaces this process with one that has the flag (same pid, stdio and signals).
const args = process.argv.slice(2);
const [first, second] = args;
const parserFree =
	args.length > 0 &&
	(args.includes('--help') || args.includes('-h') || ['--version', '-V', 'help', 'db'].includes(first) || (first === 'migrate' && ['status', 'current', 'history', 'show', 'new', 'unlock'].includes(second)));
if (!parserFree && !process.execArgv.includes('--liftoff-only') && typeof process.execve === 'function') {
	process.execve(process.execPath, [process.execPath, '--liftoff-only', ...process.execArgv, import.meta.filename, ...args], process.env);
}
module.enableCompileCache?.();
// `cc-dev migrate status | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error) => {
		if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw error;
	});
}
const {main} = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));

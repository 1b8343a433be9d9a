#!/usr/bin/env -S node --liftoff-only
// --liftoff-only: V8 would otherwise tier the PostgreSQL parser (WASM) up in background threads
// once it is hot, and the process waits for those compiles when it exits: 400 ms after parsing a
// few hundred migrations, for code that has already finished. The baseline compiler is plenty.
// Entry point for `npx cc-dev`: checks the runtime, turns on Node's compile cache
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

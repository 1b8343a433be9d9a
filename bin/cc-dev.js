#!/usr/bin/env node
// Entry point for `npx cc-dev`, `node bin/cc-dev.js` and the Railway pre-deploy command: checks
// the runtime, turns on Node's compile cache (a cold start costs a third less with it), then loads
// the compiled CLI. The V8 settings the SQL parser's speed depends on are set where the parser is
// loaded (source/core/sql/webassembly-tiering.ts), so every way of starting cc-dev gets them.
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

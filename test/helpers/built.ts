import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {repoRoot} from './database.js';

function newestMtime(directory: string): number {
	let newest = 0;
	for (const entry of readdirSync(directory, {withFileTypes: true})) {
		const file = path.join(directory, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : statSync(file).mtimeMs);
	}
	return newest;
}

/**
 * For test files that run the built binary: builds dist/ when a source file is newer than the last
 * build (a test file run alone after an edit). `npm test` builds first, so within the suite nothing
 * is rebuilt: tsc rewrites every output file, and another test file starting cc-dev at that moment
 * would load a half-written module.
 */
export async function ensureBuilt(): Promise<void> {
	const built = statSync(path.join(repoRoot, 'dist', 'cli.js'), {throwIfNoEntry: false})?.mtimeMs ?? 0;
	if (built >= newestMtime(path.join(repoRoot, 'source'))) return;
	await execa(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {cwd: repoRoot});
}

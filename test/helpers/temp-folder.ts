import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {isProcessAlive} from '../../source/core/providers/process-alive.js';

function removeFolder(folder: string): void {
	rmSync(folder, {recursive: true, force: true});
}

/**
 * A folder named for the process that removes it: `cc-dev-cache-pid4242xXy7Zq1` (no hyphen after
 * the pid: a Docker test's folder name is its compose project's name, `ccdt-pid4242xxy7zq1`).
 */
const ownedName = /^(?:cc-dev|ccdt)-[a-z0-9-]*?pid(\d+)x[A-Za-z0-9]{6}$/;

/**
 * Removes the folders of test processes that no longer run: a test file killed before its teardowns
 * (AVA's timeout, an interrupted run) left them. A live process's folders are its own to remove.
 */
export function removeOrphanedFolders(parent: string = tmpdir()): void {
	for (const name of readdirSync(parent)) {
		const owner = ownedName.exec(name)?.[1];
		if (owner !== undefined && !isProcessAlive(Number(owner))) removeFolder(path.join(parent, name));
	}
}

let swept = false;
/** A folder named for this process, for a caller that removes it itself (removed by a later run if this process is killed first). */
export function makeTempFolder(prefix: string): string {
	if (!swept) {
		swept = true;
		removeOrphanedFolders();
	}
	return mkdtempSync(path.join(tmpdir(), `${prefix}pid${process.pid}x`));
}

/**
 * A new folder under the temporary folder (os.tmpdir(): TMPDIR), removed with all it holds when the
 * test ends, whether it passed, failed or threw. Teardowns run last-registered first: a server or
 * container a test starts after making its folder is stopped before the folder goes.
 */
export function tempFolder(t: Pick<ExecutionContext, 'teardown'>, prefix: string): string {
	const folder = makeTempFolder(prefix);
	t.teardown(() => removeFolder(folder));
	return folder;
}

/**
 * A folder the tests of one file share (made when the file loads): removed after its last test,
 * however they ended. The file passes its `test`: this helper loads without ava (bench/ uses test helpers).
 */
export function sharedTempFolder(test: {after: {always: (implementation: () => void) => void}}, prefix: string): string {
	const folder = makeTempFolder(prefix);
	test.after.always(() => removeFolder(folder));
	return folder;
}

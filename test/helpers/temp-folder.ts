import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';

function removeFolder(folder: string): void {
	rmSync(folder, {recursive: true, force: true});
}

/**
 * A new folder under the temporary folder (os.tmpdir(): TMPDIR), removed with all it holds when the
 * test ends, whether it passed, failed or threw. Teardowns run last-registered first: a server or
 * container a test starts after making its folder is stopped before the folder goes.
 */
export function tempFolder(t: Pick<ExecutionContext, 'teardown'>, prefix: string): string {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	t.teardown(() => removeFolder(folder));
	return folder;
}

/**
 * A folder the tests of one file share (made when the file loads): removed after its last test,
 * however they ended. The file passes its `test`: this helper loads without ava (bench/ uses test helpers).
 */
export function sharedTempFolder(test: {after: {always: (implementation: () => void) => void}}, prefix: string): string {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	test.after.always(() => removeFolder(folder));
	return folder;
}

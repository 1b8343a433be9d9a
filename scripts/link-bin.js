// Run by `prepare` after every `npm install` and `npm ci`: links node_modules/.bin/cc-dev to the
// bin, so that `npx cc-dev` finds it there and runs it at once. package.json has no "bin" on
// purpose: with one, npx treats `cc-dev` as the project's own package and reads the whole
// installed tree first, about a third of a second on every run (docs/decisions.md).
import {lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync} from 'node:fs';
import path from 'node:path';

// The project folder: this script's parent, or the folder given (the tests link a scratch copy).
const project = process.argv[2] ?? path.join(import.meta.dirname, '..');
const binFolder = path.join(project, 'node_modules', '.bin');
const link = path.join(binFolder, 'cc-dev');
const target = path.join('..', '..', 'bin', 'cc-dev.js');

const current = lstatSync(link, {throwIfNoEntry: false});
if (!current?.isSymbolicLink() || readlinkSync(link) !== target) {
	mkdirSync(binFolder, {recursive: true});
	rmSync(link, {force: true});
	symlinkSync(target, link);
}

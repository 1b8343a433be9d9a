import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {repoRoot} from './helpers/database.js';

function filesUnder(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const full = path.join(directory, entry.name);
		return entry.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

const forbidden = [/^ink($|\/)/, /^react($|\/)/, /^@inkjs\//, /^@inquirer\//, /\/ui\//, /\/commands\//, /\/report\//, /^\.\.\/(\.\.\/)*(ui|commands|report)\//];

test('source/core never imports UI, prompt, command or report code, and never prints', (t) => {
	const core = path.join(repoRoot, 'source', 'core');
	const files = filesUnder(core);
	t.true(files.length > 20);
	const problems: string[] = [];
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
			if (forbidden.some((pattern) => pattern.test(match[1]!))) problems.push(`${path.relative(repoRoot, file)} imports ${match[1]}`);
		}
		if (/\bconsole\.(log|error|warn|info)\(|process\.(stdout|stderr)\.write\(/.test(text)) problems.push(`${path.relative(repoRoot, file)} prints`);
	}
	t.deepEqual(problems, []);
});

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

/** Relative imports of every file under `directory`, resolved to paths under source/. */
function importsUnder(directory: string): Array<{from: string; to: string}> {
	const source = path.join(repoRoot, 'source');
	return filesUnder(directory).flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => ({
			from: path.relative(source, file),
			to: path.relative(source, path.resolve(path.dirname(file), match[1]!)),
		})),
	);
}

/** The layer of a path: its first folder under `base`, or the file's name for a file directly in `base`. */
function areaOf(relative: string, base: string): string {
	const rest = path.relative(base, relative).split(path.sep);
	return rest.length > 1 ? rest[0]! : rest[0]!.replace(/\.(ts|tsx|js)$/, '');
}

/** An import may only point at the same area or a lower layer; an area missing from the table is reported too. */
function wrongArrows(edges: ReadonlyArray<{from: string; to: string}>, base: string, ranks: Readonly<Record<string, number>>): string[] {
	const problems = new Set<string>();
	for (const {from, to} of edges) {
		if (!to.startsWith(`${base}${path.sep}`) && base !== '.') continue;
		const [fromArea, toArea] = [areaOf(from, base), areaOf(to, base)];
		if (fromArea === toArea) continue;
		const [fromRank, toRank] = [ranks[fromArea], ranks[toArea]];
		if (fromRank === undefined) problems.add(`${base}/${fromArea} has no place in the layer table of test/architecture.test.ts: add it`);
		else if (toRank === undefined) problems.add(`${base}/${toArea} has no place in the layer table of test/architecture.test.ts: add it`);
		else if (toRank >= fromRank) problems.add(`${from} imports ${to}: ${fromArea} may not depend on ${toArea}`);
	}
	return [...problems].sort();
}

/** ui -> commands -> report -> core, never back (cli.ts is the entry point above them all). */
const sourceLayers: Record<string, number> = {core: 0, report: 1, commands: 2, ui: 3, cli: 4};

/**
 * Inside core, lower layers know nothing of higher ones (docs/decisions.md, "Layers"). Areas of the
 * same rank stay independent of each other.
 */
const coreLayers: Record<string, number> = {
	errors: 0,
	events: 0,
	redact: 0,
	plural: 0,
	cache: 0,
	sql: 1,
	database: 1,
	config: 2,
	// Below the destructive operations that call it (migrations, providers), above what it reads.
	guards: 2.5,
	providers: 3,
	migrations: 3,
	lint: 4,
	scaffold: 4,
	schema: 5,
	deploy: 6,
	checks: 6,
	generate: 6,
};

test('source/: ui -> commands -> report -> core, never back', (t) => {
	const source = path.join(repoRoot, 'source');
	t.deepEqual(wrongArrows(importsUnder(source), '.', sourceLayers), []);
});

test('source/core/: each area imports only areas of lower layers', (t) => {
	const edges = importsUnder(path.join(repoRoot, 'source', 'core'));
	t.true(edges.length > 100);
	t.deepEqual(wrongArrows(edges, 'core', coreLayers), []);
});

test('the layer check fails on a wrong arrow and on an area it does not know', (t) => {
	const up = [{from: path.join('core', 'database', 'facts.ts'), to: path.join('core', 'migrations', 'state.ts')}];
	t.deepEqual(wrongArrows(up, 'core', coreLayers), [`${up[0]!.from} imports ${up[0]!.to}: database may not depend on migrations`]);
	const sideways = [{from: path.join('core', 'lint', 'a.ts'), to: path.join('core', 'scaffold', 'b.ts')}];
	t.is(wrongArrows(sideways, 'core', coreLayers).length, 1, 'areas of the same layer stay independent');
	const down = [{from: path.join('core', 'schema', 'a.ts'), to: path.join('core', 'migrations', 'b.ts')}];
	t.deepEqual(wrongArrows(down, 'core', coreLayers), []);
	t.deepEqual(wrongArrows([{from: path.join('core', 'new-area', 'a.ts'), to: 'core/errors.ts'}], 'core', coreLayers), ['core/new-area has no place in the layer table of test/architecture.test.ts: add it']);
	t.deepEqual(wrongArrows([{from: path.join('commands', 'a.ts'), to: path.join('ui', 'b.ts')}], '.', sourceLayers), [`${path.join('commands', 'a.ts')} imports ${path.join('ui', 'b.ts')}: commands may not depend on ui`]);
});

import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {ensureBuilt} from '../helpers/built.js';
import {repoRoot} from '../helpers/database.js';
import {drawWithInk, runModuleScript} from '../helpers/ink-script.js';

const inkBuild = path.join(repoRoot, 'node_modules', 'ink', 'build');

test('Ink takes only throttle from es-toolkit/compat, in build/ink.js: what the resolve hook stands in for', (t) => {
	const imports: string[] = [];
	for (const file of readdirSync(inkBuild).filter((name) => name.endsWith('.js'))) {
		const text = readFileSync(path.join(inkBuild, file), 'utf8');
		for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]es-toolkit\/compat['"]/g)) imports.push(`${file}: ${match[1]!.trim()}`);
		if (/['"]es-toolkit\/compat['"]/.test(text.replace(/import\s*\{[^}]*\}\s*from\s*['"]es-toolkit\/compat['"]/g, ''))) imports.push(`${file}: another form of import`);
	}
	t.deepEqual(imports, ['ink.js: throttle'], 'an Ink upgrade changed its es-toolkit imports: update source/ui/ink-throttle.ts and lean-ink-imports.ts');
});

/** How many es-toolkit modules `import('ink')` loads in a fresh process, with or without the hook; and that Ink works. */
async function esToolkitModules(lean: boolean): Promise<number> {
	const script = `
		import {registerHooks} from 'node:module';
		const {leanInkImports} = await import(${JSON.stringify(path.join(repoRoot, 'dist', 'ui', 'lean-ink-imports.js'))});
		if (${lean}) leanInkImports();
		let count = 0;
		registerHooks({load(url, context, next) { if (url.includes('/es-toolkit/')) count++; return next(url, context); }});
		const {render, Text} = await import('ink');
		const {createElement} = await import('react');
		${drawWithInk}
		if (!drew) throw new Error('Ink drew nothing: ' + JSON.stringify(written));
		process.stdout.write(String(count));
	`;
	return Number(await runModuleScript(script));
}

test.before(async () => {
	await ensureBuilt();
});

test('with the hook Ink loads a handful of es-toolkit modules instead of hundreds, and draws', async (t) => {
	const plain = await esToolkitModules(false);
	const lean = await esToolkitModules(true);
	t.true(plain > 100, `without the hook: ${plain} modules (the control: es-toolkit/compat re-exports hundreds)`);
	t.true(lean > 0 && lean < 10, `with the hook: ${lean} modules`);
});

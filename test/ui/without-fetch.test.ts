import path from 'node:path';
import test from 'ava';
import {ensureBuilt} from '../helpers/built.js';
import {repoRoot} from '../helpers/database.js';
import {drawWithInk, runModuleScript} from '../helpers/ink-script.js';

type Outcome = {undici: boolean; drew: boolean; fetchAfter: string};

/** Imports Ink in a fresh process, through withoutFetch or plainly; draws with it; reports what Node loaded. */
async function importInk(throughWithoutFetch: boolean): Promise<Outcome> {
	const script = `
		const {withoutFetch} = await import(${JSON.stringify(path.join(repoRoot, 'dist', 'ui', 'without-fetch.js'))});
		const load = () => Promise.all([import('ink'), import('react')]);
		const [{render, Text}, {createElement}] = ${throughWithoutFetch} ? await withoutFetch(load) : await load();
		${drawWithInk}
		process.stdout.write(JSON.stringify({
			undici: process.moduleLoadList.some((name) => name.includes('undici')),
			drew,
			fetchAfter: typeof fetch,
		}));
	`;
	return JSON.parse(await runModuleScript(script)) as Outcome;
}

test.before(async () => {
	await ensureBuilt();
});

test('Ink imported without fetch lays out and draws, never loads Node\'s fetch (undici), and fetch is back afterwards', async (t) => {
	t.deepEqual(await importInk(true), {undici: false, drew: true, fetchAfter: 'function'});
});

test('the control: a plain import of Ink loads undici (yoga-layout reads its WebAssembly with fetch)', async (t) => {
	const plain = await importInk(false);
	t.true(plain.undici, 'yoga-layout no longer fetches its WebAssembly: withoutFetch may be removed');
	t.true(plain.drew);
});

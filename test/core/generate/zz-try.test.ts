import test from 'ava';
import {generateCase, upSql} from '/work/wt-gen/test/core/generate/generate-case.js';
const start = process.env.START!; const desired = process.env.DESIRED!;
test('try', async (t) => {
	const r = await generateCase(t, start, desired, {onEvent: (e) => console.log(JSON.stringify(e))});
	console.log(r.status, JSON.stringify({drops: r.drops, renames: r.renames, verification: r.verification, lint: r.lint.map(l=>l.rule+': '+l.message), unsupported: r.unsupported}, null, 1));
	for (const f of r.files) console.log(f.text);
	t.pass();
});

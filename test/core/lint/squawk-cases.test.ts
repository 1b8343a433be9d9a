/**
 * Squawk's documented cases (test/fixtures/squawk-cases/, judged in its README.md): every case
 * judged a hazard for PostgreSQL 15 gets a finding of the expected rule, every safe one no error
 * and no warning but the ones its judgement accepts. The judgement is data (cases.json), so this
 * runs without Squawk.
 */
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {lintMigrations, isRuleId} from '../../../source/core/lint/index.js';
import {plainSqlSource} from '../../../source/core/lint/load-sources.js';

type Case = {
	readonly file: string;
	readonly squawkRule: string;
	readonly mode: 'transaction' | 'no-transaction';
	readonly hazard: boolean;
	/** For a hazard: the cc-dev rules of which one must report it. */
	readonly expect: readonly string[];
	/** For a safe case: warnings its judgement accepts. */
	readonly allow: readonly string[];
	readonly judgement: string;
};

/** Rules that give advice rather than report a hazard: accepted as warnings anywhere. */
const adviceRules = new Set(['identifier-too-long', 'timestamp-without-time-zone', 'create-domain-with-constraint']);

const folder = fileURLToPath(new URL('../../fixtures/squawk-cases/', import.meta.url));
const cases = JSON.parse(readFileSync(path.join(folder, 'cases.json'), 'utf8')) as Case[];

test('every SQL file of the corpus has a judgement, and every judgement names real rules', (t) => {
	const files = readdirSync(folder).filter((name) => name.endsWith('.sql')).sort();
	t.deepEqual(cases.map((entry) => entry.file).sort(), files);
	const readme = readFileSync(path.join(folder, 'README.md'), 'utf8');
	for (const entry of cases) {
		t.true(readme.includes(entry.file.replace(/\.sql$/, '')), `${entry.file} is in the README's table`);
		for (const rule of [...entry.expect, ...entry.allow]) t.true(isRuleId(rule), `${entry.file}: ${rule} is a cc-dev rule`);
		t.is(entry.hazard, entry.expect.length > 0, `${entry.file}: a hazard names the rule expected to catch it`);
	}
});

for (const entry of cases) {
	test(`${entry.hazard ? 'hazard' : 'safe'}: ${entry.file}`, async (t) => {
		const sql = readFileSync(path.join(folder, entry.file), 'utf8');
		const findings = await lintMigrations([plainSqlSource(sql, entry.file, entry.mode)]);
		const summary = findings.map((finding) => `${finding.rule} (${finding.severity}) line ${finding.line}: ${finding.message}`).join('\n');
		if (entry.hazard) {
			t.true(findings.some((finding) => entry.expect.includes(finding.rule)), `expected ${entry.expect.join(' or ')} (${entry.judgement}); got:\n${summary}`);
		} else {
			const unexpected = findings.filter((finding) => finding.severity === 'error' || !(entry.allow.includes(finding.rule) || adviceRules.has(finding.rule)));
			t.deepEqual(unexpected.map((finding) => finding.rule), [], `safe (${entry.judgement}); got:\n${summary}`);
		}
	});
}

import test from 'ava';
import {diffLines, unifiedDiff} from '../../../source/core/schema/line-diff.js';

const lines = (text: string) => (text === '' ? [] : text.split(''));

const cases: Array<[string, string]> = [
	['', ''],
	['abc', 'abc'],
	['', 'abc'],
	['abc', ''],
	['abcabba', 'cbabac'],
	['abcdef', 'abxdef'],
	['xaxbxc', 'abc'],
];

for (const [before, after] of cases) {
	test(`the edit script from "${before}" to "${after}" is minimal and rebuilds both sides`, (t) => {
		const script = diffLines(lines(before), lines(after));
		t.is(script.filter((line) => line.op !== '+').map((line) => line.text).join(''), before);
		t.is(script.filter((line) => line.op !== '-').map((line) => line.text).join(''), after);
		const kept = script.filter((line) => line.op === ' ').length;
		// Longest common subsequence lengths, computed naively.
		const a = lines(before);
		const b = lines(after);
		const table = Array.from({length: a.length + 1}, () => Array.from({length: b.length + 1}, () => 0));
		for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
		t.is(kept, table[0]![0]!);
	});
}

test('a unified diff has headers, hunk ranges and three lines of context', (t) => {
	const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
	const after = ['1', '2', '3', '4', '5', 'six', '7', '8', '9', '10'];
	t.deepEqual(unifiedDiff(before, after, {fromName: 'committed', toName: 'dumped'}), ['--- committed', '+++ dumped', '@@ -3,7 +3,7 @@', '3', '4', '5', '-6', '+six', '7', '8', '9'].map((line) => (/^[-+@]/.test(line) ? line : ` ${line}`)));
});

test('equal texts give no diff, and long diffs are cut with a count', (t) => {
	t.deepEqual(unifiedDiff(['a'], ['a']), []);
	const diff = unifiedDiff([], Array.from({length: 100}, (_, index) => `line ${index}`), {maxLines: 10});
	t.is(diff.length, 11);
	t.regex(diff.at(-1)!, /^\.\.\. 93 more diff lines$/);
});

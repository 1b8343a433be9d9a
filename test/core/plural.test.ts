import test from 'ava';
import {groupThousands, plural} from '../../source/core/plural.js';

test('counts are grouped by thousands as en-US writes them', (t) => {
	for (const count of [0, 7, 999, 1000, 12_345, 1_000_000, 123_456_789, -4321, 1234.5]) t.is(groupThousands(count), count.toLocaleString('en-US', {maximumFractionDigits: 20}));
});

test('plural: singular for one, the given plural form otherwise', (t) => {
	t.is(plural(1, 'migration'), '1 migration');
	t.is(plural(3001, 'migration'), '3,001 migrations');
	t.is(plural(2, 'index', 'indexes'), '2 indexes');
});

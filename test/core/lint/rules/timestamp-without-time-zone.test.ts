import test from 'ava';
import {findingsOf, lintSpec} from '../helpers/migration.js';

const rule = 'timestamp-without-time-zone';

test('timestamp without time zone is a warning at the type', async (t) => {
	const up = 'CREATE TABLE events (\n  id int,\n  happened_at timestamp NOT NULL,\n  logged_at timestamp(3) without time zone\n);\nALTER TABLE users ADD COLUMN seen_at timestamp;';
	const findings = findingsOf(await lintSpec({up}), rule);
	t.deepEqual(
		findings.map((finding) => [finding.line, finding.column]),
		[
			[10, 15],
			[11, 13],
			[13, 38],
		],
	);
	t.true(findings.every((finding) => finding.severity === 'warning'));
});

test('timestamptz is safe', async (t) => {
	const up = 'CREATE TABLE events (a timestamptz, b timestamp with time zone);\nALTER TABLE users ADD COLUMN seen_at timestamptz;';
	t.deepEqual(await lintSpec({up}), []);
});

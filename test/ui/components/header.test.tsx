import test from 'ava';
import {cleanup, render} from 'ink-testing-library';
import {Header} from '../../../source/ui/components/header.js';
import {plain, runningProject} from '../fake-services.js';

test('before the first read: placeholders', (t) => {
	const {lastFrame} = render(<Header state={undefined} isLoading />);
	t.is(plain(lastFrame()), ['cc-dev · Cognition Curator database', 'database  reading…', 'revision  reading…'].join('\n'));
});

test('a running database: provider, state, version, target; current against head and the pending count', (t) => {
	const {lastFrame} = render(<Header state={{...runningProject, target: 'u@127.0.0.1:5432/cc'}} isLoading={false} />);
	t.is(
		plain(lastFrame()),
		[
			'cc-dev · Cognition Curator database',
			'database  embedded ● running · PostgreSQL 15.18 · u@127.0.0.1:5432/cc',
			'revision  current 28a8c0e6e895 · head 3f2a9c1b7d4e · 1 pending',
		].join('\n'),
	);
});

test('up to date, and a database that is not running', (t) => {
	const upToDate = render(<Header state={{...runningProject, current: ['3f2a9c1b7d4e'], pending: 0}} isLoading={false} />);
	t.regex(plain(upToDate.lastFrame()), /revision {2}3f2a9c1b7d4e \(head\) · up to date · 0 pending/);
	const stopped = render(<Header state={{...runningProject, provider: {name: 'embedded', state: 'stopped', reason: ''}, isReachable: false, serverVersion: undefined, current: [], pending: undefined}} isLoading={false} />);
	const frame = plain(stopped.lastFrame());
	t.regex(frame, /database {2}embedded ○ not running · cognition_user@/);
	t.regex(frame, /revision {2}head 3f2a9c1b7d4e · 2 migrations · database not running: s starts it/);
});

test('warnings: the first ones, then a count of the rest', (t) => {
	const warnings = ['2 heads (a, b): create a merge revision with new (n)', 'x.sql was edited after it was applied', 'railway_schema.sql is missing: write it with dump (d)'];
	const {lastFrame} = render(<Header state={{...runningProject, warnings}} isLoading={false} maxWarnings={2} />);
	const lines = plain(lastFrame()).split('\n');
	t.deepEqual(lines.slice(3), ['⚠ 2 heads (a, b): create a merge revision with new (n)', '⚠ x.sql was edited after it was applied', '  and 1 more warning']);
});

test.after.always(() => {
	cleanup();
});

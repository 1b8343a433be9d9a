import test from 'ava';
import {cleanup, render} from 'ink-testing-library';
import {TaskList} from '../../../source/ui/components/task-list.js';
import type {TaskItem} from '../../../source/ui/hooks/task-state.js';
import {plain} from '../fake-services.js';

const items: TaskItem[] = [
	{id: 'a', title: 'Create the database cluster', status: 'done', startedAt: 0, durationMs: 1234},
	{id: 'b', title: 'Apply 3f2a9c1b7d4e add goals', status: 'failed', startedAt: 0, durationMs: 12, detail: 'relation "x" does not exist'},
	{id: 'c', title: 'Migration creation', status: 'skipped', startedAt: 0, durationMs: 0, detail: 'cancelled'},
	{id: 'd', title: 'Start PostgreSQL', status: 'running', startedAt: 0},
];

test('marks, titles, details and durations; a spinner for the running step', (t) => {
	const {lastFrame} = render(<TaskList items={items} width={70} limit={10} />);
	const lines = plain(lastFrame()).split('\n');
	t.regex(lines[0]!, /^✔ Create the database cluster +1\.23 s$/);
	t.regex(lines[1]!, /^✖ Apply 3f2a9c1b7d4e add goals · relation "x" does not exist +12 ms$/);
	t.regex(lines[2]!, /^- Migration creation · cancelled +0 ms$/);
	t.regex(lines[3]!, /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Start PostgreSQL$/);
});

test('only the last steps when there is no room, with a count of the others', (t) => {
	const {lastFrame} = render(<TaskList items={items} width={70} limit={2} />);
	const lines = plain(lastFrame()).split('\n');
	t.is(lines[0], '  … 2 earlier steps');
	t.is(lines.length, 3);
});

test.after.always(() => {
	cleanup();
});

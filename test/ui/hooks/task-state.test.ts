import test from 'ava';
import {initialTaskState, taskReducer, type TaskAction, type TaskState} from '../../../source/ui/hooks/task-state.js';

const fold = (actions: TaskAction[]): TaskState => actions.reduce(taskReducer, initialTaskState(0));
const event = (at: number, value: Extract<TaskAction, {type: 'event'}>['event']): TaskAction => ({type: 'event', event: value, at});

test('steps start and end with their durations', (t) => {
	const state = fold([event(0, {type: 'step-start', id: 'initdb', title: 'Create the database cluster'}), event(500, {type: 'step-done', id: 'initdb', title: 'Create the database cluster', durationMs: 480, detail: '15.18'})]);
	t.deepEqual(state.items, [{id: 'initdb', title: 'Create the database cluster', status: 'done', startedAt: 0, durationMs: 480, detail: '15.18'}]);
});

test('migrations become steps and drive the progress bar', (t) => {
	const state = fold([
		event(0, {type: 'migration-start', direction: 'up', revision: 'aaaaaaaaaaaa', message: 'one', index: 0, total: 2}),
		event(10, {type: 'migration-done', direction: 'up', revision: 'aaaaaaaaaaaa', message: 'one', durationMs: 9, index: 0, total: 2}),
		event(11, {type: 'migration-start', direction: 'up', revision: 'bbbbbbbbbbbb', message: 'two', index: 1, total: 2}),
	]);
	t.deepEqual(state.items.map((item) => [item.title, item.status]), [['Apply aaaaaaaaaaaa one', 'done'], ['Apply bbbbbbbbbbbb two', 'running']]);
	t.deepEqual(state.progress, {label: 'Applying', current: 1, total: 2, unit: 'items'});
});

test('an image pull sums its layers into one progress bar', (t) => {
	const state = fold([
		event(0, {type: 'pull-start', image: 'postgres:15-alpine'}),
		event(1, {type: 'pull-progress', image: 'postgres:15-alpine', layer: 'l1', phase: 'Downloading', current: 50, total: 100}),
		event(2, {type: 'pull-progress', image: 'postgres:15-alpine', layer: 'l2', phase: 'Downloading', current: 25, total: 300}),
		event(3, {type: 'pull-progress', image: 'postgres:15-alpine', layer: 'l1', phase: 'Download complete'}),
	]);
	t.deepEqual(state.progress, {label: 'Pulling postgres:15-alpine', current: 75, total: 400, unit: 'bytes'});
	const done = taskReducer(state, event(9, {type: 'pull-done', image: 'postgres:15-alpine', durationMs: 9}));
	t.is(done.progress, undefined);
	t.is(done.items[0]!.status, 'done');
});

test('connection attempts, the lock wait and verdicts', (t) => {
	const state = fold([
		event(0, {type: 'connect-attempt', target: 'u@h:1/d', attempt: 2, error: 'ECONNREFUSED'}),
		event(5, {type: 'connected', target: 'u@h:1/d', serverVersion: '15.18'}),
		event(6, {type: 'lock-waiting', holderPid: 42, waitedMs: 100}),
		event(9, {type: 'step-verdict', id: 'check:schema', title: 'Database schema', verdict: 'failed', durationMs: 3, detail: '2 differences'}),
	]);
	t.deepEqual(state.items.map((item) => [item.title, item.status, item.detail]), [
		['Connect to u@h:1/d', 'done', 'PostgreSQL 15.18'],
		['Wait for the migration lock', 'running', 'held by backend 42'],
		['Database schema', 'failed', '2 differences'],
	]);
});

test('info, warnings and logs keep the last few lines; passwords are redacted', (t) => {
	const actions = Array.from({length: 6}, (_, index) => event(index, {type: 'info', message: `line ${index}`}));
	t.deepEqual(fold(actions).logs, ['line 2', 'line 3', 'line 4', 'line 5']);
	t.deepEqual(fold([event(0, {type: 'warning', message: 'careful', hint: 'do this'})]).logs, ['⚠ careful (do this)']);
});

test('finishing settles running steps; failing after a cancel marks them cancelled', (t) => {
	const running = fold([event(0, {type: 'step-start', id: 'a', title: 'A'})]);
	const done = taskReducer(running, {type: 'finish', outcome: {tone: 'success', summary: 'ok'}, at: 30});
	t.is(done.phase, 'done');
	t.deepEqual([done.items[0]!.status, done.items[0]!.durationMs, done.durationMs], ['done', 30, 30]);
	const cancelling = taskReducer(running, {type: 'cancel'});
	t.true(cancelling.isCancelling);
	const failed = taskReducer(cancelling, {type: 'fail', error: {message: 'Cancelled.'}, isCancelled: true, at: 40});
	t.deepEqual([failed.phase, failed.items[0]!.status, failed.error?.message], ['failed', 'cancelled', 'Cancelled.']);
});

test('a question pauses the task until it is answered', (t) => {
	const asked = fold([{type: 'ask', text: 'Revert?', details: ['DROP TABLE x;']}]);
	t.is(asked.phase, 'confirm');
	t.deepEqual(asked.question, {text: 'Revert?', details: ['DROP TABLE x;']});
	const answered = taskReducer(asked, {type: 'answered'});
	t.is(answered.phase, 'running');
	t.is(answered.question, undefined);
});

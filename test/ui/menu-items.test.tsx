import test from 'ava';
import {render} from 'ink-testing-library';
import {commands} from '../../source/commands/registry.js';
import {KeyRouterProvider} from '../../source/ui/hooks/use-keys.js';
import {describeItem, itemForKey, menuItems, type MenuItem} from '../../source/ui/menu-items.js';
import {HomeScreen} from '../../source/ui/screens/home-screen.js';
import {plain, runningProject, until} from './fake-services.js';

/** Commands the menu leaves out, each with the reason: a new command must be added to the menu or here. */
const leftOut: Record<string, string> = {
	'db url': 'prints the URL for scripts (export DATABASE_URL=...)',
	'db destroy': 'deletes the data: a typed command with its own confirmation',
	'db logs': 'a log stream, for a terminal of its own',
	'migrate status': 'the header shows it',
	'migrate current': 'the header shows it',
	'migrate show': 'needs a revision; history (h) lists them',
	'migrate stamp': 'rewrites the bookkeeping: a deliberate command',
	'migrate unlock': 'repairs a stuck lock: a deliberate command',
	lint: 'the validation suite (t) runs it',
	restore: 'replaces the data: a deliberate command',
	deploy: 'runs on Railway before the new instances start',
};

test('every item has its own key, and none is a navigation key', (t) => {
	const keys = menuItems.map((item) => item.key);
	t.is(new Set(keys).size, keys.length);
	for (const key of ['j', 'k', 'g', 'G', ' ']) t.false(keys.includes(key), key);
	for (const item of menuItems) t.is(itemForKey(item.key), item);
	t.is(itemForKey('z'), undefined);
});

test('every command of the registry is in the menu or left out with a reason', (t) => {
	const inMenu = new Set(menuItems.flatMap((item) => (item.command ? [item.command.join(' ')] : [])));
	const registered = new Set(commands.map((spec) => spec.path.join(' ')));
	for (const path of registered) t.true(inMenu.has(path) !== path in leftOut, `cc-dev ${path}: ${inMenu.has(path) ? 'in the menu and left out' : 'neither in the menu nor left out'}`);
	for (const path of [...inMenu, ...Object.keys(leftOut)]) t.true(registered.has(path), `cc-dev ${path} is not a command`);
});

test('an item names its command and takes its summary from the registry', (t) => {
	for (const item of menuItems.filter((candidate) => candidate.command)) {
		const spec = commands.find((candidate) => candidate.path.join(' ') === item.command!.join(' '))!;
		t.is(describeItem(item), `cc-dev ${[...item.command!, ...(item.flags ? [item.flags] : [])].join(' ')} · ${spec.summary}`);
	}
	t.regex(describeItem(menuItems.find((item) => item.id === 'dump')!), /^cc-dev dump --from-migrations · /);
});

test('the key shown beside each item runs that item', async (t) => {
	const ran: MenuItem[] = [];
	const home = (project: typeof runningProject | undefined) => (
		<KeyRouterProvider>
			<HomeScreen project={project} isLoading={!project} selected={0} last={undefined} width={80} height={24} onMove={() => {}} onRun={(item) => ran.push(item)} onQuit={() => {}} />
		</KeyRouterProvider>
	);
	// The provider subscribes to Ink's input after its first frame: the second frame proves it has.
	const app = render(home(undefined));
	t.teardown(() => app.unmount());
	app.rerender(home(runningProject));
	await until(() => plain(app.lastFrame()).includes('1 pending'), 'the header to be filled in');
	const shown = [...plain(app.lastFrame()).matchAll(/(?<=^|\s)(\S) {2}(\S+(?: \S+)*)/gm)]
		.map(([, key, label]) => ({key: key!, label: label!}))
		.filter(({label}) => menuItems.some((item) => item.label === label));
	t.deepEqual(shown.map(({label}) => label).sort(), menuItems.map((item) => item.label).sort(), 'every item is shown');
	for (const {key, label} of shown) {
		app.stdin.write(key);
		t.is(ran.at(-1)?.label, label, `the key ${key}`);
	}
	t.is(ran.length, shown.length);
});

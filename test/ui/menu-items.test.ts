import test from 'ava';
import {commands} from '../../source/commands/registry.js';
import {describeItem, itemForKey, menuItems} from '../../source/ui/menu-items.js';

test('every item has its own key, and none is a navigation key', (t) => {
	const keys = menuItems.map((item) => item.key);
	t.is(new Set(keys).size, keys.length);
	for (const key of ['j', 'k', 'g', 'G', ' ']) t.false(keys.includes(key), key);
	t.is(itemForKey('u')?.id, 'migrate-up');
	t.is(itemForKey('z'), undefined);
});

test('the menu covers the whole local workflow', (t) => {
	t.deepEqual(menuItems.map((item) => item.id).sort(), ['db-start', 'db-status', 'db-stop', 'drift', 'dump', 'history', 'migrate-down', 'migrate-generate', 'migrate-new', 'migrate-up', 'preview', 'psql', 'quit', 'suite'].sort());
});

test('an item names its command and takes its summary from the registry', (t) => {
	const up = menuItems.find((item) => item.id === 'migrate-up')!;
	const spec = commands.find((candidate) => candidate.path.join(' ') === 'migrate up')!;
	t.is(describeItem(up), `cc-dev migrate up · ${spec.summary}`);
	const known = new Set(commands.map((candidate) => candidate.path.join(' ')));
	for (const item of menuItems.filter((candidate) => candidate.command)) t.true(known.has(item.command!.join(' ')), item.command!.join(' '));
	t.regex(describeItem(menuItems.find((item) => item.id === 'dump')!), /^cc-dev dump --from-migrations · /);
});

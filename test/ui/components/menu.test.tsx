import test from 'ava';
import {cleanup, render} from 'ink-testing-library';
import {Menu} from '../../../source/ui/components/menu.js';
import {menuItems} from '../../../source/ui/menu-items.js';
import {plain} from '../fake-services.js';

const split = menuItems.findIndex((item) => item.id === 'migrate-up');

test('two columns at 80: database on the left, migrations and checks on the right; a pointer on the selection', (t) => {
	const {lastFrame} = render(<Menu items={menuItems} selected={split} width={80} split={split} />);
	const lines = plain(lastFrame()).split('\n');
	t.is(lines.length, menuItems.length - split);
	t.regex(lines[0]!, /^ {2}s {2}Start the database +› u {2}Apply pending migrations$/);
	t.regex(lines[3]!, /^ {2}o {2}Open psql +a {2}Generate a migration from schema changes$/);
	t.regex(lines[5]!, /^ {2}q {2}Quit +t {2}Run the validation suite$/);
	t.regex(lines[7]!, /^ +c {2}Check drift$/);
});

test('one column when narrow', (t) => {
	const {lastFrame} = render(<Menu items={menuItems} selected={0} width={50} split={split} />);
	const lines = plain(lastFrame()).split('\n');
	t.is(lines.length, menuItems.length);
	t.is(lines[0], '› s  Start the database');
	t.is(lines[split], '  u  Apply pending migrations');
});

test.after.always(() => {
	cleanup();
});

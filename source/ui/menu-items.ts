import {commands} from '../commands/registry.js';
import type {ActionId} from './services/types.js';

export type MenuItem = {
	readonly id: ActionId | 'quit';
	/** The key that runs it from the menu. */
	readonly key: string;
	readonly label: string;
	/** task: a task list; terminal: hands the terminal over (questions, psql); quit: leaves. */
	readonly kind: 'task' | 'terminal' | 'quit';
	/** The command doing the same in scripts and CI (its summary comes from the registry). */
	readonly command?: readonly string[];
	/** The flags the menu runs it with, when any. */
	readonly flags?: string;
	/** Used when the registry has no such command (yet). */
	readonly description: string;
};

/** The menu, in display order: the database on the left, migrations and checks on the right. */
export const menuItems: readonly MenuItem[] = [
	{id: 'db-start', key: 's', label: 'Start the database', kind: 'task', command: ['db', 'start'], description: 'Start the local database and wait until it accepts connections'},
	{id: 'db-stop', key: 'x', label: 'Stop the database', kind: 'task', command: ['db', 'stop'], description: 'Stop the local database, keeping its data'},
	{id: 'db-status', key: 'i', label: 'Database status', kind: 'task', command: ['db', 'status'], description: 'Provider, state, port, server version, size and revision'},
	{id: 'psql', key: 'o', label: 'Open psql', kind: 'terminal', command: ['db', 'psql'], description: 'psql on the database (inside the container with Docker); \\q comes back here'},
	{id: 'history', key: 'h', label: 'History', kind: 'task', command: ['migrate', 'history'], description: 'Every migration, newest first, with what is applied'},
	{id: 'quit', key: 'q', label: 'Quit', kind: 'quit', description: 'Leave cc-dev (Esc and Ctrl-C too)'},
	{id: 'migrate-up', key: 'u', label: 'Apply pending migrations', kind: 'task', command: ['migrate', 'up'], description: 'Apply pending migrations'},
	{id: 'migrate-down', key: 'r', label: 'Revert the last migration', kind: 'task', command: ['migrate', 'down'], description: 'Revert the last migration, after showing its down SQL'},
	{id: 'migrate-new', key: 'n', label: 'New migration', kind: 'terminal', command: ['migrate', 'new'], description: 'Write a new migration from a template'},
	{id: 'migrate-generate', key: 'a', label: 'Generate a migration from schema changes', kind: 'terminal', command: ['migrate', 'new'], flags: '--from-dev', description: 'Write the migration that turns the migrations\' schema into the one you changed, verified first'},
	{id: 'preview', key: 'p', label: 'Preview SQL', kind: 'task', command: ['migrate', 'preview'], description: 'The exact SQL of the pending migrations (d: of reverting the last one)'},
	{id: 'suite', key: 't', label: 'Run the validation suite', kind: 'task', command: ['test'], description: 'The validation suite, in scratch databases'},
	{id: 'dump', key: 'd', label: 'Dump the schema', kind: 'task', command: ['dump'], flags: '--from-migrations', description: 'Write railway_schema.sql from the migrations'},
	{id: 'drift', key: 'c', label: 'Check drift', kind: 'task', command: ['drift'], description: 'Compare the database with what its migrations produce'},
];

/** What the status line says about an item: its command and the registry's summary of it. */
export function describeItem(item: MenuItem): string {
	if (!item.command) return item.description;
	const spec = commands.find((candidate) => candidate.path.join(' ') === item.command!.join(' '));
	return `cc-dev ${[...item.command, ...(item.flags ? [item.flags] : [])].join(' ')} · ${spec?.summary ?? item.description}`;
}

/** The item a key runs, if any. */
export function itemForKey(input: string): MenuItem | undefined {
	return menuItems.find((item) => item.key === input);
}

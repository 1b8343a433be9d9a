import {InputError, UsageError} from '../errors.js';
import type {Migration} from './migration.js';

/** The revision graph: every migration, in an order where parents come before children. */
export type RevisionGraph = {
	readonly byRevision: ReadonlyMap<string, Migration>;
	/** Topological order; ties broken by Created, then revision id, so the order is stable. */
	readonly ordered: readonly Migration[];
	/** Revisions that no other revision revises. A healthy graph has exactly one. */
	readonly heads: readonly string[];
	readonly children: ReadonlyMap<string, readonly string[]>;
};

const base = 'base';

function findCycle(migrations: readonly Migration[], byRevision: ReadonlyMap<string, Migration>): string[] | undefined {
	const state = new Map<string, 'visiting' | 'done'>();
	const stack: string[] = [];
	const visit = (revision: string): string[] | undefined => {
		const seen = state.get(revision);
		if (seen === 'done') return undefined;
		if (seen === 'visiting') return [...stack.slice(stack.indexOf(revision)), revision];
		state.set(revision, 'visiting');
		stack.push(revision);
		for (const parent of byRevision.get(revision)?.parents ?? []) {
			const cycle = visit(parent);
			if (cycle) return cycle;
		}
		stack.pop();
		state.set(revision, 'done');
		return undefined;
	};
	for (const migration of migrations) {
		const cycle = visit(migration.revision);
		if (cycle) return cycle;
	}
	return undefined;
}

/** Builds and validates the graph: no duplicate ids, no unknown parents, no cycles. Several heads are allowed here and reported by `requireSingleHead`. */
export function buildGraph(migrations: readonly Migration[]): RevisionGraph {
	const byRevision = new Map<string, Migration>();
	const problems: string[] = [];
	for (const migration of migrations) {
		const existing = byRevision.get(migration.revision);
		if (existing) problems.push(`${migration.fileName} and ${existing.fileName} both declare revision ${migration.revision}: give one of them a new revision id.`);
		else byRevision.set(migration.revision, migration);
	}
	for (const migration of byRevision.values()) {
		for (const parent of migration.parents) {
			if (!byRevision.has(parent)) problems.push(`${migration.fileName} revises ${parent}, which no file in migrations/ declares: fix its Revises header or restore the missing file.`);
		}
	}
	if (problems.length === 0) {
		const cycle = findCycle([...byRevision.values()], byRevision);
		if (cycle) problems.push(`the Revises headers form a cycle: ${cycle.map((revision) => byRevision.get(revision)?.fileName ?? revision).join(' -> ')}: break it by fixing one Revises header.`);
	}
	if (problems.length > 0) {
		throw new InputError(problems.length === 1 ? `Invalid migration graph: ${problems[0]}` : `Invalid migration graph:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, {
			hint: 'Each migration names its parents in Revises; ids must be unique and every parent must exist.',
		});
	}

	const children = new Map<string, string[]>();
	for (const migration of byRevision.values()) {
		for (const parent of migration.parents) children.set(parent, [...(children.get(parent) ?? []), migration.revision]);
	}
	// Code-unit order, not localeCompare: the same on every machine, and without loading ICU's collator.
	const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
	const compare = (a: Migration, b: Migration): number => byText(a.created ?? '', b.created ?? '') || byText(a.revision, b.revision);
	const remaining = new Map([...byRevision.values()].map((migration) => [migration.revision, migration.parents.length]));
	const ready = [...byRevision.values()].filter((migration) => migration.parents.length === 0).sort(compare);
	const ordered: Migration[] = [];
	while (ready.length > 0) {
		const next = ready.shift()!;
		ordered.push(next);
		for (const child of children.get(next.revision) ?? []) {
			const left = remaining.get(child)! - 1;
			remaining.set(child, left);
			if (left === 0) {
				ready.push(byRevision.get(child)!);
				ready.sort(compare);
			}
		}
	}
	const heads = ordered.filter((migration) => !children.has(migration.revision)).map((migration) => migration.revision);
	return {byRevision, ordered, heads, children};
}

export function requireSingleHead(graph: RevisionGraph): string | undefined {
	if (graph.heads.length > 1) {
		const files = graph.heads.map((revision) => graph.byRevision.get(revision)!.fileName).join(', ');
		throw new InputError(`The migrations have ${graph.heads.length} heads: ${files}.`, {
			hint: `Two branches each added a migration. Create a merge revision: cc-dev migrate new "merge heads" --merge (its Revises lists ${graph.heads.join(', ')}).`,
		});
	}
	return graph.heads[0];
}

/** A revision and all its ancestors. */
export function ancestorsOf(graph: RevisionGraph, revision: string): Set<string> {
	const result = new Set<string>();
	const pending = [revision];
	while (pending.length > 0) {
		const next = pending.pop()!;
		if (result.has(next)) continue;
		result.add(next);
		pending.push(...(graph.byRevision.get(next)?.parents ?? []));
	}
	return result;
}

/**
 * Resolves what a user typed: a full id, a unique prefix (at least 4 characters), `head` or `base`.
 * Returns undefined for base.
 */
export function resolveRevision(graph: RevisionGraph, input: string): string | undefined {
	if (input === base) return undefined;
	if (input === 'head' || input === 'heads') return requireSingleHead(graph);
	if (graph.byRevision.has(input)) return input;
	const matches = input.length >= 4 ? [...graph.byRevision.keys()].filter((revision) => revision.startsWith(input)) : [];
	if (matches.length === 1) return matches[0];
	if (matches.length > 1) throw new UsageError(`The revision prefix "${input}" is ambiguous: ${matches.join(', ')}.`, {hint: 'Type more characters of the revision id.'});
	throw new UsageError(`Unknown revision "${input}".`, {hint: 'See `cc-dev migrate history` for the revisions in migrations/ (or use head / base).'});
}

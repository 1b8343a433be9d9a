import {UsageError} from '../errors.js';
import {ancestorsOf, requireSingleHead, resolveRevision, type RevisionGraph} from './graph.js';
import type {Migration} from './migration.js';

/** What `up` would apply to reach `to` (default: the single head), parents first. */
export function planUp(graph: RevisionGraph, applied: ReadonlySet<string>, to?: string): Migration[] {
	const target = to === undefined ? requireSingleHead(graph) : resolveRevision(graph, to);
	if (target === undefined) return [];
	const wanted = ancestorsOf(graph, target);
	return graph.ordered.filter((migration) => wanted.has(migration.revision) && !applied.has(migration.revision));
}

/** The applied migrations in reverse order: children before parents. */
function appliedNewestFirst(graph: RevisionGraph, applied: ReadonlySet<string>): Migration[] {
	return graph.ordered.filter((migration) => applied.has(migration.revision)).reverse();
}

/** A count of migrations to revert must be a whole number from 1; checked before anything connects. */
export function checkSteps(steps: number | undefined): void {
	if (steps !== undefined && (!Number.isInteger(steps) || steps < 1)) throw new UsageError(`--steps must be a positive whole number (got ${steps}).`);
}

/**
 * What `down` would revert: to `to` (exclusive: `to` stays applied; `base` reverts all), or the last
 * `steps` migrations (default one). Asking for more than is applied is a usage error.
 */
export function planDown(graph: RevisionGraph, applied: ReadonlySet<string>, options: {to?: string; steps?: number}): Migration[] {
	const newestFirst = appliedNewestFirst(graph, applied);
	if (options.to !== undefined) {
		const target = resolveRevision(graph, options.to);
		if (target !== undefined && !applied.has(target)) {
			throw new UsageError(`Revision ${target} is not applied, so the database cannot go down to it.`, {hint: 'See `cc-dev migrate status` for what is applied.'});
		}
		const keep = target === undefined ? new Set<string>() : ancestorsOf(graph, target);
		return newestFirst.filter((migration) => !keep.has(migration.revision));
	}
	const steps = options.steps ?? 1;
	checkSteps(steps);
	if (newestFirst.length === 0) {
		throw new UsageError('Nothing to revert: the database is at base (no migration is applied).', {hint: 'See `cc-dev migrate status`.'});
	}
	if (steps > newestFirst.length) {
		throw new UsageError(`Cannot go down ${steps} steps: only ${newestFirst.length} migration${newestFirst.length === 1 ? ' is' : 's are'} applied.`, {
			hint: `Use --steps ${newestFirst.length} or --to base to revert everything.`,
		});
	}
	return newestFirst.slice(0, steps);
}

/** Checks that every migration of a down plan has a down section before anything runs. */
export function requireDownSections(plan: readonly Migration[]): void {
	const missing = plan.filter((migration) => !migration.down || migration.down.sql.trim() === '');
	if (missing.length > 0) {
		throw new UsageError(`Cannot revert ${missing.map((migration) => migration.fileName).join(', ')}: no down section.`, {
			hint: 'Add a "-- migrate:down" section with the SQL that undoes the migration.',
		});
	}
}

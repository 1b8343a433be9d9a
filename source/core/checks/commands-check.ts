import type {ConnectionTarget} from '../database/target.js';
import {scratchDatabaseGuard} from '../guards/production.js';
import {requireSingleHead} from '../migrations/graph.js';
import {runMigrations} from '../migrations/run-migrations.js';
import {readMigrationStatus} from '../migrations/status.js';
import {compareSnapshots} from '../schema/compare-snapshots.js';
import {readSnapshot} from '../schema/read-snapshot.js';
import {listSchemaObjects} from '../schema/schema-objects.js';
import type {SchemaSnapshot} from '../schema/snapshot.js';
import {failed, passed, skipped, type Check} from './check.js';
import {plural} from '../plural.js';

/** A database's structure: the catalog snapshot plus every object's name (functions, views, sequences...). */
type Structure = {readonly snapshot: SchemaSnapshot; readonly objects: readonly string[]};

async function structureOf(target: ConnectionTarget, waitMs: number): Promise<Structure> {
	const [snapshot, objects] = await Promise.all([readSnapshot(target), listSchemaObjects(target, {waitMs})]);
	return {snapshot, objects};
}

function differences(expected: Structure, actual: Structure): string[] {
	const lines = compareSnapshots(expected.snapshot, actual.snapshot).map((difference) => difference.message);
	const missing = expected.objects.filter((object) => !actual.objects.includes(object)).map((object) => `missing ${object}`);
	const extra = actual.objects.filter((object) => !expected.objects.includes(object)).map((object) => `extra ${object}`);
	const reported = new Set(lines.map((line) => line.replace(/ \(.*$/, '')));
	return [...lines, ...[...missing, ...extra].filter((line) => !reported.has(line))];
}

/**
 * 3. On a scratch database: up to head; status and current agree with head; down to base leaves an
 * empty schema; then for every migration, up -> down -> up gives the same schema as up (and down
 * gives back the schema before it), so a broken down section is caught.
 */
export const commandsCheck: Check = {
	id: 'commands',
	title: 'Migration commands',
	passedTitle: 'Migration commands functional',
	prepare(context) {
		void context.ownScratch('migration commands').catch(() => {});
	},
	async run(context) {
		const graph = context.graph();
		const head = requireSingleHead(graph);
		if (!head) return skipped('no migrations in migrations/ yet');
		const database = await context.ownScratch('migration commands');
		const options = context.runOptions(database.target);
		await runMigrations({...options, direction: 'up'});
		const status = await readMigrationStatus({target: database.target, migrationsDir: context.migrationsDir, waitMs: context.waitMs});
		if (status.current.length !== 1 || status.current[0] !== head || status.pending.length > 0 || status.problems.length > 0) {
			return failed(`after up, status says current ${status.current.join(', ') || 'base'} with ${status.pending.length} pending; expected head ${head}`, {lines: status.problems});
		}
		await runMigrations({...options, ...scratchDatabaseGuard, direction: 'down', to: 'base'});
		const left = await listSchemaObjects(database.target, {waitMs: context.waitMs});
		if (left.length > 0) {
			return failed(`down to base leaves ${plural(left.length, 'object')}: ${left.slice(0, 3).join(', ')}${left.length > 3 ? ', ...' : ''}`, {
				lines: left,
				hint: 'A down section must undo everything its up section creates (see which migration creates these objects).',
			});
		}
		let previous = await structureOf(database.target, context.waitMs);
		for (const migration of graph.ordered) {
			await runMigrations({...options, direction: 'up', to: migration.revision});
			const applied = await structureOf(database.target, context.waitMs);
			await runMigrations({...options, ...scratchDatabaseGuard, direction: 'down', steps: 1});
			const reverted = differences(previous, await structureOf(database.target, context.waitMs));
			if (reverted.length > 0) {
				return failed(`${migration.fileName}: down does not undo up (${plural(reverted.length, 'difference')})`, {lines: reverted, hint: 'Fix its down section so that it removes exactly what the up section adds.'});
			}
			await runMigrations({...options, direction: 'up', to: migration.revision});
			const again = await structureOf(database.target, context.waitMs);
			const changed = differences(applied, again);
			if (changed.length > 0) {
				return failed(`${migration.fileName}: up -> down -> up gives another schema than up (${plural(changed.length, 'difference')})`, {lines: changed, hint: 'Its down section leaves something behind that changes the next up.'});
			}
			previous = again;
		}
		return passed(`up to head, status and current at ${head}, down to base leaves nothing, up -> down -> up of each of ${plural(graph.ordered.length, 'migration')} is exact`, `${plural(graph.ordered.length, 'migration')} round-tripped`);
	},
};

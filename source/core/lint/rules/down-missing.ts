import type {MigrationRule} from '../rule.js';

export const downMissing: MigrationRule = {
	id: 'down-missing',
	kind: 'migration',
	severity: 'warning',
	summary: 'No "-- migrate:down" section, or one with no statement.',
	why: 'Without a down section `cc-dev migrate down` cannot revert this migration: rolling back a bad deploy then means restoring a backup or writing SQL under pressure.',
	fix: 'Write the SQL that undoes the up section under "-- migrate:down". If the migration cannot be undone (it destroys data), say so in the header: "-- cc-dev-lint-disable down-missing: <why>".',
	check(migration, facts) {
		if (migration.down === undefined) {
			return [{message: 'The migration has no "-- migrate:down" section.', offset: migration.text.length}];
		}
		if (facts.downStatements !== 0) return [];
		const markerOffset = migration.text.lastIndexOf('\n', Math.max(migration.down.offset - 2, 0)) + 1;
		return [{message: 'The "-- migrate:down" section has no statement.', offset: migration.down.offset === 0 ? 0 : markerOffset}];
	},
};

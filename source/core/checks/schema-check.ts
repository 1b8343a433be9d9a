import {existsSync} from 'node:fs';
import path from 'node:path';
import {compareSnapshots, countSnapshot} from '../schema/compare-snapshots.js';
import {readSnapshot} from '../schema/read-snapshot.js';
import {failed, passed, type Check} from './check.js';
import {plural} from '../plural.js';

export const regenerateCommand = 'npx cc-dev dump --from-migrations';

/**
 * 4. The migrated scratch database has exactly the expected structure: tables, columns, types,
 * nullability, defaults, keys, indexes, foreign keys, constraints, enum values, extensions.
 * "Expected" is the committed railway_schema.sql, restored into a second scratch database: the
 * reviewed dump, compared structurally (not as text; check 6 does that).
 */
export const schemaCheck: Check = {
	id: 'schema',
	title: 'Database schema',
	passedTitle: 'Database schema created correctly',
	prepare(context) {
		void context.migratedToHead().catch(() => {});
		if (existsSync(context.schemaFile)) void context.expectedSchema().catch(() => {});
	},
	async run(context) {
		const file = path.basename(context.schemaFile);
		if (!existsSync(context.schemaFile)) {
			return failed(`${file} is missing: it is the reviewed schema the migrations must produce`, {hint: `Generate it with ${regenerateCommand}, review it and commit it.`});
		}
		const [migrated, expected] = await Promise.all([context.migratedToHead(), context.expectedSchema()]);
		const [actual, wanted] = await Promise.all([readSnapshot(migrated.target), readSnapshot(expected.target)]);
		const differences = compareSnapshots(wanted, actual);
		const counts = countSnapshot(actual);
		const tables = plural(counts.tables, 'table');
		if (differences.length > 0) {
			return failed(`${plural(differences.length, 'difference')} between the migrated schema and ${file}: ${differences[0]!.message}${differences.length > 1 ? ', ...' : ''}`, {
				lines: differences.map((difference) => difference.message),
				hint: `Fix the migrations, or, when they are right and ${file} is stale, regenerate it with ${regenerateCommand} and review the diff.`,
				figure: tables,
			});
		}
		const enums = counts.enums > 0 ? `, ${plural(counts.enums, 'enum')}` : '';
		return passed(`${tables}, ${plural(counts.columns, 'column')}, ${plural(counts.indexes, 'index', 'indexes')}, ${plural(counts.foreignKeys, 'foreign key')}${enums} match ${file}`, tables);
	},
};

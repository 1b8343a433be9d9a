import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {requireSingleHead} from '../migrations/graph.js';
import {dumpSchema, normaliseDump} from '../schema/dump-schema.js';
import {unifiedDiff} from '../schema/line-diff.js';
import {failed, passed, type Check} from './check.js';
import {regenerateCommand} from './schema-check.js';
import {plural} from '../plural.js';

/**
 * 6. pg_dump --schema-only of the migrated scratch database works, and matches the committed
 * railway_schema.sql once the lines that legitimately vary (pg_dump's version comments, `\restrict`)
 * are left out; otherwise the diff and the command that regenerates the file.
 */
export const dumpCheck: Check = {
	id: 'dump',
	title: 'Schema dump',
	passedTitle: 'Schema dump working',
	prepare(context) {
		void context.migratedToHead().catch(() => {});
		void context.pgDump().catch(() => {});
	},
	async run(context) {
		const head = requireSingleHead(context.graph());
		const [database, tool] = await Promise.all([context.migratedToHead(), context.pgDump()]);
		const dump = await dumpSchema({target: database.target, tool, ...(head ? {revision: head} : {}), ...(context.signal ? {signal: context.signal} : {})});
		const lines = plural(dump.lineCount, 'line');
		const file = path.basename(context.schemaFile);
		if (!existsSync(context.schemaFile)) {
			return failed(`the dump works (${lines}, ${tool.description}) but ${file} is missing`, {hint: `Generate it with ${regenerateCommand}, review it and commit it.`, figure: lines});
		}
		const committed = normaliseDump(readFileSync(context.schemaFile, 'utf8')).split('\n');
		const produced = normaliseDump(dump.text).split('\n');
		const diff = unifiedDiff(committed, produced, {fromName: `${file} (committed)`, toName: `${file} (from the migrations)`, maxLines: 80});
		if (diff.length > 0) {
			const changed = diff.slice(2).filter((line) => /^[+-]/.test(line)).length;
			return failed(`${file} differs from the dump of the migrated schema (${plural(changed, 'changed line')})`, {
				lines: diff,
				hint: `When the migrations are right, regenerate it: ${regenerateCommand} (then review and commit ${file}).`,
				figure: lines,
			});
		}
		return passed(`${lines} with ${tool.description}; identical to ${file}`, lines);
	},
};

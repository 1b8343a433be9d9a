import {alterTableOf, formatName, formatType, nodeAs, typeInfoOf} from '../ast.js';
import type {TypeInfo} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

function lengthCovers(from: readonly number[], to: readonly number[]): boolean {
	if (to.length === 0) return true;
	return from.length > 0 && to[0]! >= from[0]!;
}

/** Types whose modifier is a fractional-seconds precision, at most 6 (PostgreSQL's MAX_TIMESTAMP_PRECISION, MAX_TIME_PRECISION). */
const temporalTypes = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);
const maxPrecision = 6;

/**
 * PostgreSQL's TemporalSimplify (timestamp_support, time_support): a precision change is a no-op
 * when the new precision is unlimited or the maximum, or not below a precision the old type had.
 */
function temporalKeepsData(from: readonly number[], to: readonly number[]): boolean {
	const newPrecision = to[0];
	if (newPrecision === undefined || newPrecision === maxPrecision) return true;
	const oldPrecision = from[0];
	return oldPrecision !== undefined && newPrecision >= oldPrecision;
}

/** interval's range masks → its least field, as PostgreSQL's intervaltypmodleastfield (0 = SECOND ... 5 = YEAR). */
const YEAR = 1 << 2;
const MONTH = 1 << 1;
const DAY = 1 << 3;
const HOUR = 1 << 10;
const MINUTE = 1 << 11;
const SECOND = 1 << 12;
const fullRange = 0x7fff;
const leastFields = new Map<number, number>([
	[YEAR, 5],
	[MONTH, 4],
	[DAY, 3],
	[HOUR, 2],
	[MINUTE, 1],
	[SECOND, 0],
	[YEAR | MONTH, 4],
	[DAY | HOUR, 2],
	[DAY | HOUR | MINUTE, 1],
	[DAY | HOUR | MINUTE | SECOND, 0],
	[HOUR | MINUTE, 1],
	[HOUR | MINUTE | SECOND, 0],
	[MINUTE | SECOND, 0],
	[fullRange, 0],
]);
/** INTERVAL_FULL_PRECISION: no precision written. */
const unspecifiedPrecision = 0xffff;

/**
 * PostgreSQL's interval_support: the cast is a no-op when the new type is plain `interval`, or when
 * its least field stays or gets smaller while the seconds precision stays or grows (precision
 * only matters when the range reaches SECOND). Modifiers as the parser gives them: [range mask, precision?].
 */
function intervalKeepsData(from: readonly number[], to: readonly number[]): boolean {
	if (to.length === 0) return true;
	const oldLeast = from.length === 0 ? 0 : leastFields.get(from[0]!);
	const newLeast = leastFields.get(to[0]!);
	if (oldLeast === undefined || newLeast === undefined) return false;
	const oldPrecision = from.length === 0 ? maxPrecision : (from[1] ?? unspecifiedPrecision);
	const newPrecision = to[1] ?? unspecifiedPrecision;
	return newLeast <= oldLeast && (oldLeast > 0 || newPrecision >= maxPrecision || newPrecision >= oldPrecision);
}

/** Whether PostgreSQL changes `from` into `to` without rewriting the table (a binary-coercible change). */
export function isBinaryCompatible(from: TypeInfo, to: TypeInfo): boolean {
	if (from.isArray !== to.isArray) return false;
	if (from.name === to.name && from.modifiers.join(',') === to.modifiers.join(',')) return true;
	if (from.name === to.name && temporalTypes.has(from.name)) return temporalKeepsData(from.modifiers, to.modifiers);
	if (from.name === 'interval' && to.name === 'interval') return intervalKeepsData(from.modifiers, to.modifiers);
	if ((from.name === 'varchar' || from.name === 'text') && to.name === 'text') return true;
	if (from.name === 'varchar' && to.name === 'varchar') return lengthCovers(from.modifiers, to.modifiers);
	if (from.name === 'text' && to.name === 'varchar') return to.modifiers.length === 0;
	if (from.name === 'varbit' && to.name === 'varbit') return lengthCovers(from.modifiers, to.modifiers);
	if (from.name === 'numeric' && to.name === 'numeric') {
		if (to.modifiers.length === 0) return true;
		if (from.modifiers.length === 0) return false;
		return to.modifiers[0]! >= from.modifiers[0]! && (to.modifiers[1] ?? 0) === (from.modifiers[1] ?? 0);
	}
	return from.name === 'cidr' && to.name === 'inet';
}

export const columnTypeRewrite: StatementRule = {
	id: 'column-type-rewrite',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'ALTER COLUMN ... TYPE that rewrites an existing table.',
	why: 'A type change that is not binary-compatible rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: every read and write waits, for minutes on a large table. Instances of the old release may also not handle the new type.',
	fix: 'Add a column of the new type, write to both (application or trigger), backfill it in batches, switch reads to it, and drop the old column in a later release. Changes that do not rewrite: varchar(n) to a longer varchar or to text, numeric(p,s) to a larger precision with the same scale, timestamp/time/interval to a higher or unlimited precision.',
	check(statement, context) {
		const alter = alterTableOf(statement.node);
		if (!alter || context.isNewTable(alter.table)) return [];
		const reports: RuleReport[] = [];
		for (const command of alter.commands) {
			if (command.subtype !== 'AT_AlterColumnType' || command.name === undefined) continue;
			const definition = nodeAs(command.def, 'ColumnDef');
			const target = typeInfoOf(definition?.typeName);
			if (!definition || !target) continue;
			const column = `${formatName(alter.table)}.${formatName(command.name)}`;
			const location = definition.typeName?.location;
			if (definition.raw_default !== undefined) {
				reports.push({message: `${column} changes type to ${formatType(target)} with USING, which rewrites the table.`, location});
				continue;
			}
			const current = context.schema.columnType(alter.table.name, command.name);
			if (current === undefined) {
				reports.push({
					message: `${column} changes type to ${formatType(target)}: unless its current type converts without a rewrite (e.g. a shorter varchar), this rewrites the table.`,
					location,
				});
			} else if (!isBinaryCompatible(current, target)) {
				reports.push({message: `${column} changes type from ${formatType(current)} to ${formatType(target)}, which rewrites the table.`, location});
			}
		}
		return reports;
	},
};

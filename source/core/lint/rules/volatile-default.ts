import type {Constraint, Node} from 'libpg-query';
import {addedColumnsOf, constraintsOf, formatName, isSerialType, nameOfList, typeInfoOf, walk} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

/** Built-in (and common extension) functions that are VOLATILE: a default calling them is evaluated per row. */
const volatileFunctions = new Set([
	'random',
	'random_normal',
	'gen_random_uuid',
	'uuid_generate_v1',
	'uuid_generate_v1mc',
	'uuid_generate_v4',
	'uuidv4',
	'uuidv7',
	'gen_random_bytes',
	'clock_timestamp',
	'timeofday',
	'nextval',
	'currval',
	'lastval',
	'setval',
	'txid_current',
	'pg_current_xact_id',
]);

/**
 * Functions known to be IMMUTABLE or STABLE, with the argument counts of their built-in forms:
 * PostgreSQL 11+ evaluates such a default once, without a rewrite. A call with another number of
 * arguments is some other function of that name (or none), whose volatility is not known.
 */
const nonVolatileFunctions: ReadonlyMap<string, readonly number[]> = new Map([
	['now', [0]],
	['statement_timestamp', [0]],
	['transaction_timestamp', [0]],
	['timezone', [2]],
	['date_trunc', [2, 3]],
	['date_part', [2]],
	['make_date', [3]],
	['make_time', [3]],
	['make_timestamp', [6]],
	['make_timestamptz', [6, 7]],
	['make_interval', [0, 1, 2, 3, 4, 5, 6, 7]],
	['to_char', [2]],
	['to_date', [2]],
	['to_timestamp', [1, 2]],
	['to_number', [2]],
	['lower', [1]],
	['upper', [1]],
	['btrim', [1, 2]],
	['ltrim', [1, 2]],
	['rtrim', [1, 2]],
	['concat', []],
	['concat_ws', []],
	['replace', [3]],
	['substring', [2, 3]],
	['substr', [2, 3]],
	['left', [2]],
	['right', [2]],
	['length', [1, 2]],
	['md5', [1]],
	['abs', [1]],
	['round', [1, 2]],
	['floor', [1]],
	['ceil', [1]],
	['to_json', [1]],
	['to_jsonb', [1]],
	['json_build_object', []],
	['json_build_array', []],
	['jsonb_build_object', []],
	['jsonb_build_array', []],
	['array_fill', [2, 3]],
	['current_setting', [1, 2]],
	['uuid_nil', [0]],
	['int2', [1]],
	['int4', [1]],
	['int8', [1]],
	['numeric', [1, 2]],
	['text', [1]],
	['bool', [1]],
]);

/** Whether a call matches a known non-volatile built-in (an empty list of counts: variadic, any count). */
function isKnownNonVolatile(name: string, argumentCount: number): boolean {
	const counts = nonVolatileFunctions.get(name);
	return counts !== undefined && (counts.length === 0 || counts.includes(argumentCount));
}

type Verdict = {volatile: 'yes' | 'maybe'; functionName: string; otherArguments?: number} | undefined;

function volatility(expression: Node | undefined): Verdict {
	let verdict: Verdict;
	walk(expression === undefined ? [] : [expression], (kind, body) => {
		if (kind !== 'FuncCall' || verdict?.volatile === 'yes') return;
		const call = body as {funcname?: Node[]; args?: Node[]};
		const name = nameOfList(call.funcname);
		if (!name) return;
		if (volatileFunctions.has(name.name)) verdict = {volatile: 'yes', functionName: name.name};
		else if (!isKnownNonVolatile(name.name, call.args?.length ?? 0) && verdict === undefined) {
			verdict = {volatile: 'maybe', functionName: formatName(name), ...(nonVolatileFunctions.has(name.name) ? {otherArguments: call.args?.length ?? 0} : {})};
		}
	});
	return verdict;
}

function problem(constraint: Constraint | undefined, isSerial: boolean): {what: string; certain: boolean} | undefined {
	if (isSerial) return {what: 'a serial type (a nextval() default)', certain: true};
	if (!constraint) return undefined;
	if (constraint.contype === 'CONSTR_IDENTITY') return {what: 'GENERATED AS IDENTITY (a sequence value per row)', certain: true};
	if (constraint.contype === 'CONSTR_GENERATED') return {what: 'GENERATED ALWAYS AS ... STORED (computed for every row)', certain: true};
	if (constraint.contype !== 'CONSTR_DEFAULT') return undefined;
	const verdict = volatility(constraint.raw_expr);
	if (!verdict) return undefined;
	return verdict.volatile === 'yes'
		? {what: `DEFAULT ${verdict.functionName}(), which is volatile`, certain: true}
		: verdict.otherArguments !== undefined
			? {what: `DEFAULT ${verdict.functionName}(...) with ${verdict.otherArguments} argument${verdict.otherArguments === 1 ? '' : 's'}, which is not the built-in ${verdict.functionName} nor a known IMMUTABLE or STABLE function`, certain: false}
			: {what: `DEFAULT ${verdict.functionName}(), which is not a known IMMUTABLE or STABLE function`, certain: false};
}

export const volatileDefault: StatementRule = {
	id: 'volatile-default',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'A column added to an existing table with a volatile default (random(), gen_random_uuid(), clock_timestamp(), serial, identity, stored generated column).',
	why: 'PostgreSQL 11+ adds a column with a constant or STABLE default (now(), a literal) instantly, but a volatile default must be computed for every existing row: the whole table is rewritten under an ACCESS EXCLUSIVE lock and every read and write waits.',
	fix: 'Add the column without a default (or with a constant one), set the volatile default with ALTER COLUMN ... SET DEFAULT (affects new rows only), then backfill existing rows in batches in a later migration or job.',
	check(statement, context) {
		const reports: RuleReport[] = [];
		for (const {table, column} of addedColumnsOf(statement.node)) {
			if (context.isNewTable(table)) continue;
			const constraints = constraintsOf(column);
			const serial = isSerialType(typeInfoOf(column.typeName));
			const candidates = serial ? [undefined] : constraints;
			for (const constraint of candidates) {
				const found = problem(constraint, serial);
				if (!found) continue;
				const where = `column ${formatName(column.colname ?? '')} added to ${formatName(table)}`;
				reports.push({
					message: found.certain
						? `The ${where} has ${found.what}: the table is rewritten.`
						: `The ${where} has ${found.what}: if it is VOLATILE (the default for CREATE FUNCTION), the table is rewritten.`,
					location: constraint?.location ?? column.location,
				});
			}
		}
		return reports;
	},
};

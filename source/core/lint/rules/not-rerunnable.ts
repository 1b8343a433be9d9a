import type {Node} from 'libpg-query';
import {alterTableOf, formatName, nameOfRangeVar, nodeAs} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

const dropKinds: Readonly<Record<string, string>> = {
	OBJECT_TABLE: 'DROP TABLE',
	OBJECT_INDEX: 'DROP INDEX',
	OBJECT_TYPE: 'DROP TYPE',
	OBJECT_VIEW: 'DROP VIEW',
	OBJECT_MATVIEW: 'DROP MATERIALIZED VIEW',
	OBJECT_SEQUENCE: 'DROP SEQUENCE',
	OBJECT_FUNCTION: 'DROP FUNCTION',
	OBJECT_TRIGGER: 'DROP TRIGGER',
	OBJECT_DOMAIN: 'DROP DOMAIN',
	OBJECT_SCHEMA: 'DROP SCHEMA',
	OBJECT_EXTENSION: 'DROP EXTENSION',
};

type Problem = {readonly what: string; readonly add: 'IF NOT EXISTS' | 'IF EXISTS' | 'OR REPLACE'; readonly location?: number | undefined};

/** Why running the statement a second time fails (or, for an unnamed index, builds a second one); undefined when it is safe to repeat. */
function repeatProblems(node: Node): Problem[] {
	const index = nodeAs(node, 'IndexStmt');
	if (index) {
		if (index.idxname === undefined) return [{what: 'CREATE INDEX without a name (a re-run builds a second index)', add: 'IF NOT EXISTS'}];
		return index.if_not_exists ? [] : [{what: `CREATE INDEX ${formatName(index.idxname)}`, add: 'IF NOT EXISTS'}];
	}
	const create = nodeAs(node, 'CreateStmt');
	if (create) return create.if_not_exists ? [] : [{what: `CREATE TABLE ${formatName(nameOfRangeVar(create.relation) ?? '')}`, add: 'IF NOT EXISTS'}];
	for (const [kind, label] of [
		['CreateSeqStmt', 'CREATE SEQUENCE'],
		['CreateSchemaStmt', 'CREATE SCHEMA'],
		['CreateExtensionStmt', 'CREATE EXTENSION'],
	] as const) {
		const body = nodeAs(node, kind) as {if_not_exists?: boolean} | undefined;
		if (body) return body.if_not_exists ? [] : [{what: label, add: 'IF NOT EXISTS'}];
	}
	const view = nodeAs(node, 'ViewStmt');
	if (view) return view.replace ? [] : [{what: 'CREATE VIEW', add: 'OR REPLACE'}];
	const drop = nodeAs(node, 'DropStmt');
	if (drop) {
		const label = dropKinds[drop.removeType ?? ''];
		return label === undefined || drop.missing_ok ? [] : [{what: label, add: 'IF EXISTS'}];
	}
	const enumValue = nodeAs(node, 'AlterEnumStmt');
	if (enumValue) return enumValue.newVal === undefined || enumValue.oldVal !== undefined || enumValue.skipIfNewValExists ? [] : [{what: `ADD VALUE '${enumValue.newVal}'`, add: 'IF NOT EXISTS'}];
	const alter = alterTableOf(node);
	const problems: Problem[] = [];
	for (const command of alter?.commands ?? []) {
		if (command.missing_ok) continue;
		if (command.subtype === 'AT_AddColumn') {
			const column = nodeAs(command.def, 'ColumnDef');
			problems.push({what: `ADD COLUMN ${formatName(column?.colname ?? '')}`, add: 'IF NOT EXISTS', location: column?.location});
		} else if (command.subtype === 'AT_DropColumn') problems.push({what: `DROP COLUMN ${formatName(command.name ?? '')}`, add: 'IF EXISTS'});
		else if (command.subtype === 'AT_DropConstraint') problems.push({what: `DROP CONSTRAINT ${formatName(command.name ?? '')}`, add: 'IF EXISTS'});
	}
	return problems;
}

export const notRerunnable: StatementRule = {
	id: 'not-rerunnable',
	kind: 'statement',
	severity: 'warning',
	sections: 'up',
	summary: 'In a migration without a transaction (Transaction: none), a statement that fails when the migration is run again after a partial failure.',
	why: 'Without a transaction, a failure part-way leaves the statements before it applied. The fix is to correct the migration and run it again, and then this statement fails ("already exists", "does not exist") before reaching the part that did not run. A failed CREATE INDEX CONCURRENTLY also leaves its INVALID index behind under the name.',
	fix: 'Make each statement safe to repeat: CREATE ... IF NOT EXISTS, DROP ... IF EXISTS, ADD COLUMN IF NOT EXISTS, ADD VALUE IF NOT EXISTS, CREATE OR REPLACE. Better still, keep a migration without a transaction to a single statement.',
	check(statement, context) {
		if (context.transactional || context.transaction.inside) return [];
		const index = nodeAs(statement.node, 'IndexStmt');
		// DROP INDEX IF EXISTS just before makes the CREATE safe to repeat (and clears an INVALID leftover).
		if (index?.idxname !== undefined && context.created.droppedIfExists.has({schema: index.relation?.schemaname, name: index.idxname})) return [];
		const concurrentIndex = index?.concurrent === true;
		// When the last statement fails, nothing of it stays applied, except a concurrent index build's INVALID index.
		if (context.remaining === 0 && !concurrentIndex) return [];
		const reports: RuleReport[] = [];
		for (const problem of repeatProblems(statement.node)) {
			reports.push({message: `${problem.what} without ${problem.add}: after a partial failure the migration cannot simply be run again.`, location: problem.location});
		}
		return reports;
	},
};

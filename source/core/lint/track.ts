import type {ColumnDef, Constraint, Node} from 'libpg-query';
import {alterTableOf, constraintsOf, nameOfList, nameOfRangeVar, nodeAs, notNullTestColumn, typeInfoOf} from './ast.js';
import type {ObjectName} from './ast.js';
import type {MigrationState, SchemaState} from './state.js';
import type {TransactionWork} from './transactions.js';

/** PostgreSQL's default name for a CHECK constraint: `<table>_<first column>_check`. */
function defaultCheckName(table: string, constraint: Constraint): string {
	const column = notNullTestColumn(constraint.raw_expr);
	return column === undefined ? `${table}_check` : `${table}_${column}_check`;
}

function recordCheck(schema: SchemaState, table: string, constraint: Constraint, valid: boolean): void {
	if (constraint.contype !== 'CONSTR_CHECK') return;
	schema.addCheck(table, constraint.conname ?? defaultCheckName(table, constraint), {notNullColumn: notNullTestColumn(constraint.raw_expr), valid});
}

function recordColumn(schema: SchemaState, table: string, column: ColumnDef): void {
	if (column.colname === undefined) return;
	schema.setColumnType(table, column.colname, typeInfoOf(column.typeName));
	for (const constraint of constraintsOf(column)) recordCheck(schema, table, constraint, true);
}

function recordCreateTable(node: Node, created: MigrationState, schema: SchemaState): boolean {
	const create = nodeAs(node, 'CreateStmt');
	const table = nameOfRangeVar(create?.relation ?? nodeAs(node, 'CreateTableAsStmt')?.into?.rel ?? nodeAs(node, 'SelectStmt')?.intoClause?.rel);
	if (!table) return false;
	created.tables.add(table);
	schema.dropTable(table.name);
	for (const element of create?.tableElts ?? []) {
		const column = nodeAs(element, 'ColumnDef');
		if (column) recordColumn(schema, table.name, column);
		const constraint = nodeAs(element, 'Constraint');
		if (constraint) recordCheck(schema, table.name, constraint, true);
	}
	return true;
}

function recordAlterTable(node: Node, created: MigrationState, schema: SchemaState): void {
	const alter = alterTableOf(node);
	if (!alter) return;
	const table = alter.table.name;
	const isNew = created.tables.has(alter.table);
	for (const command of alter.commands) {
		switch (command.subtype) {
			case 'AT_AddColumn': {
				const column = nodeAs(command.def, 'ColumnDef');
				if (!column) break;
				recordColumn(schema, table, column);
				if (!isNew && column.colname !== undefined) created.columns.add(`${table}.${column.colname}`);
				break;
			}
			case 'AT_AlterColumnType': {
				const column = nodeAs(command.def, 'ColumnDef');
				if (command.name !== undefined && column) schema.setColumnType(table, command.name, typeInfoOf(column.typeName));
				break;
			}
			case 'AT_DropColumn': {
				if (command.name !== undefined) schema.dropColumn(table, command.name);
				break;
			}
			case 'AT_AddConstraint': {
				const constraint = nodeAs(command.def, 'Constraint');
				if (!constraint) break;
				const notValid = Boolean(constraint.skip_validation) && !isNew;
				recordCheck(schema, table, constraint, !notValid);
				break;
			}
			case 'AT_ValidateConstraint': {
				if (command.name !== undefined) schema.validateCheck(table, command.name);
				break;
			}
			case 'AT_DropConstraint': {
				if (command.name !== undefined) schema.dropCheck(table, command.name);
				break;
			}
			default:
				break;
		}
	}
}

function recordRename(node: Node, created: MigrationState, schema: SchemaState): void {
	const renaming = nodeAs(node, 'RenameStmt');
	const relation = nameOfRangeVar(renaming?.relation);
	if (!renaming?.newname || !relation) return;
	if (renaming.renameType === 'OBJECT_TABLE') {
		schema.renameTable(relation.name, renaming.newname);
		if (created.tables.has(relation)) {
			created.tables.delete(relation);
			created.tables.add({schema: relation.schema, name: renaming.newname});
		}
	} else if (renaming.renameType === 'OBJECT_COLUMN' && renaming.subname !== undefined) {
		schema.renameColumn(relation.name, renaming.subname, renaming.newname);
	} else if (renaming.renameType === 'OBJECT_TABCONSTRAINT' && renaming.subname !== undefined) {
		schema.dropCheck(relation.name, renaming.subname);
	}
}

function recordDrop(node: Node, created: MigrationState, schema: SchemaState): void {
	const drop = nodeAs(node, 'DropStmt');
	if (!drop) return;
	const names: ObjectName[] = (drop.objects ?? []).flatMap((object) => {
		const name = nameOfList(nodeAs(object, 'List')?.items);
		return name ? [name] : [];
	});
	for (const name of names) {
		if (drop.removeType === 'OBJECT_TABLE') {
			schema.dropTable(name.name);
			created.tables.delete(name);
		} else if (drop.removeType === 'OBJECT_INDEX') {
			created.indexes.delete(name);
			if (drop.missing_ok) created.droppedIfExists.add(name);
		}
	}
}

/**
 * Records what a statement did: the objects it created (so later statements on them are safe)
 * and the column types and CHECK constraints it defined.
 */
export function recordStatement(node: Node, created: MigrationState, schema: SchemaState): void {
	if (recordCreateTable(node, created, schema)) return;
	const index = nodeAs(node, 'IndexStmt');
	if (index?.idxname !== undefined) {
		created.indexes.add({schema: index.relation?.schemaname, name: index.idxname});
		return;
	}
	const enumType = nameOfList(nodeAs(node, 'CreateEnumStmt')?.typeName);
	if (enumType) {
		created.types.add(enumType);
		return;
	}
	const composite = nameOfRangeVar(nodeAs(node, 'CompositeTypeStmt')?.typevar);
	if (composite) {
		created.types.add(composite);
		return;
	}
	const domain = nameOfList(nodeAs(node, 'CreateDomainStmt')?.domainname);
	if (domain) {
		created.types.add(domain);
		return;
	}
	recordAlterTable(node, created, schema);
	recordRename(node, created, schema);
	recordDrop(node, created, schema);
}


/** ALTER TABLE forms that take less than a lock blocking writes (SHARE UPDATE EXCLUSIVE): holding them costs little. */
const lightAlterations = new Set(['AT_ValidateConstraint', 'AT_SetStatistics', 'AT_ClusterOn', 'AT_DropCluster', 'AT_AttachPartition', 'AT_DetachPartitionFinalize', 'AT_SetOptions', 'AT_ResetOptions']);

/**
 * Records what a statement did to its transaction, which later statements of the same transaction
 * must not rely on: constraints added NOT VALID, enum values added, existing tables altered (their
 * lock is held until commit) and the columns added to them. Call before recordStatement.
 */
export function recordTransactionWork(node: Node, work: TransactionWork, created: MigrationState, line: number): void {
	const enumChange = nodeAs(node, 'AlterEnumStmt');
	if (enumChange?.newVal !== undefined && enumChange.oldVal === undefined) {
		const type = nameOfList(enumChange.typeName);
		if (type && !created.types.has(type)) work.enumValues.set(enumChange.newVal, type.name);
		return;
	}
	const alter = alterTableOf(node);
	if (!alter || created.tables.has(alter.table)) return;
	const table = alter.table.name;
	for (const command of alter.commands) {
		if (!lightAlterations.has(command.subtype ?? '') && !(command.subtype === 'AT_DetachPartition' && nodeAs(command.def, 'PartitionCmd')?.concurrent)) {
			if (!work.alteredTables.has(table)) work.alteredTables.set(table, line);
		}
		if (command.subtype === 'AT_AddColumn') {
			const column = nodeAs(command.def, 'ColumnDef')?.colname;
			if (column !== undefined) work.addedColumns.add(`${table}.${column}`);
		} else if (command.subtype === 'AT_AddConstraint') {
			const constraint = nodeAs(command.def, 'Constraint');
			if (constraint?.skip_validation) work.notValid.add(`${table}.${constraint.conname ?? defaultCheckName(table, constraint)}`);
		}
	}
}

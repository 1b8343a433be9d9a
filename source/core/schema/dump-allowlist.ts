import type {Statement} from '../migrations/statements.js';
import {versionTable} from '../migrations/version-table.js';

/**
 * What a schema-only pg_dump of this project writes, decided on PostgreSQL's parse tree. Anything
 * else (COPY, roles, databases, tablespaces, servers, transaction control, DROP, GRANT, other
 * SELECTs, LOAD, objects in schemas the dump does not declare) is refused before anything runs.
 */

type Node = Record<string, unknown>;

export type DumpRefusal = {readonly statement: Statement; readonly reason: string};

export type AllowlistOptions = {
	/** Accept DO blocks (`--allow-do`). */
	readonly allowDo?: boolean;
};

/** The settings pg_dump SETs at the top of a plain dump (and between objects). */
const dumpSettings = new Set([
	'statement_timeout',
	'lock_timeout',
	'idle_in_transaction_session_timeout',
	'transaction_timeout',
	'client_encoding',
	'standard_conforming_strings',
	'check_function_bodies',
	'xmloption',
	'client_min_messages',
	'row_security',
	'default_tablespace',
	'default_table_access_method',
	'default_with_oids',
]);

/** Languages whose functions cannot reach the server's files or load code (C would load a library at CREATE). */
const safeLanguages = new Set(['sql', 'plpgsql']);

/** ALTER TABLE subcommands pg_dump writes for a schema. */
const alterTableCommands = new Set([
	'AT_AddConstraint',
	'AT_ColumnDefault',
	'AT_SetNotNull',
	'AT_EnableRowSecurity',
	'AT_ForceRowSecurity',
	'AT_AttachPartition',
	'AT_ReplicaIdentity',
	'AT_ClusterOn',
	'AT_SetStatistics',
	'AT_SetStorage',
	'AT_SetCompression',
	'AT_SetOptions',
	'AT_SetRelOptions',
	'AT_AddIdentity',
	'AT_AddInherit',
	'AT_EnableTrig',
	'AT_EnableAlwaysTrig',
	'AT_EnableReplicaTrig',
	'AT_DisableTrig',
	'AT_EnableRule',
	'AT_EnableAlwaysRule',
	'AT_EnableReplicaRule',
	'AT_DisableRule',
	'AT_AddIndex',
	'AT_AddIndexConstraint',
	'AT_ValidateConstraint',
]);

/** Objects COMMENT ON may name in a dump; roles, databases, tablespaces and servers are not the schema's. */
const refusedCommentObjects = new Set(['OBJECT_ROLE', 'OBJECT_DATABASE', 'OBJECT_TABLESPACE', 'OBJECT_FOREIGN_SERVER', 'OBJECT_FDW', 'OBJECT_USER_MAPPING', 'OBJECT_EVENT_TRIGGER', 'OBJECT_PUBLICATION', 'OBJECT_SUBSCRIPTION', 'OBJECT_LARGEOBJECT']);

function strings(list: unknown): string[] {
	if (!Array.isArray(list)) return [];
	return list.map((item) => ((item as {String?: {sval?: string}}).String?.sval ?? '')).filter((value) => value !== '');
}

/** The schema of a qualified name list (`schema.name`), or undefined when it is unqualified. */
function schemaOfName(list: unknown, parts = 2): string | undefined {
	const names = strings(list);
	return names.length >= parts ? names[names.length - parts] : undefined;
}

function rangeVarSchema(value: unknown): string | undefined {
	const rangeVar = (value as {schemaname?: string} | undefined) ?? {};
	return rangeVar.schemaname;
}

function constantOf(node: unknown): string | number | boolean | undefined {
	const constant = (node as {A_Const?: Node} | undefined)?.A_Const;
	if (!constant) return undefined;
	if (constant['sval']) return (constant['sval'] as {sval?: string}).sval ?? '';
	if (constant['ival']) return (constant['ival'] as {ival?: number}).ival ?? 0;
	if (constant['boolval']) return (constant['boolval'] as {boolval?: boolean}).boolval ?? false;
	if (constant['isnull']) return undefined;
	return undefined;
}

/** `SELECT pg_catalog.set_config('search_path', '', false)` or `SELECT pg_catalog.setval('seq', n, bool)`, nothing else. */
function selectReason(node: Node, declared: ReadonlySet<string>): string | undefined {
	const refuse = 'a SELECT other than pg_dump\'s pg_catalog.set_config(\'search_path\', \'\', false) or pg_catalog.setval(...) runs functions';
	const clauses = ['fromClause', 'whereClause', 'groupClause', 'havingClause', 'withClause', 'valuesClause', 'sortClause', 'limitCount', 'lockingClause', 'intoClause', 'distinctClause', 'larg', 'rarg'];
	if (clauses.some((key) => node[key] !== undefined)) return refuse;
	const targets = node['targetList'] as Node[] | undefined;
	if (!targets || targets.length !== 1) return refuse;
	const call = ((targets[0]!['ResTarget'] as Node | undefined)?.['val'] as {FuncCall?: Node} | undefined)?.FuncCall;
	if (!call) return refuse;
	const name = strings(call['funcname']);
	const args = (call['args'] as unknown[] | undefined) ?? [];
	const values = args.map(constantOf);
	if (name.length !== 2 || name[0] !== 'pg_catalog' || values.some((value) => value === undefined)) return refuse;
	if (name[1] === 'set_config' && values.length === 3 && values[0] === 'search_path' && values[1] === '' && values[2] === false) return undefined;
	if (name[1] === 'setval' && (values.length === 2 || values.length === 3) && typeof values[0] === 'string') {
		const parts = values[0].split('.');
		return parts.length === 2 && !declared.has(parts[0]!) ? `setval on a sequence in schema ${parts[0]}, which the dump does not create` : undefined;
	}
	return refuse;
}

function setReason(node: Node): string | undefined {
	const name = String(node['name'] ?? '');
	if (node['kind'] !== 'VAR_SET_VALUE' || !dumpSettings.has(name)) return `SET ${name || String(node['kind'])} is not one of the settings pg_dump writes`;
	if (name === 'standard_conforming_strings') {
		const value = constantOf((node['args'] as unknown[] | undefined)?.[0]);
		if (String(value).toLowerCase() !== 'on') return 'standard_conforming_strings must stay on (the file was read with it on)';
	}
	return undefined;
}

function functionReason(node: Node): string | undefined {
	const options = (node['options'] as Node[] | undefined) ?? [];
	for (const option of options) {
		const element = option['DefElem'] as Node | undefined;
		if (element?.['defname'] !== 'language') continue;
		const language = String((element['arg'] as {String?: {sval?: string}} | undefined)?.String?.sval ?? '');
		if (!safeLanguages.has(language)) return `a function in language ${language} (only sql and plpgsql are restored; C would load a library on the server)`;
	}
	return undefined;
}

function onVersionTable(relation: unknown): boolean {
	return (relation as {relname?: string} | undefined)?.relname === versionTable;
}

/** The schema a statement creates or alters its object in (undefined: unqualified or none), or a refusal. */
function check(statement: Statement, declared: ReadonlySet<string>, options: AllowlistOptions): {reason?: string; schema?: string} {
	const node = statement.node as Node;
	switch (statement.kind) {
		case 'VariableSetStmt':
			return {reason: setReason(node)};
		case 'SelectStmt':
			return {reason: selectReason(node, declared)};
		case 'CreateSchemaStmt':
			return {};
		case 'CreateExtensionStmt': {
			const schema = ((node['options'] as Node[] | undefined) ?? [])
				.map((option) => option['DefElem'] as Node | undefined)
				.find((element) => element?.['defname'] === 'schema');
			return {schema: (schema?.['arg'] as {String?: {sval?: string}} | undefined)?.String?.sval};
		}
		case 'CreateEnumStmt':
		case 'CreateRangeStmt':
			return {schema: schemaOfName(node['typeName'])};
		case 'CompositeTypeStmt':
			return {schema: rangeVarSchema(node['typevar'])};
		case 'DefineStmt':
			return {schema: schemaOfName(node['defnames'])};
		case 'CreateDomainStmt':
			return {schema: schemaOfName(node['domainname'])};
		case 'AlterDomainStmt':
			return node['subtype'] === 'C' || node['subtype'] === 'V' ? {schema: schemaOfName(node['typeName'])} : {reason: 'ALTER DOMAIN other than ADD/VALIDATE CONSTRAINT'};
		case 'CreateFunctionStmt':
			return {reason: functionReason(node), schema: schemaOfName(node['funcname'])};
		case 'CreateStmt':
			return {schema: rangeVarSchema(node['relation'])};
		case 'CreateSeqStmt':
			return {schema: rangeVarSchema(node['sequence'])};
		case 'AlterSeqStmt':
			return {schema: rangeVarSchema(node['sequence'])};
		case 'ViewStmt':
			return {schema: rangeVarSchema(node['view'])};
		case 'CreateTableAsStmt': {
			const into = (node['into'] as Node | undefined) ?? {};
			if (node['objtype'] !== 'OBJECT_MATVIEW' || !into['skipData']) return {reason: 'CREATE TABLE AS / a materialized view WITH DATA runs its query (pg_dump writes WITH NO DATA)'};
			return {schema: rangeVarSchema(into['rel'])};
		}
		case 'IndexStmt':
			if (node['concurrent']) return {reason: 'CREATE INDEX CONCURRENTLY cannot run in the restore\'s transaction'};
			return {schema: rangeVarSchema(node['relation'])};
		case 'CreateTrigStmt':
		case 'RuleStmt':
			if (onVersionTable(node['relation'])) return {reason: `a trigger or rule on ${versionTable} would run when cc-dev records the restored revision`};
			return {schema: rangeVarSchema(node['relation'])};
		case 'CreatePolicyStmt':
			return {schema: rangeVarSchema(node['table'])};
		case 'CreateStatsStmt':
			return {schema: schemaOfName(node['defnames'])};
		case 'AlterTableStmt': {
			const commands = ((node['cmds'] as Node[] | undefined) ?? []).map((command) => String((command['AlterTableCmd'] as Node | undefined)?.['subtype'] ?? ''));
			const refused = commands.find((command) => !alterTableCommands.has(command));
			if (refused) return {reason: `ALTER TABLE ${refused.replace(/^AT_/, '')} is not something pg_dump writes for a schema`};
			return {schema: rangeVarSchema(node['relation'])};
		}
		case 'CommentStmt': {
			const objtype = String(node['objtype']);
			if (refusedCommentObjects.has(objtype)) return {reason: `COMMENT ON ${objtype.replace(/^OBJECT_/, '')} is outside the schema`};
			const object = node['object'] as Node | undefined;
			if (objtype === 'OBJECT_SCHEMA') return {schema: (object?.['String'] as {sval?: string} | undefined)?.sval};
			const list = (object?.['List'] as {items?: unknown} | undefined)?.items;
			if (list) return {schema: schemaOfName(list, objtype === 'OBJECT_COLUMN' ? 3 : 2)};
			return {};
		}
		case 'DoStmt':
			return options.allowDo ? {} : {reason: 'a DO block runs code (pass --allow-do if you trust this file)'};
		case 'CopyStmt':
			return {reason: node['is_program'] ? 'COPY ... PROGRAM runs a command on the database server' : node['filename'] ? 'COPY with a file reads or writes a file on the database server' : 'COPY loads or copies data; cc-dev restore takes schema-only dumps'};
		case 'TransactionStmt':
			return {reason: 'transaction control would end the restore\'s one transaction'};
		case 'CreateRoleStmt':
		case 'AlterRoleStmt':
		case 'AlterRoleSetStmt':
		case 'DropRoleStmt':
			return {reason: 'roles are server-level, not part of a schema'};
		case 'CreatedbStmt':
		case 'AlterDatabaseStmt':
		case 'AlterDatabaseSetStmt':
		case 'AlterDatabaseRefreshCollStmt':
		case 'DropdbStmt':
			return {reason: 'databases are server-level, not part of a schema'};
		case 'AlterSystemStmt':
			return {reason: 'ALTER SYSTEM changes the server\'s configuration'};
		case 'CreateTableSpaceStmt':
		case 'DropTableSpaceStmt':
		case 'AlterTableSpaceOptionsStmt':
		case 'AlterTableMoveAllStmt':
			return {reason: 'tablespaces are server-level, not part of a schema'};
		case 'CreateForeignServerStmt':
		case 'AlterForeignServerStmt':
		case 'CreateUserMappingStmt':
		case 'AlterUserMappingStmt':
		case 'DropUserMappingStmt':
		case 'CreateFdwStmt':
		case 'AlterFdwStmt':
		case 'CreateForeignTableStmt':
		case 'ImportForeignSchemaStmt':
			return {reason: 'foreign servers, wrappers and user mappings reach outside the database'};
		case 'DropStmt':
		case 'DropOwnedStmt':
			return {reason: 'a dump does not drop anything (restore --clean does its own drop)'};
		case 'GrantStmt':
		case 'GrantRoleStmt':
		case 'AlterDefaultPrivilegesStmt':
			return {reason: 'privileges are not restored (cc-dev dump writes --no-privileges)'};
		case 'LoadStmt':
			return {reason: 'LOAD loads a shared library into the server'};
		default:
			return {reason: `${statement.kind.replace(/Stmt$/, '')} is not something a schema-only pg_dump writes`};
	}
}

/** The schemas a dump creates (plus public, which every database has). */
function declaredSchemas(statements: readonly Statement[]): Set<string> {
	const declared = new Set(['public']);
	for (const statement of statements) {
		if (statement.kind === 'CreateSchemaStmt') declared.add(String((statement.node as Node)['schemaname'] ?? ''));
	}
	return declared;
}

/** Every statement of a dump that cc-dev refuses to run, with why; empty when the whole file is allowed. */
export function refusedDumpStatements(statements: readonly Statement[], options: AllowlistOptions = {}): DumpRefusal[] {
	const declared = declaredSchemas(statements);
	const refused: DumpRefusal[] = [];
	for (const statement of statements) {
		const {reason, schema} = check(statement, declared, options);
		if (reason) refused.push({statement, reason});
		else if (schema !== undefined && !declared.has(schema)) refused.push({statement, reason: `it creates or changes an object in schema ${schema}, which the dump does not create`});
	}
	return refused;
}

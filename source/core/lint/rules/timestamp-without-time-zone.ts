import type {ColumnDef} from 'libpg-query';
import {formatName, typeInfoOf, walk} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

/** The statements that can declare columns. */
const withColumns = new Set<string>(['CreateStmt', 'AlterTableStmt', 'CompositeTypeStmt', 'CreateForeignTableStmt']);

export const timestampWithoutTimeZone: StatementRule = {
	id: 'timestamp-without-time-zone',
	kind: 'statement',
	severity: 'warning',
	sections: 'up',
	summary: 'A column declared timestamp (without time zone).',
	why: 'timestamp without time zone stores a wall-clock reading with no zone: values written by sessions or servers in different time zones cannot be compared, daylight-saving changes make some of them ambiguous, and moving to a host with another TimeZone silently shifts their meaning.',
	fix: 'Use timestamptz (timestamp with time zone): it stores an instant, in the same 8 bytes. Converting an existing column later rewrites the table, so choose it now.',
	check(statement) {
		const reports: RuleReport[] = [];
		if (!withColumns.has(statement.kind)) return reports;
		walk(statement.node, (kind, body) => {
			if (kind !== 'ColumnDef') return;
			const column = body as ColumnDef;
			const type = typeInfoOf(column.typeName);
			if (type?.name !== 'timestamp' || (type.schema !== undefined && type.schema !== 'pg_catalog')) return;
			const name = column.colname === undefined ? "The column's new type" : `Column ${formatName(column.colname)}`;
			reports.push({message: `${name} is timestamp without time zone.`, location: column.typeName?.location ?? column.location});
		});
		return reports;
	},
};

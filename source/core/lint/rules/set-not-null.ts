import {alterTableOf, formatName} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

export const setNotNull: StatementRule = {
	id: 'set-not-null',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'ALTER COLUMN ... SET NOT NULL on an existing table without a validated CHECK (column IS NOT NULL).',
	why: 'SET NOT NULL scans every row to prove there is no NULL while holding an ACCESS EXCLUSIVE lock: every read and write on the table waits for the whole scan.',
	fix: 'In one migration: ADD CONSTRAINT c CHECK (column IS NOT NULL) NOT VALID. In a later one: VALIDATE CONSTRAINT c (no blocking lock), then SET NOT NULL (PostgreSQL 12+ uses the valid check and skips the scan), then DROP CONSTRAINT c.',
	check(statement, context) {
		const alter = alterTableOf(statement.node);
		if (!alter || context.isNewTable(alter.table)) return [];
		const reports: RuleReport[] = [];
		for (const command of alter.commands) {
			if (command.subtype !== 'AT_SetNotNull' || command.name === undefined) continue;
			if (context.schema.hasValidNotNullCheck(alter.table.name, command.name)) continue;
			const column = `${formatName(alter.table)}.${formatName(command.name)}`;
			const unknown = context.schema.validatedUnknownChecks(alter.table.name);
			if (unknown.length > 0) {
				reports.push({
					message: `SET NOT NULL on ${column} skips its scan only if ${unknown.map((name) => formatName(name)).join(' or ')}, validated earlier, is CHECK (${formatName(command.name)} IS NOT NULL); its definition is not in the SQL read, so this is not checked.`,
					severity: 'warning',
				});
				continue;
			}
			reports.push({message: `SET NOT NULL on ${column} scans the table under an ACCESS EXCLUSIVE lock.`});
		}
		return reports;
	},
};

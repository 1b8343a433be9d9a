import {nodeAs, stringsOf} from '../ast.js';
import type {RuleReport, StatementRule} from '../rule.js';

/** PostgreSQL's NAMEDATALEN - 1. */
export const maxIdentifierBytes = 63;

function bytesOf(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** The first `max` bytes of `text`, never splitting a character. */
function truncate(text: string, max: number): string {
	let bytes = 0;
	let end = 0;
	for (const char of text) {
		const size = bytesOf(char);
		if (bytes + size > max) break;
		bytes += size;
		end += char.length;
	}
	return text.slice(0, end);
}

export const identifierTooLong: StatementRule = {
	id: 'identifier-too-long',
	kind: 'statement',
	severity: 'warning',
	sections: 'both',
	summary: `An identifier (or enum label) longer than ${maxIdentifierBytes} bytes.`,
	why: `PostgreSQL silently truncates identifiers to ${maxIdentifierBytes} bytes: the object gets another name than the one written, so the ORM, error messages and tools that use the full name do not match it, and two long names with the same first ${maxIdentifierBytes} bytes collide.`,
	fix: `Choose a name of at most ${maxIdentifierBytes} bytes (letters outside ASCII take 2 to 4 bytes each).`,
	check(statement) {
		const reports: RuleReport[] = [];
		const seen = new Set<string>();
		// The parse tree holds names already truncated, so read them as written.
		for (const identifier of statement.longWords) {
			const bytes = bytesOf(identifier.name);
			if (bytes <= maxIdentifierBytes || seen.has(identifier.name)) continue;
			seen.add(identifier.name);
			reports.push({
				message: `The identifier "${identifier.name}" is ${bytes} bytes long; PostgreSQL truncates it to "${truncate(identifier.name, maxIdentifierBytes)}".`,
				location: statement.location + bytesOf(statement.text.slice(0, identifier.start)),
			});
		}
		const labels = [...stringsOf(nodeAs(statement.node, 'CreateEnumStmt')?.vals), nodeAs(statement.node, 'AlterEnumStmt')?.newVal ?? ''];
		for (const label of labels) {
			if (bytesOf(label) <= maxIdentifierBytes) continue;
			reports.push({
				message: `The enum label '${label}' is ${bytesOf(label)} bytes long; PostgreSQL refuses labels over ${maxIdentifierBytes} bytes.`,
				why: `Enum labels are limited to ${maxIdentifierBytes} bytes: the statement fails with "invalid enum label".`,
				fix: `Choose a label of at most ${maxIdentifierBytes} bytes.`,
			});
		}
		return reports;
	},
};

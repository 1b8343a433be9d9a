import {formatName, nameOfList, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

export const domainConstraintNotValid: StatementRule = {
	id: 'domain-constraint-not-valid',
	kind: 'statement',
	severity: 'error',
	sections: 'up',
	summary: 'ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID, or ALTER DOMAIN ... SET NOT NULL.',
	why: 'The new constraint is checked against every row of every table with a column of the domain, each scan holding a SHARE lock that blocks the table\'s writes until it is done.',
	fix: 'Add the constraint with NOT VALID (new values are checked at once), then run ALTER DOMAIN ... VALIDATE CONSTRAINT in a later migration, which does not block writes. For NOT NULL use a CHECK (VALUE IS NOT NULL) constraint added that way.',
	check(statement, context) {
		const alter = nodeAs(statement.node, 'AlterDomainStmt');
		if (!alter) return [];
		const domain = nameOfList(alter.typeName);
		if (!domain || context.created.types.has(domain)) return [];
		if (alter.subtype === 'O') return [{message: `ALTER DOMAIN ${formatName(domain)} SET NOT NULL checks every column of the domain in every table.`}];
		if (alter.subtype !== 'C') return [];
		const constraint = nodeAs(alter.def, 'Constraint');
		if (!constraint || constraint.skip_validation) return [];
		const name = constraint.conname === undefined ? '' : ` ${formatName(constraint.conname)}`;
		return [{message: `Constraint${name} added to the domain ${formatName(domain)} without NOT VALID: every column of the domain is checked under lock.`, location: constraint.location}];
	},
};

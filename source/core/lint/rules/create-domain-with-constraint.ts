import {constraintsOf, formatName, nameOfList, nodeAs} from '../ast.js';
import type {StatementRule} from '../rule.js';

export const createDomainWithConstraint: StatementRule = {
	id: 'create-domain-with-constraint',
	kind: 'statement',
	severity: 'warning',
	sections: 'up',
	summary: 'CREATE DOMAIN with a CHECK or NOT NULL constraint.',
	why: 'A domain\'s constraint applies to every column of the domain at once: changing it later means ALTER DOMAIN, which checks every such column in every table under lock, and columns cannot be moved off it without a rewrite. Online changes are much easier with table constraints.',
	fix: 'Create the domain without the constraint (or use the base type) and put a CHECK constraint on each table column, which can be added NOT VALID and validated without blocking.',
	check(statement) {
		const create = nodeAs(statement.node, 'CreateDomainStmt');
		if (!create) return [];
		const constrained = constraintsOf({constraints: create.constraints}).filter((constraint) => constraint.contype === 'CONSTR_CHECK' || constraint.contype === 'CONSTR_NOTNULL');
		if (constrained.length === 0) return [];
		return [{message: `The domain ${formatName(nameOfList(create.domainname) ?? '')} is created with a constraint.`, location: constrained[0]!.location}];
	},
};

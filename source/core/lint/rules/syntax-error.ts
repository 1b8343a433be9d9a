import type {EngineRule} from '../rule.js';

export const syntaxError: EngineRule = {
	id: 'syntax-error',
	kind: 'engine',
	severity: 'error',
	summary: 'SQL that the PostgreSQL parser rejects.',
	why: 'PostgreSQL rejects the statement, so the migration fails when it runs; nothing else in the section could be checked.',
	fix: 'Correct the SQL at the position shown (the parser is PostgreSQL\'s own, from libpg-query).',
};

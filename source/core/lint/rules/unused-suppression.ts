import type {EngineRule} from '../rule.js';

export const unusedSuppression: EngineRule = {
	id: 'unused-suppression',
	kind: 'engine',
	severity: 'warning',
	summary: 'A cc-dev-lint-disable comment that suppresses nothing (or names an unknown rule).',
	why: 'A suppression that matches no finding hides nothing today, but it will silently hide a real problem the day the statement below it changes; an unknown rule id is usually a typo.',
	fix: 'Remove the comment, correct the rule id, or move it onto the line directly above the statement it is meant for (or into the header, before "-- migrate:up", for the whole file).',
};

import type {EngineRule} from '../rule.js';

export const suppressionWithoutReason: EngineRule = {
	id: 'suppression-without-reason',
	kind: 'engine',
	severity: 'warning',
	summary: 'A cc-dev-lint-disable comment that gives no reason.',
	why: 'The next reader cannot tell whether the risk was understood and accepted (the table is small, the code no longer uses the column) or just silenced.',
	fix: 'Give the reason after a colon: "-- cc-dev-lint-disable RULE: why it is safe here".',
};

import {UsageError} from '../errors.js';
import type {Rule} from './rule.js';
import {addPrimaryKeyOrUnique} from './rules/add-primary-key-or-unique.js';
import {columnTypeRewrite} from './rules/column-type-rewrite.js';
import {concurrentlyInTransaction} from './rules/concurrently-in-transaction.js';
import {constraintNotValid} from './rules/constraint-not-valid.js';
import {downMissing} from './rules/down-missing.js';
import {dropColumnOrTable} from './rules/drop-column-or-table.js';
import {enumValueInTransaction} from './rules/enum-value-in-transaction.js';
import {identifierTooLong} from './rules/identifier-too-long.js';
import {indexNotConcurrent} from './rules/index-not-concurrent.js';
import {notNullWithoutDefault} from './rules/not-null-without-default.js';
import {rename} from './rules/rename.js';
import {setNotNull} from './rules/set-not-null.js';
import {suppressionWithoutReason} from './rules/suppression-without-reason.js';
import {syntaxError} from './rules/syntax-error.js';
import {timestampWithoutTimeZone} from './rules/timestamp-without-time-zone.js';
import {transactionNesting} from './rules/transaction-nesting.js';
import {unusedSuppression} from './rules/unused-suppression.js';
import {vacuumFullOrCluster} from './rules/vacuum-full-or-cluster.js';
import {volatileDefault} from './rules/volatile-default.js';
import {detachPartitionNotConcurrent} from './rules/detach-partition-not-concurrent.js';
import {domainConstraintNotValid} from './rules/domain-constraint-not-valid.js';
import {updateInAlterTransaction} from './rules/update-in-alter-transaction.js';
import {duplicateColumnAssignment} from './rules/duplicate-column-assignment.js';
import {dropDatabase} from './rules/drop-database.js';
import {truncateCascade} from './rules/truncate-cascade.js';
import {truncateTable} from './rules/truncate-table.js';
import {dropNotNull} from './rules/drop-not-null.js';
import {createDomainWithConstraint} from './rules/create-domain-with-constraint.js';
import {notRerunnable} from './rules/not-rerunnable.js';
import {ruleIds} from './types.js';
import type {LintOptions, RuleId, RuleSetting} from './types.js';

/** Every rule, in the order of `ruleIds`. */
export const rules: readonly Rule[] = [
	syntaxError,
	transactionNesting,
	indexNotConcurrent,
	concurrentlyInTransaction,
	detachPartitionNotConcurrent,
	constraintNotValid,
	domainConstraintNotValid,
	setNotNull,
	notNullWithoutDefault,
	columnTypeRewrite,
	volatileDefault,
	addPrimaryKeyOrUnique,
	updateInAlterTransaction,
	enumValueInTransaction,
	vacuumFullOrCluster,
	duplicateColumnAssignment,
	dropDatabase,
	truncateCascade,
	truncateTable,
	rename,
	dropColumnOrTable,
	dropNotNull,
	createDomainWithConstraint,
	notRerunnable,
	downMissing,
	identifierTooLong,
	timestampWithoutTimeZone,
	unusedSuppression,
	suppressionWithoutReason,
];

const byId = new Map<string, Rule>(rules.map((rule) => [rule.id, rule]));

export function isRuleId(id: string): id is RuleId {
	return byId.has(id);
}

export function ruleById(id: RuleId): Rule {
	return byId.get(id)!;
}

/** The default setting of every rule. */
export const defaultSeverities: Readonly<Record<RuleId, RuleSetting>> = Object.fromEntries(rules.map((rule) => [rule.id, rule.severity])) as Record<
	RuleId,
	RuleSetting
>;

const settings = new Set<string>(['error', 'warning', 'off']);

/** The effective setting of every rule: defaults with the options' overrides. Throws a UsageError on unknown ids or values. */
export function resolveSeverities(options: LintOptions = {}): Readonly<Record<RuleId, RuleSetting>> {
	const resolved: Record<RuleId, RuleSetting> = {...defaultSeverities};
	const problems: string[] = [];
	for (const [id, setting] of Object.entries(options.severities ?? {})) {
		if (!isRuleId(id)) problems.push(`unknown lint rule "${id}"`);
		else if (!settings.has(setting)) problems.push(`"${String(setting)}" is not a severity for ${id}`);
		else resolved[id] = setting;
	}
	if (problems.length > 0) {
		throw new UsageError(`Bad lint configuration: ${problems.join('; ')}.`, {
			hint: `Rules: ${ruleIds.join(', ')}. Settings: error, warning, off.`,
		});
	}
	return resolved;
}

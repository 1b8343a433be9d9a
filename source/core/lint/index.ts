export {lintMigration, lintMigrations, orderMigrations} from './lint-migration.js';
export {defaultSeverities, isRuleId, resolveSeverities, ruleById, rules} from './registry.js';
export {ruleIds} from './types.js';
export type {LintFinding, LintOptions, LintSource, RuleId, RuleSetting, Severity} from './types.js';
export type {Rule} from './rule.js';

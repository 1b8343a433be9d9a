import type {Migration, Section} from '../migrations/migration.js';
import type {Node} from 'libpg-query';
import {kindOf} from './ast.js';
import type {ObjectName} from './ast.js';
import {createLineIndex} from './line-index.js';
import type {LineIndex} from './line-index.js';
import {isRuleId, resolveSeverities, ruleById, rules} from './registry.js';
import type {LintStatement, MigrationRule, RuleReport, StatementContext, StatementRule} from './rule.js';
import {loadParser, parseSql} from '../sql/parse-sql.js';
import {scanStatements} from '../sql/scan-statements.js';
import type {SqlIdentifier} from '../sql/scan-sql.js';
import {createMigrationState, SchemaState} from './state.js';
import {fileSuppressions, statementSuppressions} from './suppressions.js';
import type {Suppression} from './suppressions.js';
import {nonTransactionalStatement} from './rules/concurrently-in-transaction.js';
import {recordStatement, recordTransactionWork} from './track.js';
import {TransactionTracker} from './transactions.js';
import type {LintFinding, LintOptions, LintSource, RuleId, RuleSetting, Severity} from './types.js';

type Settings = Readonly<Record<RuleId, RuleSetting>>;

/** A finding before suppressions are applied. */
type Draft = {
	readonly rule: RuleId;
	readonly offset: number;
	readonly message: string;
	readonly why?: string | undefined;
	readonly fix?: string | undefined;
	/** Set when the rule is not sure: reported as a warning at most. */
	readonly uncertain?: boolean;
	/** The statement-level suppressions that may apply. */
	readonly candidates: readonly Suppression[];
};

type SectionResult = {
	readonly drafts: Draft[];
	readonly suppressions: Suppression[];
	/** Undefined when the section does not parse. */
	readonly statementCount: number | undefined;
};

/** One migration being linted: its file, settings, the rules to run and what has been found. */
type Run = {
	readonly migration: LintSource;
	readonly lines: LineIndex;
	readonly settings: Settings;
	readonly statementRules: readonly StatementRule[];
	readonly schema: SchemaState;
};

function isOn(settings: Settings, rule: RuleId): boolean {
	return settings[rule] !== 'off';
}

/** Statement-level suppressions attached to a statement spanning file lines [first, last]. */
function attachedSuppressions(suppressions: readonly Suppression[], commentOnlyLines: ReadonlySet<number>, first: number, last: number): Suppression[] {
	if (suppressions.length === 0) return [];
	let above = first - 1;
	while (commentOnlyLines.has(above)) above--;
	return suppressions.filter((suppression) => suppression.line > above && suppression.line <= last);
}

/**
 * Hands out the words of consecutive statements: each call takes the words between two section
 * indexes (re-based on `start`), moving forward only, so a large section stays linear.
 */
function wordCursor(words: readonly SqlIdentifier[]): (start: number, end: number) => SqlIdentifier[] {
	let next = 0;
	return (start, end) => {
		while (next < words.length && words[next]!.start < start) next++;
		const result: SqlIdentifier[] = [];
		while (next < words.length && words[next]!.end <= end) {
			const word = words[next++]!;
			result.push({...word, start: word.start - start, end: word.end - start});
		}
		return result;
	};
}

/**
 * A plain file whose only statement cannot run in a transaction (CREATE INDEX CONCURRENTLY, ...)
 * is run as that statement alone: tools that wrap files leave a lone statement unwrapped, and
 * one that does not fails at once with nothing applied. cc-dev's own migrations say how they run.
 */
function runsAlone(statements: ReadonlyArray<{readonly node: Node}>): boolean {
	return statements.length === 1 && nonTransactionalStatement(statements[0]!.node) !== undefined;
}

function lintSection(run: Run, name: 'up' | 'down', section: Section, report: boolean): SectionResult {
	const {migration, lines} = run;
	const parsed = parseSql(section.sql);
	if (!parsed.ok) {
		const offset = section.offset + parsed.offset;
		const drafts: Draft[] = [];
		if (report && isOn(run.settings, 'syntax-error')) {
			drafts.push({rule: 'syntax-error', offset, message: `Syntax error in the ${name} section: ${parsed.message}.`, candidates: []});
		}
		return {drafts, suppressions: [], statementCount: undefined};
	}
	const created = createMigrationState();
	// The down section does not move the schema forward: track it in a throwaway state.
	const schema = name === 'up' ? run.schema : new SchemaState();
	if (!report) {
		for (const statement of parsed.statements) recordStatement(statement.node, created, schema);
		return {drafts: [], suppressions: [], statementCount: parsed.statements.length};
	}

	const sql = section.sql;
	const {toChar} = parsed;
	const {comments, identifiers, codeEndBefore} = scanStatements(sql, parsed.statements);
	const wordsBetween = wordCursor(identifiers);
	const suppressions = statementSuppressions(comments, lines, (index) => section.offset + index);
	const commentOnlyLines = new Set<number>();
	for (const comment of comments) {
		if (comment.kind !== 'line') continue;
		const position = lines.positionAt(section.offset + comment.start);
		const lineStart = lines.lineStart(position.line);
		if (migration.text.slice(lineStart, section.offset + comment.start).trim() === '') commentOnlyLines.add(position.line);
	}
	const plainSql = migration.plainSql === true;
	const mode = name === 'down' ? (migration.downTransaction ?? migration.transaction) : migration.transaction;
	const transactional = mode === 'per-migration' && !(plainSql && runsAlone(parsed.statements));
	const transactions = new TransactionTracker(transactional ? 'transaction' : 'none');
	const base = {
		migration,
		section: name,
		transactional,
		plainSql,
		created,
		schema,
		isNewTable: (table: ObjectName | undefined) => table !== undefined && created.tables.has(table),
	};
	const sectionRules = run.statementRules.filter((rule) => rule.sections === 'both' || name === 'up');
	const drafts: Draft[] = [];
	const candidatesAt = new Map<number, readonly Suppression[]>();
	for (const [index, raw] of parsed.statements.entries()) {
		const {start, location} = raw;
		const end = codeEndBefore(raw.end, start);
		const first = lines.positionAt(section.offset + start).line;
		const last = lines.positionAt(section.offset + Math.max(end - 1, start)).line;
		const candidates = attachedSuppressions(suppressions, commentOnlyLines, first, last);
		const longWords = wordsBetween(start, end);
		const statement: LintStatement = {node: raw.node, kind: kindOf(raw.node), location, line: first, text: sql.slice(start, end), longWords};
		const transaction = transactions.current();
		const context: StatementContext = {...base, transaction, remaining: parsed.statements.length - index - 1};
		for (const rule of sectionRules) {
			for (const found of rule.check(statement, context)) drafts.push(draftOf(rule.id, found, section, toChar, start, candidates));
		}
		recordTransactionWork(raw.node, transaction.work, created, first);
		recordStatement(raw.node, created, schema);
		transactions.advance(raw.node, first, location);
		candidatesAt.set(location, candidates);
	}
	const end = {section: name, transactional, plainSql, unclosedBegin: transactions.unclosed()};
	for (const rule of sectionRules) {
		for (const found of rule.finish?.(end) ?? []) drafts.push(draftOf(rule.id, found, section, toChar, 0, candidatesAt.get(found.location ?? -1) ?? []));
	}
	return {drafts, suppressions, statementCount: parsed.statements.length};
}

function draftOf(
	rule: RuleId,
	found: RuleReport,
	section: Section,
	toChar: (byte: number) => number,
	statementStart: number,
	candidates: readonly Suppression[],
): Draft {
	const index = found.location !== undefined && found.location >= 0 ? toChar(found.location) : statementStart;
	return {rule, offset: section.offset + index, message: found.message, why: found.why, fix: found.fix, uncertain: found.severity === 'warning', candidates};
}

function finding(run: Run, draft: Draft, severity: Severity): LintFinding {
	const rule = ruleById(draft.rule);
	const {line, column} = run.lines.positionAt(draft.offset);
	return {
		rule: draft.rule,
		severity,
		file: run.migration.fileName,
		path: run.migration.path,
		line,
		column,
		message: draft.message,
		why: draft.why ?? rule.why,
		fix: draft.fix ?? rule.fix,
	};
}

function suppressionFindings(run: Run, suppressions: readonly Suppression[], canTellUnused: (suppression: Suppression) => boolean): LintFinding[] {
	const findings: LintFinding[] = [];
	for (const suppression of suppressions) {
		const offset = run.lines.lineStart(suppression.line) + suppression.column - 1;
		const add = (rule: RuleId, message: string): void => {
			const setting = run.settings[rule];
			if (setting !== 'off') findings.push(finding(run, {rule, offset, message, candidates: []}, setting));
		};
		const where = suppression.scope === 'file' ? 'in the header' : 'here';
		if (suppression.rules.length === 0) add('unused-suppression', 'cc-dev-lint-disable names no rule.');
		for (const id of suppression.rules) {
			if (!isRuleId(id)) add('unused-suppression', `cc-dev-lint-disable names an unknown rule "${id}".`);
			else if (!suppression.used.has(id) && isOn(run.settings, id) && canTellUnused(suppression)) {
				add('unused-suppression', `cc-dev-lint-disable ${id} ${where} suppresses nothing.`);
			}
		}
		if (suppression.reason === '' && suppression.rules.length > 0) {
			add('suppression-without-reason', `cc-dev-lint-disable ${suppression.rules.join(', ')} gives no reason.`);
		}
	}
	return findings;
}

function lintOne(migration: LintSource, settings: Settings, schema: SchemaState, report: boolean): LintFinding[] {
	const lines = createLineIndex(migration.text);
	const statementRules = rules.filter((rule): rule is StatementRule => rule.kind === 'statement' && isOn(settings, rule.id));
	const run: Run = {migration, lines, settings, statementRules, schema};
	const up = lintSection(run, 'up', migration.up, report);
	// A migration read for context only moves the schema forward; its down section does not matter.
	if (!report) return [];
	const down = migration.down === undefined ? undefined : lintSection(run, 'down', migration.down, report);

	const header = fileSuppressions(migration, lines);
	const drafts = [...up.drafts, ...(down?.drafts ?? [])];
	// A down section without statements may carry the comment that explains why.
	const downComments = down?.statementCount === 0 ? down.suppressions : [];
	for (const rule of rules) {
		if (rule.kind !== 'migration' || !isOn(settings, rule.id) || migration.plainSql) continue;
		for (const found of (rule as MigrationRule).check(migration, {downStatements: down?.statementCount})) {
			drafts.push({rule: rule.id, offset: found.offset, message: found.message, why: found.why, fix: found.fix, candidates: downComments});
		}
	}

	const findings: LintFinding[] = [];
	for (const draft of drafts) {
		const suppression = [...draft.candidates, ...header].find((candidate) => candidate.rules.includes(draft.rule));
		if (suppression) {
			suppression.used.add(draft.rule);
			continue;
		}
		const setting = settings[draft.rule];
		if (setting !== 'off') findings.push(finding(run, draft, draft.uncertain === true ? 'warning' : setting));
	}
	const parsedAll = up.statementCount !== undefined && (migration.down === undefined || down?.statementCount !== undefined);
	findings.push(...suppressionFindings(run, [...header, ...up.suppressions, ...(down?.suppressions ?? [])], (suppression) => suppression.scope === 'statement' || parsedAll));
	return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** Migrations in the order they apply (parents first); ties keep the given order. */
export function orderMigrations<T extends Migration>(migrations: readonly T[]): T[] {
	const byRevision = new Map<string, T>();
	for (const migration of migrations) if (!byRevision.has(migration.revision)) byRevision.set(migration.revision, migration);
	const done = new Set<T>();
	const ordered: T[] = [];
	for (const root of migrations) {
		// Depth-first without recursion, so long chains cannot overflow the stack.
		const stack: Array<{migration: T; next: number}> = [{migration: root, next: 0}];
		while (stack.length > 0) {
			const top = stack.at(-1)!;
			if (done.has(top.migration)) {
				stack.pop();
				continue;
			}
			const parent = top.migration.parents[top.next];
			if (parent === undefined) {
				done.add(top.migration);
				ordered.push(top.migration);
				stack.pop();
				continue;
			}
			top.next++;
			const migration = byRevision.get(parent);
			if (migration && !done.has(migration) && !stack.some((entry) => entry.migration === migration)) stack.push({migration, next: 0});
		}
	}
	return ordered;
}

/**
 * Lints migrations in the order they apply, each against what the ones before it created.
 * Findings come per migration (in that order), sorted by position within each file.
 */
export async function lintMigrations(migrations: readonly LintSource[], options: LintOptions = {}): Promise<LintFinding[]> {
	const settings = resolveSeverities(options);
	await loadParser();
	const linted = new Set(migrations);
	const lintedRevisions = new Set(migrations.map((migration) => migration.revision));
	const history = (options.history ?? []).filter((migration) => !lintedRevisions.has(migration.revision));
	const schema = new SchemaState();
	const findings: LintFinding[] = [];
	for (const migration of orderMigrations([...history, ...migrations])) {
		findings.push(...lintOne(migration, settings, schema, linted.has(migration)));
	}
	return findings;
}

/** Lints one migration (with `options.history` as the migrations before it, if given). */
export async function lintMigration(migration: LintSource, options: LintOptions = {}): Promise<LintFinding[]> {
	return lintMigrations([migration], options);
}

import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {digestOf, openDerivedCache, type DerivedCache} from '../cache/derived-cache.js';
import type {Section} from './migration.js';
import {pinnedSettingChange} from './pinned-settings.js';
import {nonTransactionalReason, splitStatements, type Statement} from './statements.js';

/** One statement of a section as the runner needs it: where it is, what it is, what it touches. */
export type AnalysedStatement = {
	/** The statement's text, always `sectionSql.slice(start, end).trim()`. */
	readonly sql: string;
	readonly start: number;
	readonly end: number;
	/** The parse tree node type, e.g. IndexStmt. */
	readonly kind: string;
	/** Why it cannot run inside a transaction block (CREATE INDEX CONCURRENTLY, ...), if so. */
	readonly nonTransactional: string | undefined;
	/** The tables it names (for "who holds the lock" after a lock timeout). */
	readonly relations: readonly string[];
	/** How it would change standard_conforming_strings, which cc-dev pins on (pinned-settings.ts), if it would. */
	readonly pinnedSettingChange: string | undefined;
};

/** What the cache stores per section: the analysis without the text, which comes from the file. */
type Stored = Omit<AnalysedStatement, 'sql'>;

export type AnalysisCache = DerivedCache<readonly Stored[]>;

/** Every table a statement names (RangeVar nodes anywhere in its tree). */
function relationsOf(node: unknown): string[] {
	const names = new Set<string>();
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) {
			for (const item of value) visit(item);
		} else if (value && typeof value === 'object') {
			const record = value as Record<string, unknown>;
			if (typeof record['relname'] === 'string') names.add(record['relname']);
			for (const child of Object.values(record)) visit(child);
		}
	};
	visit(node);
	return [...names];
}

/** The same object whether the analysis was parsed now or read back from JSON. */
function analysed(sectionSql: string, stored: Stored): AnalysedStatement {
	const {start, end, kind, nonTransactional, relations} = stored;
	return {sql: sectionSql.slice(start, end).trim(), start, end, kind, nonTransactional, relations, pinnedSettingChange: stored.pinnedSettingChange};
}

function fromParse(statement: Statement): Stored {
	return {
		start: statement.start,
		end: statement.end,
		kind: statement.kind,
		nonTransactional: nonTransactionalReason(statement),
		relations: relationsOf(statement.node),
		pinnedSettingChange: pinnedSettingChange(statement.kind, statement.node),
	};
}

/** True when `text` holds only whitespace, semicolons and comments (PostgreSQL's block comments nest). */
function isOnlySeparators(text: string): boolean {
	let index = 0;
	while (index < text.length) {
		const character = text[index]!;
		if (character === ';' || /\s/.test(character)) {
			index++;
		} else if (text.startsWith('--', index)) {
			const end = text.indexOf('\n', index);
			index = end === -1 ? text.length : end + 1;
		} else if (text.startsWith('/*', index)) {
			let depth = 0;
			do {
				if (text.startsWith('/*', index)) {
					depth++;
					index += 2;
				} else if (text.startsWith('*/', index)) {
					depth--;
					index += 2;
				} else if (index >= text.length) {
					return false;
				} else {
					index++;
				}
			} while (depth > 0);
		} else {
			return false;
		}
	}
	return true;
}

/**
 * A cached analysis is used only if it fits the section it is looked up for: statements in order,
 * inside the text, none empty, and nothing but whitespace, semicolons and comments between them
 * (an entry that left out or misplaced a statement is refused). The key already binds it to the
 * exact text and the parser's version, and the cache file's digest to what was written.
 */
function fits(sectionSql: string, value: unknown): value is readonly Stored[] {
	if (!Array.isArray(value)) return false;
	let previousEnd = 0;
	for (const entry of value as Array<Partial<Stored> | null>) {
		if (typeof entry !== 'object' || entry === null) return false;
		const {start, end, kind, nonTransactional, relations, pinnedSettingChange: change} = entry;
		if (!Number.isInteger(start) || !Number.isInteger(end) || start! < previousEnd || end! <= start! || end! > sectionSql.length) return false;
		if (typeof kind !== 'string' || !/^[A-Za-z]+$/.test(kind)) return false;
		if (nonTransactional !== undefined && typeof nonTransactional !== 'string') return false;
		if (change !== undefined && typeof change !== 'string') return false;
		if (!Array.isArray(relations) || !relations.every((name) => typeof name === 'string')) return false;
		if (sectionSql.slice(start, end).trim() === '' || !isOnlySeparators(sectionSql.slice(previousEnd, start))) return false;
		previousEnd = end!;
	}
	return isOnlySeparators(sectionSql.slice(previousEnd));
}

/**
 * The parser's version and this analysis's own code: a cache written by another version of either
 * is ignored whole, so a change to the analysis can never be served stale results.
 */
function analysisVersion(): string | undefined {
	let parser: string;
	try {
		parser = (createRequire(import.meta.url)('libpg-query/package.json') as {version: string}).version;
	} catch {
		return undefined;
	}
	const here = fileURLToPath(import.meta.url);
	const sibling = (name: string) => path.join(path.dirname(here), `${name}${path.extname(here)}`);
	const sources = [here, sibling('statements'), sibling('pinned-settings')].map((file) => {
		try {
			return readFileSync(file, 'utf8');
		} catch {
			return file;
		}
	});
	return digestOf(`libpg-query ${parser}`, ...sources);
}

/** The analysis cache of a project, .cc-dev/cache/analysis/; none when the parser's version cannot be read. */
export function openAnalysisCache(stateDir: string): AnalysisCache | undefined {
	const version = analysisVersion();
	// Checked against the section in analyseSection, where the text is known.
	const isStored = (_key: string, value: unknown): value is readonly Stored[] => Array.isArray(value);
	return version === undefined ? undefined : openDerivedCache(path.join(stateDir, 'cache', 'analysis'), version, isStored);
}

/**
 * Splits a section into statements and analyses each (transaction needs, tables named). With a
 * cache, a section whose exact text was analysed before by the same parser and code is not parsed
 * again: the PostgreSQL parser (WASM) is not even loaded when every section is known. Only
 * sections that parse are cached: a syntax error is found again every time.
 */
export async function analyseSection(section: Section, fileName: string, cache?: AnalysisCache, signal?: AbortSignal): Promise<AnalysedStatement[]> {
	const key = cache ? digestOf(section.sql) : '';
	const cached = cache?.get(key);
	if (cached && fits(section.sql, cached)) return cached.map((stored) => analysed(section.sql, stored));
	const stored = await splitStatements(section, fileName, {keep: fromParse, signal});
	cache?.set(key, stored);
	return stored.map((entry) => analysed(section.sql, entry));
}

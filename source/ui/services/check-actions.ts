import type {Config} from '../../core/config/load-config.js';
import {sessionOptionsOf} from '../../core/migrations/migration-session.js';
import {resolveTemplatesDir} from '../../core/scaffold/templates-dir.js';
import {formatMs} from '../tone.js';
import type {ActionContext, ActionOutcome, ResultLine} from './types.js';
import {plural} from '../../core/plural.js';
import {schemaFileName, schemaFilePath, writeSchemaFile} from '../../core/schema/schema-file.js';

function runSettings(config: Config, context: ActionContext) {
	return sessionOptionsOf(config, {signal: context.signal});
}

/** `cc-dev test`: the checks live in the task list, the summary is the outcome. */
export async function runValidationSuite(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const suite = await import('../../core/checks/suite.js');
	const dump = await import('../../core/schema/pg-dump-tool.js');
	const report = await suite.runSuite(
		{
			...runSettings(config, context),
			templatesDir: resolveTemplatesDir(config.templatesDir),
			schemaFile: schemaFilePath(config.projectRoot),
			choosePgDump: () => dump.choosePgDump(config),
		},
		{
			onEvent: (event) => {
				if (event.type === 'check-start') context.onEvent({type: 'step-start', id: `check:${event.id}`, title: event.title});
				if (event.type === 'check-done') {
					const {result} = event;
					context.onEvent({type: 'step-verdict', id: `check:${result.id}`, title: result.status === 'passed' ? result.passedTitle : result.title, verdict: result.status, durationMs: result.durationMs, detail: result.figure ?? (result.status === 'passed' ? undefined : result.detail)});
				}
			},
		},
	);
	const count = (status: string) => report.checks.filter((check) => check.status === status).length;
	const lines: ResultLine[] = [];
	for (const check of report.checks.filter((result) => result.status === 'failed')) {
		lines.push({text: `✖ ${check.title}: ${check.detail}`, tone: 'failure'});
		if (check.hint) lines.push({text: `  hint ${check.hint}`, tone: 'dim'});
	}
	for (const warning of report.warnings) lines.push({text: `⚠ ${warning}`, tone: 'warning'});
	const failed = count('failed');
	return {
		tone: report.cancelled ? 'warning' : failed > 0 || report.exitCode !== 0 ? 'failure' : 'success',
		summary: `${report.cancelled ? 'Cancelled: ' : ''}${count('passed')} passed, ${failed} failed, ${count('skipped')} skipped in ${formatMs(report.durationMs)}`,
		lines,
	};
}

/** `cc-dev dump --from-migrations`: a scratch database migrated to head, pg_dump'ed into railway_schema.sql. */
export async function dumpFromMigrations(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const source = await import('../../core/schema/dump-source.js');
	const title = 'Migrate a scratch database to head and pg_dump --schema-only it';
	context.onEvent({type: 'step-start', id: 'dump', title});
	const dump = await source.dumpConfigured(config, {fromMigrations: true, signal: context.signal});
	context.onEvent({type: 'step-done', id: 'dump', title, durationMs: dump.durationMs, detail: dump.tool});
	writeSchemaFile(schemaFilePath(config.projectRoot), dump.text);
	return {
		tone: 'success',
		summary: `Wrote ${schemaFileName} at ${dump.revision ?? 'base'} (${dump.lineCount} lines)`,
		lines: [{text: `Review the diff (git diff ${schemaFileName}) and commit it with the migrations.`, tone: 'dim'}],
	};
}

/** `cc-dev drift`: the live database against what its migrations produce in a scratch database. */
export async function checkDrift(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const [drift, catalogs] = await Promise.all([import('../../core/schema/drift.js'), import('../../core/generate/compare-catalogs.js')]);
	context.onEvent({type: 'step-start', id: 'drift', title: 'Compare with a scratch database migrated to the same revision'});
	const result = await drift.detectDrift({...runSettings(config, context), onEvent: context.onEvent, compareCatalogs: (expected, actual) => catalogs.catalogChanges(expected, actual, config.waitMs)});
	context.onEvent({type: 'step-done', id: 'drift', title: 'Compare with a scratch database migrated to the same revision', durationMs: result.durationMs});
	const notes: ResultLine[] = result.notes.map((note) => ({text: note, tone: 'dim'}));
	const at = result.revisions.join(', ') || 'base';
	if (result.differences.length === 0 && result.changes.length === 0) return {tone: 'success', summary: `No drift: ${result.target} matches its migrations at ${at}`, lines: notes};
	const count = result.differences.length > 0 ? plural(result.differences.length, 'difference') : plural(result.changes.length, 'difference');
	return {
		tone: 'failure',
		summary: `${count} between ${result.target} and its migrations at ${at}`,
		lines: [
			...result.differences.map((difference) => ({text: difference.message, tone: 'warning' as const})),
			...result.changes.map((change) => ({text: change.replace(/\s+/g, ' '), tone: 'dim' as const})),
			...notes,
		],
	};
}

import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {InputError, UsageError} from '../errors.js';
import {buildGraph} from '../migrations/graph.js';
import {loadMigrations} from '../migrations/load-migrations.js';
import {parseMigration} from '../migrations/parse-migration.js';
import {completeAnswers} from './answers.js';
import type {ScaffoldRequest, ScaffoldResult, TemplateInfo} from './contract.js';
import {createdStamp, newRevisionId, slugFromMessage} from './naming.js';
import {fillKnown, renderTemplate} from './render-template.js';
import {parseTemplate, type TemplateDefinition} from './template-file.js';

function templateFiles(templatesDir: string): string[] {
	try {
		return readdirSync(templatesDir).filter((file) => file.endsWith('.sql'));
	} catch (error) {
		throw new InputError(`Cannot read the templates folder ${templatesDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
			hint: 'Run cc-dev from the project folder (it has templates/ next to migrations/).',
			cause: error,
		});
	}
}

function readDefinitions(templatesDir: string): TemplateDefinition[] {
	return templateFiles(templatesDir)
		.map((file) => {
			const full = path.join(templatesDir, file);
			return parseTemplate(readFileSync(full, 'utf8'), full);
		})
		.sort((a, b) => a.order - b.order || a.info.name.localeCompare(b.info.name));
}

/** Every template of the folder, in menu order (blank first). */
export async function listTemplates(templatesDir: string): Promise<TemplateInfo[]> {
	return readDefinitions(templatesDir).map((definition) => definition.info);
}

/** One template by name; an unknown name is a usage error that lists the others. */
export function loadTemplate(templatesDir: string, name: string): TemplateDefinition {
	const file = path.join(templatesDir, `${name}.sql`);
	if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !existsSync(file)) {
		const names = templateFiles(templatesDir).map((entry) => entry.replace(/\.sql$/, ''));
		throw new UsageError(`Unknown template "${name}".`, {hint: `Templates: ${names.sort().join(', ')}.`});
	}
	return parseTemplate(readFileSync(file, 'utf8'), file);
}

/** The revisions of the migrations folder and its heads; a missing folder is an empty project. */
export function readHeads(migrationsDir: string): {revisions: Set<string>; heads: readonly string[]} {
	if (!existsSync(migrationsDir)) return {revisions: new Set(), heads: []};
	const graph = buildGraph(loadMigrations(migrationsDir));
	return {revisions: new Set(graph.byRevision.keys()), heads: graph.heads};
}

function header(values: {revision: string; revises: readonly string[]; created: string; message: string; transaction: string}): string {
	return [
		`-- Revision: ${values.revision}`,
		`-- Revises: ${values.revises.join(', ')}`,
		`-- Created: ${values.created}`,
		`-- Message: ${values.message}`,
		`-- Transaction: ${values.transaction}`,
	].join('\n');
}

/**
 * Writes a new migration from a template: a fresh revision id, Revises = the current head(s)
 * (several make a merge revision) unless `revises` is given, the answers checked and filled in.
 * The written file is parsed back, so a broken template never leaves a file behind.
 */
export async function scaffoldMigration(request: ScaffoldRequest): Promise<ScaffoldResult> {
	const message = request.message.trim();
	if (message === '') throw new UsageError('A migration needs a message.', {hint: 'For example: cc-dev migrate new "add study goals"'});
	if (/[\r\n]/.test(message)) throw new UsageError('The message must be one line.');
	const template = loadTemplate(request.templatesDir, request.template);
	const answers = completeAnswers(template.info, request.answers);
	const {revisions, heads} = readHeads(request.migrationsDir);
	const revises = request.revises ?? heads;
	for (const parent of revises) {
		if (!revisions.has(parent)) throw new UsageError(`Cannot revise ${parent}: no migration in ${request.migrationsDir} declares it.`);
	}
	const revision = newRevisionId(revisions);
	const fileName = `${revision}_${slugFromMessage(message)}.sql`;
	const created = createdStamp(request.now ?? new Date());
	const values = {...answers, message, revision, revises: revises.join(', '), created, file: fileName, template: template.info.name};
	const text = `${header({revision, revises, created, message, transaction: template.info.transaction})}\n\n${renderTemplate(template.body, values).trimEnd()}\n`;
	mkdirSync(request.migrationsDir, {recursive: true});
	const file = path.join(request.migrationsDir, fileName);
	writeFileSync(file, text, {flag: 'wx'});
	try {
		parseMigration(text, file);
	} catch (error) {
		rmSync(file, {force: true});
		throw new InputError(`The template ${template.info.name} produced an invalid migration: ${(error as Error).message}`, {
			hint: `Fix ${path.basename(template.file)}: comment lines before "-- migrate:up" must not look like "-- Word: ..." headers.`,
			cause: error,
		});
	}
	return {revision, path: file, text, revises, ...(template.info.next ? {next: fillKnown(template.info.next, values)} : {})};
}

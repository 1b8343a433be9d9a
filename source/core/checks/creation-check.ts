import {copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {scratchDatabaseGuard} from '../guards/production.js';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ConnectionTarget} from '../database/target.js';
import {CancelledError, isCcDevError} from '../errors.js';
import {runMigrations} from '../migrations/run-migrations.js';
import type {TemplateInfo} from '../scaffold/contract.js';
import {listTemplates, scaffoldMigration} from '../scaffold/scaffold-migration.js';
import {compareSnapshots} from '../schema/compare-snapshots.js';
import {readSnapshot} from '../schema/read-snapshot.js';
import type {SchemaSnapshot} from '../schema/snapshot.js';
import {failed, passed, skipped, type Check} from './check.js';
import type {SuiteContext} from './suite-context.js';
import {plural} from '../plural.js';

/** A temporary copy of the migrations folder, so scaffolding never touches the project. */
function copyMigrations(from: string): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'cc-dev-creation-'));
	for (const name of readdirSync(from).filter((entry) => entry.endsWith('.sql'))) copyFileSync(path.join(from, name), path.join(directory, name));
	return directory;
}

async function readTemplates(templatesDir: string): Promise<TemplateInfo[] | undefined> {
	if (!existsSync(templatesDir)) return undefined;
	return listTemplates(templatesDir);
}

type Trial = {readonly template: TemplateInfo; readonly problem?: string};

/** Scaffolds one template, applies and reverts it, removes it; says what went wrong, if anything. */
async function tryTemplate(context: SuiteContext, directory: string, target: ConnectionTarget, template: TemplateInfo, baseline: SchemaSnapshot): Promise<Trial> {
	let created: {readonly path: string};
	try {
		created = await scaffoldMigration({migrationsDir: directory, templatesDir: context.templatesDir, template: template.name, message: `suite check ${template.name}`, answers: template.example});
	} catch (error) {
		return {template, problem: `${template.name}: cannot scaffold with its example answers: ${(error as Error).message}`};
	}
	const options = context.runOptions(target, directory);
	try {
		if (template.failsUntilEdited) {
			const outcome = await runMigrations({...options, direction: 'up'}).then(() => 'applied', (error: unknown) => {
				if (error instanceof CancelledError) throw error;
				return isCcDevError(error) ? 'refused' : 'crashed';
			});
			if (outcome === 'applied') await runMigrations({...options, ...scratchDatabaseGuard, direction: 'down', steps: 1}).catch(() => {});
			return outcome === 'refused' ? {template} : {template, problem: `the unedited ${template.name} migration ${outcome === 'applied' ? 'applied, but must fail until it is written' : 'failed unexpectedly'}`};
		}
		await runMigrations({...options, direction: 'up'});
		await runMigrations({...options, ...scratchDatabaseGuard, direction: 'down', steps: 1});
		const differences = compareSnapshots(baseline, await readSnapshot(target));
		if (differences.length > 0) return {template, problem: `${template.name}: apply and revert leave the schema changed: ${differences.map((difference) => difference.message).join('; ')}`};
		return {template};
	} catch (error) {
		if (error instanceof CancelledError) throw error;
		return {template, problem: `${template.name}: ${(error as Error).message}`};
	} finally {
		rmSync(created.path, {force: true});
	}
}

/**
 * 5. Scaffold a migration from each template (with the template's example answers) into a temporary
 * copy of migrations/, apply and revert it on a scratch database, remove it. The blank template
 * must refuse to run until it is written.
 */
export const creationCheck: Check = {
	id: 'creation',
	title: 'Migration creation',
	passedTitle: 'Migration creation working',
	prepare(context) {
		if (existsSync(context.templatesDir)) void context.ownScratch('migration creation').catch(() => {});
	},
	async run(context) {
		const templates = await readTemplates(context.templatesDir);
		if (!templates || templates.length === 0) return skipped(`no templates in ${path.basename(context.templatesDir)}/ to scaffold from`);
		context.graph();
		const directory = copyMigrations(context.migrationsDir);
		try {
			const database = await context.ownScratch('migration creation');
			await runMigrations({...context.runOptions(database.target, directory), direction: 'up'});
			const baseline = await readSnapshot(database.target);
			const problems: string[] = [];
			for (const template of templates) {
				const trial = await tryTemplate(context, directory, database.target, template, baseline);
				if (trial.problem) problems.push(trial.problem);
			}
			if (problems.length > 0) {
				return failed(`${plural(problems.length, 'template')} of ${templates.length} did not scaffold, apply and revert: ${problems[0]}`, {
					lines: problems,
					hint: 'Fix the template (templates/*.sql) or its example answers.',
				});
			}
			return passed(`${plural(templates.length, 'template')} scaffolded, applied and reverted on a scratch database (${templates.map((template) => template.name).join(', ')})`, plural(templates.length, 'template'));
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	},
};

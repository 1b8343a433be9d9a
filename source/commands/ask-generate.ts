import {confirm, input, select} from '@inquirer/prompts';
import type {Drop, ProbableRename} from '../core/generate/schema-changes.js';

export type GenerateChoices = {
	readonly message: string;
	readonly source: 'dev' | 'command' | 'sql';
	/** With source sql: the file or folder. */
	readonly path?: string;
};

type PromptContext = {signal?: AbortSignal; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream};

/** What "Generate a migration from schema changes" asks first: the message and where the desired schema is. */
export async function askGenerate(options: {fromCommand: string | undefined} & PromptContext): Promise<GenerateChoices> {
	const context = {...(options.signal ? {signal: options.signal} : {}), ...(options.input ? {input: options.input} : {}), ...(options.output ? {output: options.output} : {})};
	const message = await input({message: 'What does the change do (the message)?', validate: (value) => (value.trim() === '' ? 'A migration needs a message.' : true)}, context);
	const source = await select<GenerateChoices['source']>({
		message: 'Where is the desired schema?',
		choices: [
			{value: 'dev', name: 'The development database, changed by hand', description: 'compared with the migrations at its revision'},
			...(options.fromCommand ? [{value: 'command' as const, name: 'The schema command of package.json', description: options.fromCommand}] : []),
			{value: 'sql', name: 'A .sql file (or folder) declaring the whole schema'},
		],
		default: 'dev',
	}, context);
	if (source !== 'sql') return {message, source};
	const path = await input({message: 'Path of the .sql file or folder', validate: (value) => (value.trim() === '' ? 'Give a path.' : true)}, context);
	return {message, source, path};
}

/** The drop confirmation: each object and what it destroys, then y/N (no by default). */
export async function confirmDrops(drops: readonly Drop[], renames: readonly ProbableRename[], options: PromptContext & {write: (line: string) => void}): Promise<boolean> {
	const context = {...(options.signal ? {signal: options.signal} : {}), ...(options.input ? {input: options.input} : {}), ...(options.output ? {output: options.output} : {})};
	options.write('\nThe change destroys data:');
	for (const drop of drops) options.write(`  - ${drop.kind} ${drop.object}: ${drop.destroys}`);
	for (const rename of renames) options.write(`  ~ probably a rename of ${rename.table}.${rename.from} to ${rename.to}: ${rename.fix}`);
	return confirm({message: `Write it anyway, dropping ${drops.length === 1 ? 'this object' : `these ${drops.length} objects`}?`, default: false}, context);
}

/** After --from-dev: record the new revision in the development database? (yes by default) */
export async function askStamp(revision: string, options: PromptContext): Promise<boolean> {
	const context = {...(options.signal ? {signal: options.signal} : {}), ...(options.input ? {input: options.input} : {}), ...(options.output ? {output: options.output} : {})};
	return confirm({message: `Your development database already has this change. Record ${revision} there, so that migrate status is clean?`, default: true}, context);
}

import path from 'node:path';
import {productionGuardOf} from '../../core/guards/production.js';
import type {Config} from '../../core/config/load-config.js';
import {readProjectSettings} from '../../core/config/project-settings.js';
import {CancelledError} from '../../core/errors.js';
import type {DesiredSource} from '../../core/generate/desired-source.js';
import {generateMigration} from '../../core/generate/generate-migration.js';
import {sessionOptionsOf} from '../../core/migrations/migration-session.js';
import {stampRevision} from '../../core/migrations/stamp.js';
import {askGenerate, askStamp, confirmDrops} from '../../commands/ask-generate.js';
import {isPromptCancel} from '../../commands/ask-scaffold.js';
import type {ActionOutcome, ResultLine} from './types.js';

const write = (line: string): void => {
	process.stdout.write(`${line}\n`);
};

async function asked<T>(question: Promise<T>): Promise<T> {
	try {
		return await question;
	} catch (error) {
		if (isPromptCancel(error)) throw new CancelledError('No migration written.');
		throw error;
	}
}

/**
 * "Generate a migration from schema changes": the questions (inquirer, the app has handed the
 * terminal over), the same core operation as `migrate new --from-...`, the drop confirmation
 * naming each object, and after --from-dev the stamp question.
 */
export async function generateFromChanges(config: Config, signal: AbortSignal): Promise<ActionOutcome> {
	const settings = readProjectSettings(config.projectRoot);
	write('\nGenerate a migration from schema changes (Ctrl-C goes back to the menu)');
	const choices = await asked(askGenerate({fromCommand: settings.fromCommand, signal}));
	const source: DesiredSource = choices.source === 'dev' ? {kind: 'dev'}
		: choices.source === 'command' ? {kind: 'command', command: settings.fromCommand!, timeoutMs: settings.commandTimeoutMs ?? 120_000, cwd: config.projectRoot}
			: {kind: 'sql', path: path.resolve(config.projectRoot, choices.path!)};
	const result = await generateMigration({
		...sessionOptionsOf(config, {
			signal,
			onEvent: (event) => {
				if (event.type === 'step-start') write(`… ${event.title}`);
			},
		}),
		message: choices.message,
		source,
		allowDrops: (drops, renames) => asked(confirmDrops(drops, renames, {signal, write})),
	});
	const lines: ResultLine[] = [];
	if (result.verification) lines.push({text: result.verification.ok ? 'Verified: up gives the desired schema, down the starting one, up runs again' : 'Verification failed: nothing written', tone: result.verification.ok ? 'success' : 'failure'});
	for (const step of result.verification?.steps ?? []) {
		if (!step.ok) lines.push({text: `${step.name}: ${step.error ?? step.differences.join(' ')}`, tone: 'failure'});
	}
	for (const finding of result.lint) lines.push({text: `lint ${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`, tone: finding.severity === 'error' ? 'failure' : 'warning'});
	switch (result.status) {
		case 'no-change':
			return {tone: 'success', summary: 'The schema already matches the migrations: nothing written'};
		case 'refused-drops':
			return {tone: 'warning', summary: 'Nothing written: the drops were not confirmed', lines: result.drops.map((drop) => ({text: `${drop.kind} ${drop.object}: ${drop.destroys}`, tone: 'warning'}))};
		case 'verification-failed':
			return {tone: 'failure', summary: 'The generated migration did not verify: nothing written', lines};
		default:
			break;
	}
	const last = result.files.at(-1)!.revision;
	if (source.kind === 'dev' && (await asked(askStamp(last, {signal})))) {
		await stampRevision({...sessionOptionsOf(config, {signal}), ...productionGuardOf(config, false), revision: last});
		lines.push({text: `Recorded ${last} in the development database`, tone: 'success'});
	}
	const names = result.files.map((file) => path.relative(config.projectRoot, file.path));
	return {
		tone: result.lint.some((finding) => finding.severity === 'error') ? 'warning' : 'success',
		summary: `Wrote ${names.join(', ')}`,
		lines,
		view: {kind: 'sql', title: `Generated from ${result.source}`, blocks: result.files.map((file) => ({title: file.fileName, transaction: file.transaction, sql: file.text.trimEnd()}))},
	};
}

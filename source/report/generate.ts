import path from 'node:path';
import type {GenerateResult} from '../core/generate/generate-migration.js';
import type {Verification} from '../core/generate/verify-migration.js';
import type {Style} from './style.js';

const stepTitles = {up: 'up gives the desired schema', down: 'down gives the starting schema back', 'up-again': 'up runs again'} as const;

function verificationLines(verification: Verification, style: Style): string[] {
	const lines = [verification.ok ? `${style.green('✔')} Verified in a scratch database: up gives the desired schema, down the starting one, up runs again` : `${style.red('✖')} Verification failed:`];
	if (verification.ok) return lines;
	for (const step of verification.steps) {
		lines.push(`  ${step.ok ? style.green('✔') : style.red('✖')} ${stepTitles[step.name]}${step.error ? `: ${step.error}` : ''}`);
		if (step.differences.length > 0) {
			lines.push(`    still different (what would be needed to reach it):`);
			for (const difference of step.differences) lines.push(`      ${difference.split('\n').join('\n      ')}`);
		}
	}
	return lines;
}

function sqlOf(result: GenerateResult, style: Style): string[] {
	return result.files.flatMap((file) => ['', style.dim(`── ${path.relative(process.cwd(), file.path) || file.path}${result.status === 'written' ? '' : ' (not written)'}`), file.text.trimEnd()]);
}

/** The generation's outcome for a terminal or a log: files, SQL, drops, verification, lint. */
export function renderGenerate(result: GenerateResult, style: Style): string {
	const lines: string[] = [];
	const at = result.head ?? 'base';
	switch (result.status) {
		case 'no-change':
			return `${style.green('✔')} The schema already matches the migrations (head ${at}); nothing written.`;
		case 'refused-drops': {
			lines.push(`${style.red('✖')} The change destroys data; nothing written:`);
			for (const drop of result.drops) lines.push(`  ${style.red('-')} ${drop.kind} ${style.bold(drop.object)}: ${drop.destroys}`);
			if (result.renames.length > 0) {
				lines.push('', 'Probable renames (a drop next to an add of the same type):');
				for (const rename of result.renames) lines.push(`  ${style.yellow('~')} ${rename.table}: ${rename.from} -> ${rename.to}`, `    fix: ${rename.fix}`);
			}
			lines.push('', result.renames.length > 0 ? 'Write the renames with their templates; if the data really must go, run again with --allow-drops.' : 'If the data really must go, run again with --allow-drops.');
			return lines.join('\n');
		}
		default:
			break;
	}
	if (result.status === 'written') {
		for (const file of result.files) lines.push(`${style.green('✔')} Wrote ${style.bold(path.relative(process.cwd(), file.path) || file.path)} ${style.dim(`(revises ${file.revises ?? 'nothing'}; Transaction: ${file.transaction})`)}`);
	} else if (result.status === 'dry-run') {
		lines.push(`${style.cyan('dry run')}: ${result.files.length} file${result.files.length === 1 ? '' : 's'} would be written`);
	} else {
		lines.push(`${style.red('✖')} The generated migration did not verify; nothing written.`);
	}
	if (result.status !== 'verification-failed') lines.push(...sqlOf(result, style));
	lines.push('');
	if (result.verification) lines.push(...verificationLines(result.verification, style));
	if (result.status === 'verification-failed') lines.push(...sqlOf(result, style), '', 'Fix the desired schema, write this change by hand, or write it anyway with --unverified (the files then say so).');
	if (result.unsupported.length > 0) {
		lines.push(`${style.red('✖')} Not expressible by the generator:`);
		for (const object of result.unsupported) lines.push(`  - ${object}`);
	}
	for (const drop of result.drops) lines.push(`${style.yellow('⚠')} drops ${drop.kind} ${drop.object}: ${drop.destroys} (allowed by --allow-drops)`);
	if (result.lint.length === 0) lines.push(`${style.green('✔')} Lint: no findings`);
	for (const finding of result.lint) lines.push(`${finding.severity === 'error' ? style.red('✖') : style.yellow('⚠')} lint ${finding.file}:${finding.line}:${finding.column} ${finding.rule}: ${finding.message}`);
	if (result.stamped.length > 0) lines.push(`${style.green('✔')} Recorded ${result.stamped.join(', ')} in the development database: migrate status is clean`);
	return lines.join('\n');
}

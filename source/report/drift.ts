import type {SchemaDifference} from '../core/schema/compare-snapshots.js';
import type {DriftResult} from '../core/schema/drift.js';
import type {Style} from './style.js';
import {plural} from '../core/plural.js';

function marker(difference: SchemaDifference, style: Style): string {
	if (difference.change === 'missing') return style.red('-');
	if (difference.change === 'extra') return style.green('+');
	return style.yellow('~');
}

/** The object a difference belongs to, for grouping: its table, or "enums" / "extensions". */
function groupOf(difference: SchemaDifference): string {
	if (difference.kind === 'extension') return 'extensions';
	if (difference.kind === 'enum') return 'enums';
	return `table ${difference.name.split('.')[0]}`;
}

/**
 * Drift as a readable diff, grouped by table: `-` expected by the migrations but missing from the
 * live database, `+` extra in the live database, `~` present in both but different.
 */
export function renderDrift(result: DriftResult, style: Style): string {
	const at = result.revisions.length > 0 ? result.revisions.join(', ') : 'base';
	const lines: string[] = [];
	if (result.differences.length === 0 && result.changes.length === 0) {
		lines.push(`${style.green('✔')} no drift: ${result.target} matches the migrations at ${at}`);
	} else if (result.differences.length === 0) {
		lines.push(`${style.red('✖')} ${result.target} has drifted from the migrations at ${at}:`);
	} else {
		lines.push(`${style.red('✖')} ${result.target} has drifted from the migrations at ${at} (${plural(result.differences.length, 'difference')}):`);
		const groups = new Map<string, SchemaDifference[]>();
		for (const difference of result.differences) groups.set(groupOf(difference), [...(groups.get(groupOf(difference)) ?? []), difference]);
		for (const [group, differences] of groups) {
			lines.push('', `  ${style.bold(group)}`);
			for (const difference of differences) lines.push(`    ${marker(difference, style)} ${difference.message}`);
		}
		lines.push('', style.dim('  - expected by the migrations, missing from the database   + only in the database   ~ different'));
	}
	if (result.changes.length > 0) {
		lines.push('', `  ${style.bold('what the migrations lack')} ${style.dim('(SQL from the migrations\' schema to this database; cc-dev drift --write MESSAGE writes it as a migration)')}`);
		for (const change of result.changes) lines.push(`    ${change.split('\n').join('\n    ')}`);
	}
	lines.push(style.dim(`  (revision from ${result.claimedBy}; compared with a scratch database migrated to it)`));
	for (const note of result.notes) lines.push(`${style.yellow('⚠')} ${note}`);
	return lines.join('\n');
}

import {Box, Text} from 'ink';
import type {ProjectState} from '../services/types.js';
import {revisions} from '../tone.js';
import {plural} from '../../core/plural.js';

export type HeaderProps = {
	/** Undefined until the first read finishes. */
	readonly state: ProjectState | undefined;
	readonly isLoading: boolean;
	/** At most this many warning lines (the rest are counted). */
	readonly maxWarnings?: number;
};

function DatabaseLine({state}: {readonly state: ProjectState}) {
	const provider = state.provider;
	const isRunning = state.isReachable;
	const where = provider ? `${provider.name} ` : '';
	const status = isRunning ? 'running' : provider?.state === 'absent' ? 'not created' : 'not running';
	return (
		<Text wrap="truncate-end">
			<Text dimColor>database </Text> {where}
			<Text color={isRunning ? 'green' : 'yellow'}>{isRunning ? '●' : '○'} {status}</Text>
			{state.serverVersion ? ` · PostgreSQL ${state.serverVersion}` : ''}
			<Text dimColor> · {state.target}</Text>
		</Text>
	);
}

function RevisionLine({state}: {readonly state: ProjectState}) {
	const head = revisions(state.heads, 'none');
	if (!state.isReachable || state.pending === undefined) {
		return (
			<Text wrap="truncate-end">
				<Text dimColor>revision </Text> head {head} · {plural(state.migrationCount, 'migration')} ·{' '}
				<Text color="yellow">{state.isReachable ? 'unknown' : 'database not running: s starts it'}</Text>
			</Text>
		);
	}
	const isAtHead = state.pending === 0;
	return (
		<Text wrap="truncate-end">
			<Text dimColor>revision </Text> {isAtHead ? `${revisions(state.current)} (head)` : `current ${revisions(state.current)} · head ${head}`} ·{' '}
			<Text color={isAtHead ? 'green' : 'yellow'}>{isAtHead ? 'up to date · 0 pending' : `${state.pending} pending`}</Text>
		</Text>
	);
}

/** The project state at the top of every screen: provider, server, revision against head, warnings. */
export function Header({state, isLoading, maxWarnings = 2}: HeaderProps) {
	const warnings = state?.warnings ?? [];
	const shown = warnings.slice(0, maxWarnings);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold color="cyan">cc-dev</Text>
				<Text bold> · Cognition Curator database</Text>
				{isLoading && state ? <Text dimColor> · refreshing…</Text> : null}
			</Text>
			{state ? <DatabaseLine state={state} /> : <Text dimColor>database  reading…</Text>}
			{state ? <RevisionLine state={state} /> : <Text dimColor>revision  reading…</Text>}
			{shown.map((warning) => (
				<Text key={warning} color="yellow" wrap="truncate-end">
					⚠ {warning}
				</Text>
			))}
			{warnings.length > shown.length ? <Text dimColor>  and {plural(warnings.length - shown.length, 'more warning')}</Text> : null}
		</Box>
	);
}

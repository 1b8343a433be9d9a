import type {Config} from '../../core/config/load-config.js';
import {readServerFacts} from '../../core/migrations/server-facts.js';
import {describeTarget} from '../../core/database/target.js';
import {chooseProvider} from '../../core/providers/choose-provider.js';
import type {ActionContext, ActionOutcome, ResultLine} from './types.js';

function since(date: Date | undefined): string {
	if (!date) return '';
	const seconds = Math.max(Math.round((Date.now() - date.getTime()) / 1000), 0);
	if (seconds < 60) return ` for ${seconds}s`;
	if (seconds < 3600) return ` for ${Math.floor(seconds / 60)}m`;
	return ` for ${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}

export async function startDatabase(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const {provider, reason} = await chooseProvider(config);
	context.onEvent({type: 'info', message: `${provider.name} provider: ${reason}`});
	const status = await provider.start({onEvent: context.onEvent, signal: context.signal});
	return {tone: 'success', summary: `${provider.name} database running at ${describeTarget(config.target)}`, lines: [{text: `data in ${status.location}`, tone: 'dim'}]};
}

export async function stopDatabase(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const {provider} = await chooseProvider(config);
	const status = await provider.stop({onEvent: context.onEvent, signal: context.signal});
	return {tone: 'success', summary: `${provider.name} database stopped (data kept in ${status.location})`};
}

/** `db status`, as lines: provider, state, port, data, and the server's own facts when it runs. */
export async function databaseStatus(config: Config, context: ActionContext): Promise<ActionOutcome> {
	const {provider, reason} = await chooseProvider(config);
	const status = await provider.status({signal: context.signal});
	const facts = status.state === 'running' ? await readServerFacts(config.target, config.migrationsDir).catch(() => undefined) : undefined;
	const state = status.state === 'running' ? `running${since(status.startedAt)}` : status.state === 'stopped' ? 'stopped' : 'not created';
	const lines: ResultLine[] = [
		{text: `provider  ${status.provider} (${reason})`},
		{text: `state     ${state}`, tone: status.state === 'running' ? 'success' : 'warning'},
		{text: `target    ${describeTarget(config.target)}`},
		{text: `data      ${status.location}`},
		...Object.entries(status.details ?? {}).map(([key, value]) => ({text: `${key.padEnd(9)} ${value}`, tone: 'dim' as const})),
	];
	if (facts) {
		lines.push({text: `server    PostgreSQL ${facts.serverVersion}, ${facts.databaseSize}`});
		lines.push({text: `revision  ${facts.current.join(', ') || 'base'}${facts.pending > 0 ? ` (${facts.pending} pending)` : ''}`, tone: facts.pending > 0 ? 'warning' : undefined});
	}
	return {tone: status.state === 'running' ? 'success' : 'warning', summary: `${status.provider} database ${state}`, lines};
}

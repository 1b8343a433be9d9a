import type {Config} from '../config/load-config.js';
import {describeTarget} from '../database/target.js';
import {UsageError} from '../errors.js';
import {createDockerProvider, probeDockerEngine} from './docker-provider.js';
import type {DatabaseProvider, ProviderName, ProviderStatus} from './provider.js';

/** The provider for DATABASE_URL / --url: cc-dev does not manage that server, it only reports on it. */
export function createUrlProvider(config: Config): DatabaseProvider {
	const refuse = (action: string) => async (): Promise<never> => {
		throw new UsageError(`cc-dev cannot ${action} the database: ${config.target.source} points at an external server (${describeTarget(config.target)}).`, {
			hint: `Manage that server where it runs; unset ${config.target.source === '--url' ? '--url' : 'DATABASE_URL'} (or pass --provider docker|embedded) to use the local database.`,
		});
	};
	return {
		name: 'url',
		start: refuse('start'),
		stop: refuse('stop'),
		destroy: refuse('destroy'),
		async status(): Promise<ProviderStatus> {
			const {connect} = await import('../database/connect.js');
			const base = {provider: 'url' as const, location: `${config.target.host}:${config.target.port}`, port: config.target.port};
			try {
				const client = await connect(config.target, {waitMs: 0, applicationName: 'cc-dev status'});
				await client.end().catch(() => {});
				return {...base, state: 'running', details: {target: describeTarget(config.target), source: config.target.source}};
			} catch (error) {
				return {...base, state: 'stopped', details: {target: describeTarget(config.target), source: config.target.source, error: (error as Error).message}};
			}
		},
	};
}

async function embedded(config: Config): Promise<DatabaseProvider> {
	const {createEmbeddedProvider} = await import('./embedded.js');
	return createEmbeddedProvider(config);
}

/**
 * Which provider serves the configured database, and why: --provider / CC_DEV_PROVIDER when given;
 * otherwise DATABASE_URL when set, else Docker when an engine answers (within ~300 ms), else the
 * embedded database. The one place this choice is made.
 */
export async function chooseProviderName(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<{name: ProviderName; reason: string}> {
	switch (config.provider) {
		case 'docker':
			return {name: 'docker', reason: 'chosen with --provider docker (or CC_DEV_PROVIDER)'};
		case 'embedded':
			return {name: 'embedded', reason: 'chosen with --provider embedded (or CC_DEV_PROVIDER)'};
		case 'url':
			return {name: 'url', reason: `chosen with --provider url: ${config.target.source}`};
		case 'auto':
			break;
	}
	if (config.isExternal) return {name: 'url', reason: `${config.target.source} is set`};
	const probe = await probeDockerEngine(env);
	if (probe.available) return {name: 'docker', reason: `a Docker engine answers at ${probe.host}`};
	return {name: 'embedded', reason: `no Docker engine: ${probe.reason.replace(/\.$/, '')}`};
}

/** The provider of the configured database, and why (see chooseProviderName). */
export async function chooseProvider(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<{provider: DatabaseProvider; reason: string}> {
	const {name, reason} = await chooseProviderName(config, env);
	switch (name) {
		case 'docker':
			return {provider: createDockerProvider(config, {env}), reason};
		case 'embedded':
			return {provider: await embedded(config), reason};
		default:
			return {provider: createUrlProvider(config), reason};
	}
}

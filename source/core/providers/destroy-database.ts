import type {ConnectionTarget} from '../database/target.js';
import {requireNonProductionTarget, type ProductionGuard} from '../guards/production.js';
import type {DatabaseProvider, ProviderOptions} from './provider.js';

/**
 * Removes the provider's database and all its data: the one way every front end destroys it, so
 * the production guard cannot be left out. The caller has already confirmed.
 */
export async function destroyDatabase(provider: DatabaseProvider, target: ConnectionTarget, options: ProviderOptions & ProductionGuard): Promise<void> {
	requireNonProductionTarget(target, options, 'db destroy');
	await provider.destroy(options);
}

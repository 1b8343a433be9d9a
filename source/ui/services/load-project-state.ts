import {readFileSync, statSync} from 'node:fs';
import type {Config} from '../../core/config/load-config.js';
import {serverVersion, withClient} from '../../core/database/connect.js';
import {describeTarget} from '../../core/database/target.js';
import {buildGraph, type RevisionGraph} from '../../core/migrations/graph.js';
import {loadMigrations} from '../../core/migrations/load-migrations.js';
import {readDatabaseState} from '../../core/migrations/state.js';
import {readInvalidIndexes} from '../../core/migrations/invalid-indexes.js';
import {summariseStatus} from '../../core/migrations/status.js';
import {chooseProvider} from '../../core/providers/choose-provider.js';
// chooseProvider imports the embedded provider on demand; loaded here, it is ready before Ink's long import starts.
import '../../core/providers/embedded.js';
import {redact} from '../../core/redact.js';
import type {ProjectState} from './types.js';
import {schemaFilePath} from '../../core/schema/schema-file.js';

type Facts = Pick<ProjectState, 'isReachable' | 'serverVersion' | 'current' | 'pending'> & {readonly problems: readonly string[]};

async function readProvider(config: Config): Promise<ProjectState['provider']> {
	try {
		const {provider, reason} = await chooseProvider(config);
		if (provider.name === 'url') return {name: 'url', state: 'running', reason};
		const status = await provider.status();
		return {name: provider.name, state: status.state, reason};
	} catch {
		return undefined;
	}
}

async function readFacts(config: Config, graph: RevisionGraph | undefined): Promise<Facts> {
	try {
		return await withClient(config.target, {waitMs: 0, applicationName: 'cc-dev app'}, async (client) => {
			const version = await serverVersion(client);
			if (!graph) return {isReachable: true, serverVersion: version, current: [], pending: undefined, problems: []};
			const status = summariseStatus(graph, await readDatabaseState(client, graph), describeTarget(config.target), await readInvalidIndexes(client));
			const problems = status.problems.filter((problem) => !/pending migration/.test(problem) && !/heads \(/.test(problem));
			return {isReachable: true, serverVersion: version, current: status.current, pending: status.pending.length, problems};
		});
	} catch {
		return {isReachable: false, serverVersion: undefined, current: [], pending: undefined, problems: []};
	}
}

/**
 * The committed dump names the revision it was written at (`-- cc-dev revision:`, see dumpHeader in
 * core/schema/dump-schema.ts, not imported to keep the first frame fast); another head means it is out of date.
 */
function dumpWarning(config: Config, graph: RevisionGraph): string | undefined {
	const file = schemaFilePath(config.projectRoot);
	let text: string;
	try {
		text = readFileSync(file, 'utf8').slice(0, 2000);
	} catch {
		return graph.ordered.length > 0 ? 'railway_schema.sql is missing: write it with dump (d)' : undefined;
	}
	const head = graph.heads.length === 1 ? graph.heads[0] : undefined;
	const revision = /^-- cc-dev revision: ([0-9a-f]{12})\s*$/m.exec(text)?.[1];
	if (revision !== undefined) return revision === head ? undefined : `railway_schema.sql is at ${revision}, the migrations at ${head ?? 'several heads'}: dump it again (d)`;
	const newest = Math.max(...graph.ordered.map((migration) => statSync(migration.path).mtimeMs));
	return statSync(file).mtimeMs < newest ? 'railway_schema.sql is older than the newest migration: dump it again (d)' : undefined;
}

/**
 * What the header shows: provider and state, server version, current revision against the head,
 * pending count and warnings. The provider probe and the database query run side by side; a
 * database that does not answer at once counts as not running.
 */
export async function loadProjectState(config: Config): Promise<ProjectState> {
	const warnings: string[] = [];
	let graph: RevisionGraph | undefined;
	try {
		graph = buildGraph(loadMigrations(config.migrationsDir));
	} catch (error) {
		warnings.push(redact((error as Error).message.split('\n')[0] ?? 'the migrations cannot be read'));
	}
	const [provider, facts] = await Promise.all([readProvider(config), readFacts(config, graph)]);
	if (graph && graph.heads.length > 1) warnings.push(`${graph.heads.length} heads (${graph.heads.join(', ')}): create a merge revision with new (n)`);
	warnings.push(...facts.problems);
	if (graph) {
		try {
			const dump = dumpWarning(config, graph);
			if (dump) warnings.push(dump);
		} catch {
			// A file that vanished meanwhile: no verdict on the dump this time.
		}
	}
	return {
		provider,
		target: describeTarget(config.target),
		isReachable: facts.isReachable,
		serverVersion: facts.serverVersion,
		current: facts.current,
		heads: graph?.heads ?? [],
		pending: facts.pending,
		migrationCount: graph?.ordered.length ?? 0,
		warnings,
	};
}

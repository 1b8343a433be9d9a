import {describeTarget} from '../database/target.js';
import type {CoreEvent} from '../events.js';
import {withMigrationSession, type MigrationSession, type SessionOptions} from '../migrations/migration-session.js';
import {analysingBeforeLock, executePlan, planRun, type AppliedStep} from '../migrations/run-migrations.js';
import type {DeployEventSink, DeployFinding, PlannedMigration} from './deploy-events.js';
import {planDryRun} from './dry-run-plan.js';
import {ensureExtensions, lookupExtensions, requiredExtensions, type ExtensionOutcome} from './extensions.js';
import {verifyAtHead} from './verify-head.js';

export type DeployOptions = Omit<SessionOptions, 'onEvent' | 'adopt'> & {
	/** Stop before the first change: report what would run (SQL, lint findings), then release. */
	readonly dryRun?: boolean;
	/** Retries of a transactional migration that hit lock_timeout. Default 3. */
	readonly lockRetries?: number;
	/** Extensions to create when missing. Default: uuid-ossp. */
	readonly extensions?: readonly string[];
	/** RAILWAY_ENVIRONMENT: anything but `production` draws a warning, as railway_init.sh did. */
	readonly railwayEnvironment?: string | undefined;
	readonly onEvent?: DeployEventSink;
};

export type DeployResult = {
	readonly dryRun: boolean;
	/** user@host:port/database, never the password. */
	readonly target: string;
	readonly serverVersion: string;
	readonly extensions: readonly ExtensionOutcome[];
	/** The Flask-Migrate revision adopted by this deploy (dry run: that it would adopt). */
	readonly adopted: string | undefined;
	/** The migrations pending when the lock was taken (with their SQL in a dry run). */
	readonly pending: readonly PlannedMigration[];
	readonly applied: readonly AppliedStep[];
	/** Lint findings on the pending migrations: dry run only; undefined when the linter is unavailable. */
	readonly findings: readonly DeployFinding[] | undefined;
	/** The database's current revision(s) before and after. */
	readonly before: readonly string[];
	readonly after: readonly string[];
	readonly head: string | undefined;
	/** Applied revisions whose checksum was compared with the file (0 in a dry run). */
	readonly checksumsVerified: number;
	readonly totalMs: number;
};

type Frame = Pick<DeployResult, 'serverVersion' | 'extensions'>;

async function openFrame(session: MigrationSession, options: DeployOptions, lockWaitedMs: number): Promise<Frame> {
	const names = options.extensions ?? requiredExtensions;
	// Both questions go out together (the session pipelines).
	const asking = session.client.query<{version: string; user: string; pid: number}>("select current_setting('server_version') as version, current_user as user, pg_backend_pid() as pid");
	const lookup = names.length > 0 ? lookupExtensions(session.client, names) : undefined;
	lookup?.catch(() => {});
	const row = (await asking).rows[0]!;
	options.onEvent?.({type: 'deploy-connected', serverVersion: row.version, user: row.user, backendPid: row.pid, lockWaitedMs});
	const extensions = await ensureExtensions(session.client, names, {dryRun: options.dryRun === true, onEvent: options.onEvent, lookup});
	return {serverVersion: row.version, extensions};
}

function summary(step: {migration: PlannedMigration}): PlannedMigration {
	const {revision, message, fileName, transaction} = step.migration;
	return {revision, message, fileName, transaction};
}

async function dryRun(session: MigrationSession, frame: Frame, options: DeployOptions): Promise<Omit<DeployResult, 'totalMs' | 'target'>> {
	const plan = await planDryRun(session);
	options.onEvent?.({type: 'deploy-plan', dryRun: true, ...plan});
	const current = session.state.current;
	return {...frame, dryRun: true, adopted: plan.adopts, pending: plan.pending, applied: [], findings: plan.findings, before: current, after: current, head: session.graph.heads[0], checksumsVerified: 0};
}

async function apply(session: MigrationSession, frame: Frame, options: DeployOptions, adopted: string | undefined): Promise<Omit<DeployResult, 'totalMs' | 'target'>> {
	const before = session.state.current;
	const plan = await planRun(session, {direction: 'up'});
	const pending = plan.map(summary);
	options.onEvent?.({type: 'deploy-plan', dryRun: false, pending, adopts: adopted, createsVersionTable: false});
	const applied = await executePlan(session, plan, options.lockRetries ?? 3);
	// Under the lock nothing else changes the version table: with nothing applied, it is as read.
	const state = applied.length === 0 ? session.state : await session.refresh();
	const verified = verifyAtHead(session.graph, state);
	options.onEvent?.({type: 'deploy-verified', head: verified.head, checksums: verified.checksums});
	return {...frame, dryRun: false, adopted, pending, applied, findings: undefined, before, after: state.current, head: verified.head, checksumsVerified: verified.checksums};
}

/**
 * `cc-dev deploy`, the successor of railway_init.sh: wait for the database, take the migration
 * lock, create the required extensions, adopt a Flask-Migrate database, apply what is pending
 * (retrying a migration that hit lock_timeout), verify the database is at head with matching
 * checksums. Safe to start on several replicas at once: the lock serialises them, and the later
 * ones find nothing pending. Reports through `onEvent`; never prints.
 */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
	const started = performance.now();
	const isDryRun = options.dryRun === true;
	const target = describeTarget(options.target);
	const emit: DeployEventSink = options.onEvent ?? (() => {});
	emit({type: 'deploy-start', target, source: options.target.source, environment: options.railwayEnvironment, dryRun: isDryRun});
	if (options.railwayEnvironment !== 'production') {
		emit({
			type: 'warning',
			message: options.railwayEnvironment === undefined ? 'RAILWAY_ENVIRONMENT is not set: this is not a production deploy' : `RAILWAY_ENVIRONMENT is "${options.railwayEnvironment}", not production`,
		});
	}
	let adopted: string | undefined;
	let lockWaitedMs = 0;
	const sessionEvents = (event: CoreEvent): void => {
		if (event.type === 'adopted') adopted = event.revision;
		if (event.type === 'lock-acquired') lockWaitedMs = event.waitedMs;
		emit(event);
	};
	const outcome = await withMigrationSession(analysingBeforeLock({...options, onEvent: sessionEvents, adopt: !isDryRun}, {direction: 'up'}), async (session) => {
		const frame = await openFrame(session, options, lockWaitedMs);
		return isDryRun ? dryRun(session, frame, options) : apply(session, frame, options, adopted);
	});
	const result: DeployResult = {...outcome, target, totalMs: performance.now() - started};
	emit({type: 'deploy-done', dryRun: isDryRun, applied: result.applied.length, pending: isDryRun ? result.pending.length : 0, current: result.after, totalMs: result.totalMs});
	return result;
}

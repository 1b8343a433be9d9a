import type {CoreEvent} from '../events.js';
import type {TransactionMode} from '../migrations/migration.js';
import type {RailwaySettingsResult} from './railway-settings.js';

/** A pending migration as a deploy reports it; `statements` only in a dry run. */
export type PlannedMigration = {
	readonly revision: string;
	readonly message: string;
	readonly fileName: string;
	readonly transaction: TransactionMode;
	/** The exact statements the runner would send, in order (dry run only). */
	readonly statements?: readonly string[];
};

/** A lint finding on a pending migration (dry run). */
export type DeployFinding = {
	readonly rule: string;
	readonly severity: 'error' | 'warning';
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly message: string;
	readonly why: string;
	readonly fix: string;
};

/** What the extension step found or did for one extension. */
export type ExtensionStatus = 'present' | 'created' | 'missing';

/** The events of `cc-dev deploy`, on top of the core ones (connect attempts, lock, migrations). */
export type DeployEvent =
	| CoreEvent
	| {readonly type: 'deploy-start'; readonly target: string; readonly source: string; readonly environment: string | undefined; readonly dryRun: boolean}
	| {readonly type: 'deploy-connected'; readonly serverVersion: string; readonly user: string; readonly backendPid: number; readonly lockWaitedMs: number}
	| {readonly type: 'extension'; readonly name: string; readonly status: ExtensionStatus}
	| {
		readonly type: 'deploy-plan';
		readonly dryRun: boolean;
		readonly pending: readonly PlannedMigration[];
		/** Flask-Migrate revision the run adopts (dry run: would adopt). */
		readonly adopts: string | undefined;
		readonly createsVersionTable: boolean;
		/** Lint findings on the pending migrations (dry run); undefined when the linter is unavailable. */
		readonly findings?: readonly DeployFinding[] | undefined;
	}
	| {readonly type: 'deploy-verified'; readonly head: string | undefined; readonly checksums: number}
	| {readonly type: 'deploy-done'; readonly dryRun: boolean; readonly applied: number; readonly pending: number; readonly current: readonly string[]; readonly totalMs: number};

/** Events of the command layer: Railway's settings (dry run) and the hand-over to the start command. */
export type HandOverEvent =
	| {readonly type: 'railway-settings'; readonly result: RailwaySettingsResult}
	| {readonly type: 'start-command'; readonly command: readonly string[]}
	| {readonly type: 'start-command-skipped'; readonly command: readonly string[]; readonly reason: string}
	| {readonly type: 'deploy-failed'; readonly message: string; readonly hint: string | undefined; readonly exitCode: number};

export type DeployLogEvent = DeployEvent | HandOverEvent;

export type DeployEventSink = (event: DeployEvent) => void;

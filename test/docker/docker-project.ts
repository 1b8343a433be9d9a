import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {loadConfig, type Config} from '../../source/core/config/load-config.js';
import type {CoreEvent} from '../../source/core/events.js';
import {createDockerProvider, type DockerProvider} from '../../source/core/providers/docker-provider.js';
import type {DockerTestEngine} from '../helpers/docker-engine.js';
import {freePort} from '../helpers/free-port.js';
import {tempFolder} from '../helpers/temp-folder.js';

/** A host port for a test's database container: free, and claimed against the other copies of the suite until the test ends. */
export function dockerPort(t: ExecutionContext): Promise<number> {
	return freePort(t, {from: 55400, to: 55499});
}

/** A docker-compose.yml like the Cognition Curator one, on the given host port. */
export function composeText(port: number, extra = ''): string {
	return `services:
  db:
    image: postgres:15-alpine
    environment:
      POSTGRES_USER: cognition_user
      POSTGRES_PASSWORD: cognition_pass
      POSTGRES_DB: cognition_curator_dev
    ports:
      - "127.0.0.1:${port}:5432"
    volumes:
      - postgres_data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U cognition_user -d cognition_curator_dev"]
      interval: 5s
      timeout: 5s
      retries: 5
${extra}
volumes:
  postgres_data:
`;
}

/** The environment a test project runs with: the test engine, the local image, host networking. */
export function projectEnv(engine: Extract<DockerTestEngine, {available: true}> | undefined, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['DATABASE_URL', 'CC_DEV_PROVIDER', 'CC_DEV_DB_PORT', 'COMPOSE_PROJECT_NAME', 'CC_DEV_PROJECT', 'DOCKER_CONTEXT', 'CC_DEV_STATE_DIR']) delete env[name];
	if (engine) Object.assign(env, {DOCKER_HOST: engine.dockerHost, CC_DEV_DB_IMAGE: engine.image, CC_DEV_DOCKER_NETWORK: 'host'});
	return {...env, ...overrides};
}

export type TestProject = {
	readonly dir: string;
	readonly env: NodeJS.ProcessEnv;
	readonly config: Config;
	readonly provider: DockerProvider;
	readonly events: CoreEvent[];
	/** Records events for later assertions. */
	readonly onEvent: (event: CoreEvent) => void;
};

/** A fresh project folder with its own compose project name; its container and volume are destroyed after the test. */
export function makeProject(
	t: ExecutionContext,
	engine: Extract<DockerTestEngine, {available: true}> | undefined,
	options: {port: number; compose?: string; env?: NodeJS.ProcessEnv; readyTimeoutMs?: number},
): TestProject {
	const dir = tempFolder(t, 'ccdt-');
	writeFileSync(path.join(dir, 'docker-compose.yml'), options.compose ?? composeText(options.port));
	const env = projectEnv(engine, options.env);
	const config = loadConfig({cwd: dir}, env);
	// A first start runs initdb: on a busy machine that alone can pass the provider's 30 s, so tests wait longer unless they test the bound.
	const provider = createDockerProvider(config, {env, readyTimeoutMs: options.readyTimeoutMs ?? 180_000});
	const events: CoreEvent[] = [];
	t.teardown(async () => {
		if (engine) await provider.destroy().catch(() => {});
	});
	return {dir, env, config, provider, events, onEvent: (event) => events.push(event)};
}

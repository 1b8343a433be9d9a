// Run by engine-errors.test.ts in a child process (another PATH, another user): probes the engine,
// chooses a provider, asks the Docker provider for its status, and prints what happened as JSON.
import {loadConfig} from '../../source/core/config/load-config.js';
import {isCcDevError} from '../../source/core/errors.js';
import {chooseProvider} from '../../source/core/providers/choose-provider.js';
import {createDockerProvider, probeDockerEngine} from '../../source/core/providers/docker-provider.js';

const directory = process.argv[2] ?? process.cwd();
const config = loadConfig({cwd: directory});
const probe = await probeDockerEngine();
const chosen = await chooseProvider({...config, provider: 'auto'});
let status: unknown;
try {
	status = await createDockerProvider(config).status();
} catch (error) {
	status = isCcDevError(error)
		? {error: error.name, exitCode: error.exitCode, message: error.message, hint: error.hint}
		: {error: 'unexpected', message: String(error), stack: (error as Error).stack};
}
process.stdout.write(JSON.stringify({probe, chosen: {name: chosen.provider.name, reason: chosen.reason}, status}));

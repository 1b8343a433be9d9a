import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {readRailwaySettings} from '../../source/core/deploy/railway-settings.js';
import {repoRoot} from '../helpers/database.js';

const read = (file: string): unknown => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));

type Railway = {build: Record<string, unknown>; deploy: {preDeployCommand: string[]; startCommand: string}};
type Railpack = {provider?: string; packages?: Record<string, string>; steps?: Record<string, {commands?: string[]}>; deploy?: {startCommand?: string}};
type Nixpacks = {providers?: string[]; phases?: Record<string, {nixPkgs?: string[]; nixpkgsArchive?: string; cmds?: string[]; dependsOn?: string[]}>; start?: {cmd?: string}};
type PackageJson = {engines?: {node?: string}; devEngines?: unknown; dependencies: Record<string, string>; devDependencies: Record<string, string>};

const railway = read('railway.json') as Railway;
const packageJson = read('package.json') as PackageJson;

/** The build must install everything, compile, then leave only `dependencies` for the runtime. */
function assertBuildsAndPrunes(t: import('ava').ExecutionContext, commands: readonly string[], builder: string): void {
	const install = commands.findIndex((command) => /^npm ci\b/.test(command));
	const prune = commands.findIndex((command) => /^npm prune --omit=dev\b/.test(command));
	t.true(install >= 0, `${builder} runs npm ci (its prepare script compiles the TypeScript): ${commands.join(' | ')}`);
	t.true(prune > install, `${builder} prunes the devDependencies after the build: ${commands.join(' | ')}`);
}

test('Railpack (the builder railway.json names) builds the Python app and installs Node 24 next to it', (t) => {
	t.is(railway.build['builder'], 'RAILPACK');
	const railpack = read('railpack.json') as Railpack;
	// Railpack picks one provider, and Python comes first in a repository with requirements.txt: say so, and add Node.
	t.is(railpack.provider, 'python');
	t.regex(railpack.packages?.['node'] ?? '', /^24(\.|$)/);
	assertBuildsAndPrunes(t, railpack.steps?.['build']?.commands ?? [], 'railpack.json');
	t.is(railpack.steps?.['build']?.commands?.[0], '...', 'the Python provider\'s own build commands stay');
	t.is(railpack.deploy?.startCommand, railway.deploy.startCommand);
});

test('Nixpacks (the alternative) installs Python and Node 24 from a nixpkgs revision that has it', (t) => {
	const nixpacks = read('nixpacks.json') as Nixpacks;
	t.deepEqual(nixpacks.providers, ['python']);
	const nodePhases = Object.values(nixpacks.phases ?? {}).filter((phase) => phase.nixPkgs?.includes('nodejs_24'));
	t.is(nodePhases.length, 1, 'one phase installs nodejs_24');
	// Nixpacks' own Node provider stops at 23 and its default nixpkgs has no nodejs_24: the phase pins a revision.
	t.regex(nodePhases[0]?.nixpkgsArchive ?? '', /^[0-9a-f]{40}$/);
	const build = nixpacks.phases?.['build'];
	t.deepEqual(build?.dependsOn, ['install']);
	assertBuildsAndPrunes(t, build?.cmds ?? [], 'nixpacks.json');
	t.is(nixpacks.start?.cmd, railway.deploy.startCommand);
});

test('engines.node asks every builder and version manager for Node 24, and the lockfile says the same', (t) => {
	t.is(packageJson.engines?.node, '>=24');
	const lock = read('package-lock.json') as {packages: Record<string, {engines?: {node?: string}}>};
	t.deepEqual(lock.packages['']?.engines, packageJson.engines);
	// The machine that installs needs only Node 20 and npm (the node devDependency brings 24): devEngines
	// says so, and its presence keeps npm from warning on every install and npx that cc-dev wants 24.
	t.deepEqual(packageJson.devEngines, {runtime: {name: 'node', version: '>=20', onFail: 'warn'}});
});

test('the pre-deploy command runs the compiled bin with the Node on PATH, not through npm exec', (t) => {
	t.deepEqual(railway.deploy.preDeployCommand, ['node bin/cc-dev.js deploy']);
	t.regex(readFileSync(path.join(repoRoot, 'docs', 'railway-migration-guide.md'), 'utf8'), /"preDeployCommand": \["node bin\/cc-dev\.js deploy"\]/);
	const settings = readRailwaySettings(repoRoot);
	t.is(settings.status, 'found');
	if (settings.status === 'found') t.like(settings.settings, {builder: 'RAILPACK', builderConfig: 'railpack.json', healthcheckPath: '/health', startCommand: railway.deploy.startCommand});
});

function javascriptFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true, recursive: true})
		.filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

test('nothing the runtime loads (bin/, dist/) imports a devDependency, so a pruned image still runs', (t) => {
	const devOnly = Object.keys(packageJson.devDependencies).filter((name) => !(name in packageJson.dependencies));
	const files = [...javascriptFiles(path.join(repoRoot, 'bin')), ...javascriptFiles(path.join(repoRoot, 'dist'))];
	t.true(files.length > 50, `${files.length} files`);
	const offenders: string[] = [];
	const imported = new Set<string>();
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
			const specifier = match[1]!;
			const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
			imported.add(name);
			if (devOnly.includes(name)) offenders.push(`${path.relative(repoRoot, file)}: ${specifier}`);
		}
	}
	t.true(['pg', 'ink', 'libpg-query', 'dockerode'].every((name) => imported.has(name)), 'the scan sees the runtime\'s own imports');
	t.deepEqual(offenders, []);
});

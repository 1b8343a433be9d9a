import {chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {execa} from 'execa';
import {freshDatabase, query, repoRoot} from '../helpers/database.js';
import {freePort} from '../helpers/free-port.js';
import {tempFolder} from '../helpers/temp-folder.js';

/**
 * The image Railway builds, reproduced from a fresh clone: Railpack's install (NODE_ENV=production,
 * NPM_CONFIG_PRODUCTION=false, so devDependencies come too) under npm's strict install-script
 * policy, the TypeScript build, then the prune of devDependencies (`RAILPACK_PRUNE_DEPS`, and what
 * this repository's railpack.json and nixpacks.json do), with only the builder's Node 24 left.
 */

/** PATH without this checkout's node_modules/.bin: the clone must stand on its own. */
const systemPath = (process.env['PATH'] ?? '').split(path.delimiter).filter((entry) => !entry.includes('node_modules')).join(path.delimiter);
const npmEnv: NodeJS.ProcessEnv = {...process.env, PATH: systemPath, NODE_OPTIONS: undefined, npm_config_loglevel: 'error'};
for (const name of Object.keys(npmEnv)) if (name.startsWith('npm_') && name !== 'npm_config_loglevel' && name !== 'npm_config_cache') delete npmEnv[name];

async function registryReachable(): Promise<string | undefined> {
	const ping = await execa('npm', ['ping'], {env: npmEnv, extendEnv: false, reject: false, timeout: 30_000, all: true});
	return ping.exitCode === 0 ? undefined : (ping.all ?? '').trim().split('\n').pop() || `npm ping exited ${ping.exitCode}`;
}

/** The files a clone of this repository has: tracked ones and new ones git does not ignore, as they are now. */
async function cloneInto(directory: string): Promise<void> {
	const files = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: repoRoot});
	for (const file of files.stdout.split('\0').filter(Boolean)) {
		const source = path.join(repoRoot, file);
		if (!existsSync(source)) continue; // deleted in the working tree, not yet in the index
		mkdirSync(path.dirname(path.join(directory, file)), {recursive: true});
		copyFileSync(source, path.join(directory, file));
		chmodSync(path.join(directory, file), statSync(source).mode);
	}
}

const gitCheckout = (await execa('git', ['rev-parse', '--is-inside-work-tree'], {cwd: repoRoot, reject: false})).exitCode === 0;
const unreachable = gitCheckout ? await registryReachable() : undefined;

if (!gitCheckout) {
	test.skip('production image from a fresh clone skipped: the project is not a git checkout, so the files of a clone are unknown', () => {});
} else if (unreachable) {
	test.skip(`production image from a fresh clone skipped: the npm registry is unreachable (${unreachable})`, () => {});
} else {
	test('from a fresh clone, the pruned production image runs railway.json\'s pre-deploy command on Node 24 alone, then hands over', async (t) => {
		t.timeout(900_000, 'npm ci from the registry on a busy machine');
		const work = tempFolder(t, 'cc-dev-image-');
		chmodSync(work, 0o755); // as root, the embedded server runs as the postgres user, who must reach the clone
		const app = path.join(work, 'app');
		// The clone's processes keep their temporary files (Node's compile cache of this clone's path, new every run) in the test's folder.
		const cloneTmp = path.join(work, 'tmp');
		mkdirSync(cloneTmp);
		const cloneEnv: NodeJS.ProcessEnv = {...npmEnv, TMPDIR: cloneTmp};
		await cloneInto(app);
		const railway = JSON.parse(readFileSync(path.join(app, 'railway.json'), 'utf8')) as {deploy: {preDeployCommand: string[]}};
		const [preDeploy] = railway.deploy.preDeployCommand;

		// Build: install everything, scripts under the strict policy (an unreviewed install script fails the install).
		let phaseStarted = Date.now();
		const phase = (name: string): void => {
			t.log(`${name}: ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`);
			phaseStarted = Date.now();
		};
		const install = await execa('npm', ['ci', '--strict-allow-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
			cwd: app,
			env: {...cloneEnv, NODE_ENV: 'production', NPM_CONFIG_PRODUCTION: 'false'},
			extendEnv: false,
			reject: false,
			all: true,
		});
		phase('npm ci (with the TypeScript build)');
		t.is(install.exitCode, 0, install.all);
		if (install.exitCode !== 0) return;
		t.true(existsSync(path.join(app, 'dist', 'cli.js')), 'npm ci compiled the TypeScript (prepare)');

		// The README's path before the prune: npx cc-dev db start on the embedded server, whose binaries a postinstall restores.
		// A port claimed like every server a test starts: a fixed offset from the test port fell in the
		// range other copies of the suite claim from, and one of them held it.
		const dbEnv = {...cloneEnv, CC_DEV_PROVIDER: 'embedded', CC_DEV_DB_PORT: String(await freePort(t)), CC_DEV_EMBEDDED_FSYNC: 'off', NO_COLOR: '1', DATABASE_URL: undefined};
		const start = await execa('npx', ['cc-dev', 'db', 'start'], {cwd: app, env: dbEnv, extendEnv: false, reject: false, all: true, timeout: 180_000});
		t.teardown(async () => {
			await execa('npx', ['cc-dev', 'db', 'destroy', '--yes'], {cwd: app, env: dbEnv, extendEnv: false, reject: false, timeout: 60_000});
		});
		t.is(start.exitCode, 0, start.all);
		const status = await execa('npx', ['cc-dev', 'db', 'status'], {cwd: app, env: dbEnv, extendEnv: false, reject: false, all: true, timeout: 60_000});
		t.regex(status.all ?? '', /running/, status.all);
		await execa('npx', ['cc-dev', 'db', 'stop'], {cwd: app, env: dbEnv, extendEnv: false, reject: false, timeout: 60_000});
		phase('npx cc-dev db start, status, stop');

		// The builder provides Node 24; keep the pinned one aside, as an image's own Node.
		const runtimeBin = path.join(work, 'runtime-bin');
		mkdirSync(runtimeBin);
		const pinned = path.join(app, 'node_modules', 'node', 'bin', 'node');
		try {
			linkSync(pinned, path.join(runtimeBin, 'node'));
		} catch {
			copyFileSync(pinned, path.join(runtimeBin, 'node'));
			chmodSync(path.join(runtimeBin, 'node'), 0o755);
		}

		const prune = await execa('npm', ['prune', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {cwd: app, env: {...cloneEnv, NODE_ENV: 'production'}, extendEnv: false, reject: false, all: true});
		phase('npm prune --omit=dev');
		t.is(prune.exitCode, 0, prune.all);
		// What the lockfile marks dev-only must be gone (typescript may stay: a production dependency can ask for it as a peer).
		const lock = JSON.parse(readFileSync(path.join(app, 'package-lock.json'), 'utf8')) as {packages: Record<string, {dev?: boolean}>};
		const devOnly = Object.entries(lock.packages).filter(([key, entry]) => entry.dev === true && /^node_modules\/(@[^/]+\/)?[^/]+$/.test(key)).map(([key]) => key);
		t.true(['node_modules/node', 'node_modules/tsx', 'node_modules/ava'].every((key) => devOnly.includes(key)), 'the node pin, tsx and ava are devDependencies');
		t.deepEqual(devOnly.filter((key) => existsSync(path.join(app, key))), [], 'every dev-only package is pruned');

		// Runtime: the image's PATH (Railpack's node_modules/.bin first), Node 24 from the builder, a real PostgreSQL.
		const target = await freshDatabase(t);
		const runtimeEnv = {
			PATH: [path.join(app, 'node_modules', '.bin'), runtimeBin, systemPath].join(path.delimiter),
			HOME: work,
			TMPDIR: cloneTmp,
			NODE_ENV: 'production',
			NPM_CONFIG_PRODUCTION: 'false',
			DATABASE_URL: target.url,
			NO_COLOR: '1',
		};
		const version = await execa('node', ['--version'], {cwd: app, env: runtimeEnv, extendEnv: false});
		t.regex(version.stdout, /^v24\./);

		const deploy = await execa('sh', ['-c', preDeploy!], {cwd: app, env: runtimeEnv, extendEnv: false, reject: false, all: true, timeout: 120_000});
		t.is(deploy.exitCode, 0, `${preDeploy}\n${deploy.all}`);
		const files = readdirSync(path.join(app, 'migrations')).filter((name) => name.endsWith('.sql'));
		const applied = await query<{revision: string}>(target, 'select revision from cc_dev_migrations');
		t.is(applied.length, files.length, deploy.all);
		t.regex(deploy.stdout, /deploy done in .*: applied \d+ migrations?; database at [0-9a-f]{12}/);

		const handOver = await execa('sh', ['-c', `${preDeploy} -- node -e "console.log('started on', process.version)"`], {cwd: app, env: runtimeEnv, extendEnv: false, reject: false, all: true, timeout: 120_000});
		t.is(handOver.exitCode, 0, handOver.all);
		t.regex(handOver.stdout, /nothing pending/);
		t.regex(handOver.stdout, /^started on v24\./m);
		phase('pre-deploy command, then deploy -- node');
	});
}

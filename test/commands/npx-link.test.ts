import {mkdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {execa} from 'execa';
import {repoRoot} from '../helpers/database.js';
import {cliBin} from '../helpers/run-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

/**
 * `npx cc-dev` runs node_modules/.bin/cc-dev, which `prepare` links to the bin; package.json has
 * no "bin", which would make npx read the whole installed tree first (scripts/link-bin.js).
 */
const linkScript = path.join(repoRoot, 'scripts', 'link-bin.js');
const env = {PATH: `${path.join(repoRoot, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', DATABASE_URL: undefined};

test('package.json declares no bin, and node_modules/.bin/cc-dev is the bin', (t) => {
	const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {bin?: unknown; scripts: Record<string, string>};
	t.is(manifest.bin, undefined);
	t.regex(manifest.scripts['prepare']!, /node scripts\/link-bin\.js/);
	t.is(realpathSync(path.join(repoRoot, 'node_modules', '.bin', 'cc-dev')), cliBin);
});

test('npx cc-dev runs the bin, from a subfolder of the project too', async (t) => {
	const {version} = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string};
	const result = await execa('npx', ['--no-install', 'cc-dev', '--version'], {cwd: path.join(repoRoot, 'migrations'), env, reject: false});
	t.is(result.exitCode, 0, String(result.stderr));
	t.is(String(result.stdout).trim(), version);
});

test('the link script creates the link, and replaces a missing or wrong one', async (t) => {
	const project = tempFolder(t, 'cc-dev-link-');
	const link = path.join(project, 'node_modules', '.bin', 'cc-dev');
	await execa(process.execPath, [linkScript, project]);
	t.is(readlinkSync(link), path.join('..', '..', 'bin', 'cc-dev.js'));
	const other = tempFolder(t, 'cc-dev-link-');
	mkdirSync(path.join(other, 'node_modules', '.bin'), {recursive: true});
	symlinkSync('../somewhere-else.js', path.join(other, 'node_modules', '.bin', 'cc-dev'));
	await execa(process.execPath, [linkScript, other]);
	t.is(readlinkSync(path.join(other, 'node_modules', '.bin', 'cc-dev')), path.join('..', '..', 'bin', 'cc-dev.js'));
});

/**
 * Every measured run is a whole process, timed from spawn to exit, with its peak memory (max RSS,
 * from /usr/bin/time when the machine has it). cc-dev is started the ways users start it.
 */
import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import type {ConnectionTarget} from '../source/core/database/target.js';
import {repoRoot, tempDir} from './bench-server.js';

export type Run = {readonly ms: number; readonly rssMb: number | undefined};

/**
 * How cc-dev is started: its bin through the shebang (as npx runs it), `node bin/cc-dev.js` (the
 * Railway pre-deploy command), or `npx cc-dev`.
 */
export type StartWay = 'bin' | 'node' | 'npx';

const bin = path.join(repoRoot, 'bin', 'cc-dev.js');
const psqlBinary = ['/usr/lib/postgresql/15/bin/psql', '/usr/bin/psql'].find((file) => existsSync(file)) ?? 'psql';
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let rssFolder: string | undefined;
/** Where /usr/bin/time writes the peak memory: a folder made again when a part's folders were removed. */
function rssFileOf(): string {
	if (!rssFolder || !existsSync(rssFolder)) rssFolder = tempDir('cc-dev-bench-rss-');
	return path.join(rssFolder, 'rss');
}

/** The project's pinned Node first in PATH, as npm scripts and npx have it. */
export const benchEnv: NodeJS.ProcessEnv = (() => {
	const env: NodeJS.ProcessEnv = {...process.env, PATH: `${path.dirname(process.execPath)}:${path.join(repoRoot, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1'};
	for (const name of ['DATABASE_URL', 'CC_DEV_PROJECT', 'CC_DEV_MIGRATIONS_DIR', 'NODE_OPTIONS']) delete env[name];
	return env;
})();

/** Runs a process to its end; a non-zero exit (beyond `allowedExit`) fails the benchmark with its stderr. */
export async function measure(file: string, args: readonly string[], options: {env?: NodeJS.ProcessEnv; allowedExit?: number} = {}): Promise<Run> {
	const rssFile = rssFileOf();
	rmSync(rssFile, {force: true});
	const [command, commandArgs] = timeBinary ? [timeBinary, ['-f', '%M', '-o', rssFile, file, ...args]] : [file, [...args]];
	const started = performance.now();
	const result = await execa(command, commandArgs, {cwd: repoRoot, env: options.env ?? benchEnv, extendEnv: false, reject: false});
	const ms = performance.now() - started;
	if (result.exitCode !== 0 && result.exitCode !== options.allowedExit) {
		throw new Error(`${path.basename(file)} ${args.join(' ')} exited ${result.exitCode}: ${String(result.stderr).slice(-600)}`);
	}
	const kilobytes = timeBinary && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
	return {ms, rssMb: Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined};
}

/** One cc-dev command as a whole process, started one of the ways users start it. */
export function cc(args: readonly string[], options: {target?: ConnectionTarget; migrations?: string; way?: StartWay; allowedExit?: number} = {}): Promise<Run> {
	const env = {...benchEnv, ...(options.target ? {DATABASE_URL: options.target.url} : {})};
	const all = [...args, ...(options.migrations ? ['--migrations', options.migrations] : [])];
	const way = options.way ?? 'bin';
	if (way === 'npx') return measure('npx', ['cc-dev', ...all], {env, allowedExit: options.allowedExit});
	if (way === 'node') return measure(process.execPath, [bin, ...all], {env, allowedExit: options.allowedExit});
	return measure(bin, all, {env, allowedExit: options.allowedExit});
}

/**
 * psql runs a script, stopping at the first error: in one transaction (the baseline of every
 * apply), or as written (a script that commits each migration on its own, as cc-dev does).
 */
export function psqlFile(target: ConnectionTarget, file: string, {oneTransaction = true} = {}): Promise<Run> {
	return measure(psqlBinary, ['-X', '-q', ...(oneTransaction ? ['-1'] : []), '-v', 'ON_ERROR_STOP=1', '-f', file, target.url]);
}

export function psqlCommand(target: ConnectionTarget, sql: string): Promise<Run> {
	return measure(psqlBinary, ['-X', '-q', '-c', sql, target.url]);
}

export function nodeAlone(): Promise<Run> {
	return measure(process.execPath, ['-e', '0']);
}

/** The floor of any Node tool on `pg` for `migrate status`: load pg, connect, read the version table (bench/floors/). */
export function pgAlone(target: ConnectionTarget): Promise<Run> {
	return measure(process.execPath, [path.join(repoRoot, 'bench', 'floors', 'pg-alone.mjs')], {env: {...benchEnv, DATABASE_URL: target.url}});
}

/** The floor of any Node tool on libpg-query for one file's lint: load the parser, parse the file (bench/floors/). */
export function parserAlone(file: string): Promise<Run> {
	return measure(process.execPath, [path.join(repoRoot, 'bench', 'floors', 'parser-alone.mjs'), file]);
}

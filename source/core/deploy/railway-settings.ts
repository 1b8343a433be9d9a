import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';

/** What Railway reads from railway.json for a deploy, as far as a dry run can check it. */
export type RailwaySettings = {
	readonly file: string;
	readonly builder: string | undefined;
	/** The builder's own configuration file beside railway.json, when there is one. */
	readonly builderConfig: string | undefined;
	readonly preDeployCommand: readonly string[] | undefined;
	readonly startCommand: string | undefined;
	readonly healthcheckPath: string | undefined;
	readonly healthcheckTimeout: number | undefined;
};

export type RailwaySettingsResult =
	| {readonly status: 'found'; readonly settings: RailwaySettings}
	| {readonly status: 'missing'; readonly file: string}
	| {readonly status: 'invalid'; readonly file: string; readonly problem: string};

const builderConfigFiles: Readonly<Record<string, string>> = {RAILPACK: 'railpack.json', NIXPACKS: 'nixpacks.json'};

function section(value: unknown, name: string): Record<string, unknown> {
	if (value === undefined) return {};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`"${name}" is not an object`);
	return value as Record<string, unknown>;
}

function optional<T>(value: unknown, name: string, check: (value: unknown) => value is T, expected: string): T | undefined {
	if (value === undefined) return undefined;
	if (!check(value)) throw new Error(`"${name}" is not ${expected}`);
	return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isCommandList = (value: unknown): value is string | string[] => typeof value === 'string' || (Array.isArray(value) && value.every(isString));

/** Reads railway.json in the project folder; never throws for a missing or malformed file. */
export function readRailwaySettings(projectRoot: string): RailwaySettingsResult {
	const file = path.join(projectRoot, 'railway.json');
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return {status: 'missing', file};
	}
	try {
		const root = section(JSON.parse(text), 'railway.json');
		const build = section(root['build'], 'build');
		const deploy = section(root['deploy'], 'deploy');
		const builder = optional(build['builder'], 'build.builder', isString, 'a string');
		const config = builder === undefined ? undefined : builderConfigFiles[builder];
		const preDeploy = optional(deploy['preDeployCommand'], 'deploy.preDeployCommand', isCommandList, 'a command or a list of commands');
		return {
			status: 'found',
			settings: {
				file,
				builder,
				builderConfig: config !== undefined && existsSync(path.join(projectRoot, config)) ? config : undefined,
				preDeployCommand: preDeploy === undefined ? undefined : [preDeploy].flat(),
				startCommand: optional(deploy['startCommand'], 'deploy.startCommand', isString, 'a string'),
				healthcheckPath: optional(deploy['healthcheckPath'], 'deploy.healthcheckPath', isString, 'a string'),
				healthcheckTimeout: optional(deploy['healthcheckTimeout'], 'deploy.healthcheckTimeout', isNumber, 'a number'),
			},
		};
	} catch (error) {
		return {status: 'invalid', file, problem: (error as Error).message};
	}
}

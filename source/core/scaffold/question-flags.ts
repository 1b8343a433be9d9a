import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {bundledTemplatesDir} from './templates-dir.js';

/** The project folders cc-dev would use from `cwd`: CC_DEV_PROJECT, else the nearest with migrations/ or docker-compose.yml. */
function projectTemplateDirs(cwd: string, env: NodeJS.ProcessEnv): string[] {
	if (env['CC_DEV_PROJECT']) return [path.join(path.resolve(cwd, env['CC_DEV_PROJECT']), 'templates')];
	for (let dir = cwd; ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'migrations')) || existsSync(path.join(dir, 'docker-compose.yml'))) return [path.join(dir, 'templates')];
		if (path.dirname(dir) === dir) return [];
	}
}

/**
 * The question names of every template, read cheaply (no YAML parser) for the argv parser of
 * `cc-dev migrate new`, which takes one --<question> flag per question. The templates themselves
 * are validated when one is used.
 */
export function templateQuestionNames(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string[] {
	const names = new Set<string>();
	for (const directory of [...projectTemplateDirs(cwd, env), bundledTemplatesDir]) {
		let files: string[];
		try {
			files = readdirSync(directory).filter((file) => file.endsWith('.sql'));
		} catch {
			continue;
		}
		for (const file of files) {
			const text = readFileSync(path.join(directory, file), 'utf8');
			for (const match of text.matchAll(/^--\s+-\s+name:\s*["']?([a-z][a-z0-9_-]*)["']?\s*$/gm)) names.add(match[1]!);
		}
	}
	return [...names].sort();
}

import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {readRailwaySettings} from '../../../source/core/deploy/railway-settings.js';
import {deployLogEntry} from '../../../source/report/deploy-log.js';
import {tempFolder} from '../../helpers/temp-folder.js';

function project(t: ExecutionContext, files: Record<string, string>): string {
	const directory = tempFolder(t, 'cc-dev-railway-');
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
	return directory;
}

const lines = (directory: string): string[] => deployLogEntry({type: 'railway-settings', result: readRailwaySettings(directory)})!.lines as string[];

test('the dry run shows the builder, pre-deploy command, start command and health check of railway.json', (t) => {
	const directory = project(t, {
		'railway.json': JSON.stringify({build: {builder: 'NIXPACKS'}, deploy: {preDeployCommand: 'node bin/cc-dev.js deploy', startCommand: 'gunicorn app:app', healthcheckPath: '/healthz'}}),
		'nixpacks.json': '{}',
	});
	t.deepEqual(lines(directory), [
		'railway.json: builder NIXPACKS (configured by nixpacks.json)',
		'railway.json: pre-deploy command: node bin/cc-dev.js deploy',
		'railway.json: start command: gunicorn app:app',
		'railway.json: health check: GET /healthz must answer 200',
	]);
});

test('a railway.json that would not migrate or has no health check draws a warning', (t) => {
	const directory = project(t, {'railway.json': JSON.stringify({deploy: {preDeployCommand: ['echo hi'], startCommand: 'gunicorn app:app'}})});
	const entry = deployLogEntry({type: 'railway-settings', result: readRailwaySettings(directory)})!;
	t.is(entry.level, 'warn');
	t.true(entry.lines.includes('railway.json: builder not set (the service setting decides)'));
	t.true(entry.lines.includes('railway.json: warning: no pre-deploy command runs cc-dev deploy, so Railway will not apply the migrations'));
	t.true(entry.lines.includes('railway.json: warning: no healthcheckPath, so Railway sends traffic as soon as the process starts'));
});

test('a missing or malformed railway.json is reported, never thrown', (t) => {
	t.regex(lines(project(t, {}))[0]!, /^railway\.json: not found \(.*railway\.json\); Railway uses the service's own settings$/);
	t.deepEqual(lines(project(t, {'railway.json': '{"deploy": {"healthcheckPath": 5}}'})), ['railway.json: cannot be read: "deploy.healthcheckPath" is not a string']);
	t.regex(lines(project(t, {'railway.json': '{not json'}))[0]!, /^railway\.json: cannot be read: .*JSON/);
});

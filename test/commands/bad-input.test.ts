import test from 'ava';
import {chain, migrationsDir} from '../helpers/migrations-dir.js';
import {runCli, stackLine} from '../helpers/run-cli.js';

/**
 * Bad flags and arguments: exit 2, a message naming the flag or argument (and a hint when there is
 * a fix to show), no stack trace, before anything connects. DATABASE_URL points at a closed port, so
 * a command that tried to connect first would exit 3 instead.
 */
const env = {DATABASE_URL: 'postgresql://someone:pw-never-shown@127.0.0.1:9/nowhere'};

type Case = {readonly args: readonly string[]; readonly message: RegExp; readonly migrations?: 'two'};

const unknownOption = (...path: string[]): Case => ({args: [...path, '--bogus'], message: new RegExp(`^error Unknown option '--bogus'\\nhint  See cc-dev ${path.join(' ')} --help\\.$`, 'm')});

const cases: Case[] = [
	...['start', 'stop', 'status', 'url', 'destroy', 'logs', 'psql'].map((name) => unknownOption('db', name)),
	{args: ['db', 'start', '--provider', 'nope'], message: /^error Unknown provider "nope"\.\nhint  Use --provider docker, embedded or url\.$/m},
	{args: ['db', 'status', '--provider'], message: /^error Option '--provider <value>' argument missing\nhint  See cc-dev db status --help\.$/m},
	{args: ['db', 'start', '--port', 'x'], message: /^error --port takes a port number \(got "x"\)\.$/m},
	{args: ['db', 'status', '--port', '99999'], message: /^error The port must be a number between 1 and 65535 \(got "99999"\)\.$/m},
	{args: ['db', 'logs', '--tail', 'x'], message: /^error --tail takes a whole number \(got "x"\)\.$/m},
	{args: ['db', 'logs', '--tail=-3'], message: /^error --tail takes a whole number \(got "-3"\)\.$/m},
	{args: ['db', 'url', 'extra'], message: /^error Unexpected argument "extra" for cc-dev db url\.\nhint  See cc-dev db url --help\.$/m},
	{args: ['migrate', 'show'], message: /^error cc-dev migrate show needs a revision\.\nhint  For example: cc-dev migrate show head$/m},
	{args: ['migrate', 'show', 'zzzz'], message: /^error Unknown revision "zzzz"\.\nhint  See `cc-dev migrate history` for the revisions in migrations\/ \(or use head \/ base\)\.$/m},
	{args: ['migrate', 'show', '0000'], migrations: 'two', message: /^error The revision prefix "0000" is ambiguous: 000000000001, 000000000002\.\nhint  Type more characters of the revision id\.$/m},
	{args: ['migrate', 'show', 'head', 'base'], message: /^error Unexpected argument "base" for cc-dev migrate show\.$/m},
	unknownOption('migrate', 'unlock'),
	{args: ['migrate', 'unlock', 'extra'], message: /^error Unexpected argument "extra" for cc-dev migrate unlock\.$/m},
	{args: ['migrate', 'unlock', '--wait', 'x'], message: /^error --wait takes a number of seconds \(got "x"\)\.$/m},
	{args: ['migrate', 'unlock', '--url', 'nope'], message: /^error --url is not a valid connection URL\.\nhint  Use postgresql:\/\/USER:\*\*\*@HOST:PORT\/DATABASE/m},
	{args: ['deploy', '--lock-retries', 'x'], message: /^\S+Z deploy failed: --lock-retries takes a whole number \(got "x"\)\.$/m},
	{args: ['deploy', '--lock-retries=-1'], message: /^\S+Z deploy failed: --lock-retries takes a whole number \(got "-1"\)\.$/m},
	{args: ['migrate', 'preview', '--steps', 'x'], message: /^error --steps takes a whole number \(got "x"\)\.$/m},
	{args: ['migrate', 'preview', '--steps', '2'], message: /^error --steps applies to a revert preview only: it counts the migrations to revert\.\nhint  For example: cc-dev migrate preview --down --steps 2$/m},
	{args: ['migrate', 'preview', '--down', '--steps', '0'], message: /^error --steps must be a positive whole number \(got 0\)\.$/m},
	{args: ['migrate', 'down', '--steps', '0'], message: /^error --steps must be a positive whole number \(got 0\)\.$/m},
	{args: ['migrate', 'down', '--steps', 'x'], message: /^error --steps takes a whole number \(got "x"\)\.$/m},
	{args: ['migrate', 'preview', '--down', '--steps=-1'], message: /^error --steps takes a whole number \(got "-1"\)\.$/m},
];

for (const {args, message, migrations} of cases) {
	test(`cc-dev ${args.join(' ')}: exit 2, names the problem, no stack trace`, async (t) => {
		const extra = migrations === 'two' ? ['--migrations', migrationsDir(t, chain(2))] : [];
		const result = await runCli([...args, ...extra], {env});
		t.is(result.exitCode, 2, `${result.stdout}${result.stderr}`);
		t.regex(result.stderr, message);
		t.notRegex(result.stderr, stackLine);
		t.is(result.stdout, '');
		t.false(`${result.stdout}${result.stderr}`.includes('pw-never-shown'));
	});
}

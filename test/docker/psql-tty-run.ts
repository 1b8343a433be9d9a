// Run by psql-tty.test.ts inside tmux: `cc-dev db psql` on a real terminal, then prints its exit code.
import {openPsql} from '../../source/core/providers/psql.js';
import {loadConfig} from '../../source/core/config/load-config.js';

const code = await openPsql(loadConfig({cwd: process.argv[2] ?? process.cwd()}), {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr});
process.stdout.write(`\npsql exit code ${code}\n`);

import { runCli } from './program.js';

// `serve` keeps the process alive through its server; every other command ends when its work is done.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { BackupError } from '../core/db/backup.js';
import { DataDirLockedError } from '../core/db/data-dir-lock.js';
import { addBackupCommands } from './backup.command.js';
import { CliError, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, type CliIo } from './cli-context.js';
import { addMigrateCommands } from './migrate.command.js';
import { addServeCommand } from './serve.command.js';

function packageVersion(): string {
  try {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('atelier')
    .description(
      'Atelier, the self-hosted AI workspace. Every command works on the database the environment names: the ' +
        'PostgreSQL server of DATABASE_URL, or else embedded PGlite in DATA_DIR (default ./data).',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nExit status: 0 success, 1 failure, 2 usage error, 130 interrupted.');
  addServeCommand(program, io);
  addMigrateCommands(program, io);
  addBackupCommands(program, io);
  return program;
}

/** Runs one command line (without the node and script arguments) and answers the process exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has printed the message or the help already.
    if (error.exitCode === 0) return 0;
    return EXIT_USAGE;
  }
  if (error instanceof BackupError) {
    io.stderr.write(`${error.message}\n`);
    return error.code === 'INTERRUPTED' ? EXIT_INTERRUPTED : EXIT_FAILURE;
  }
  if (error instanceof CliError) {
    io.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    io.stderr.write(`${error.message}\n`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`atelier: ${message}\n`);
  if (error instanceof Error && error.stack && ['debug', 'trace'].includes(io.env.LOG_LEVEL ?? '')) {
    io.stderr.write(`${error.stack}\n`);
  }
  return EXIT_FAILURE;
}

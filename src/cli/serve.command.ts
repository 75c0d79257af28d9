import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import type { CliIo } from './cli-context.js';

export function addServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('start the server (API and web app), applying pending migrations first; the same as `npm start`')
    .addHelpText('after', '\nConfigured by the environment (PORT, HOST, DATA_DIR, DATABASE_URL, …; see the README).')
    .action(async () => {
      // Loaded here so the other commands (and --help) start without the HTTP stack.
      const { startServer, stopOnSignals } = await import('../server.js');
      const server = await startServer(loadConfig(io.env));
      stopOnSignals(server);
    });
}

import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { startServer, stopOnSignals } from '../server.js';
import type { CliIo } from './cli-context.js';

export function addServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('start the server (API and web app), applying pending migrations first; the same as `npm start`')
    .addHelpText('after', '\nConfigured by the environment (PORT, HOST, DATA_DIR, DATABASE_URL, …; see the README).')
    .action(async () => {
      const server = await startServer(loadConfig(io.env));
      stopOnSignals(server);
    });
}

import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './core/db/data-dir-lock.js';
import { startServer, stopOnSignals } from './server.js';

try {
  const server = await startServer(loadConfig());
  stopOnSignals(server);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Atelier could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
}

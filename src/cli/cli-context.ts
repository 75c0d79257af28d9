import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../core/db/database.js';

/** What a command may touch of the outside world; tests pass their own streams and environment. */
export type CliIo = {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
};

/** A failure explained to the person at the terminal; `exitCode` 1 unless said otherwise. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/** "PGlite in /srv/atelier/data" or "PostgreSQL at db.example.com:5432/atelier" (never the password). */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite in ${config.dataDir}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** Whether the configured PGlite data directory holds a database yet (always true for a PostgreSQL server). */
export function databaseExists(config: Config): boolean {
  return !!config.databaseUrl || fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));
}

export function missingDatabaseMessage(config: Config): string {
  return (
    `There is no Atelier database in ${config.dataDir} yet. Start the server (\`atelier serve\`) or run ` +
    '`atelier migrate up` to create it, or point DATA_DIR (or DATABASE_URL) at the database you mean.'
  );
}

/** Opens the configured database for one command and always closes it (PGlite loses its last writes otherwise). */
export async function withConfiguredDatabase<T>(
  io: CliIo,
  options: { mustExist: boolean },
  work: (db: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  if (options.mustExist && !databaseExists(config)) throw new CliError(missingDatabaseMessage(config));
  // The same choice as openConfiguredDatabase in server.ts, without loading the HTTP stack for a one-off command.
  const db = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: 1 })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

/**
 * The first SIGINT/SIGTERM asks the running command to stop at its next safe point (a restore rolls back); a second
 * one exits at once.
 */
export function abortOnSignals(io: CliIo): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    io.stderr.write('\nInterrupted: stopping (press Ctrl-C again to quit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Left-aligned columns separated by two spaces; the header row first. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n')
    .concat('\n');
}

/** 2026-01-31 12:34:56 UTC */
export function formatTimestamp(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

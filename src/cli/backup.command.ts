import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { writeBackup, restoreBackup, type BackupHeader, type TableProgress } from '../core/db/backup.js';
import { migrateUp } from '../core/db/migrator.js';
import {
  abortOnSignals,
  CliError,
  describeDatabase,
  formatBytes,
  formatCount,
  formatDuration,
  formatTimestamp,
  withConfiguredDatabase,
  type CliIo,
} from './cli-context.js';

const PROGRESS_EVERY_ROWS = 100_000;

/** One line per table on stderr, plus a line every 100,000 rows of a large one. */
function progressPrinter(io: CliIo): (progress: TableProgress) => void {
  let width = 24;
  let lastReported = 0;
  return ({ table, rows, done }) => {
    width = Math.max(width, table.length);
    if (done) {
      io.stderr.write(`  ${table.padEnd(width)}  ${formatCount(rows).padStart(11)} rows\n`);
      lastReported = 0;
    } else if (rows - lastReported >= PROGRESS_EVERY_ROWS) {
      io.stderr.write(`  ${table.padEnd(width)}  ${formatCount(rows).padStart(11)} rows…\n`);
      lastReported = rows;
    }
  };
}

function migrationLabel(m: { version: number; name: string }): string {
  return `${String(m.version).padStart(4, '0')}_${m.name}`;
}

function describeBackup(header: BackupHeader): string {
  const latest = header.migrations.at(-1);
  const source = header.source.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  return (
    `made ${formatTimestamp(header.createdAt)} from ${source} by Atelier ${header.atelierVersion}, ` +
    `${header.tables.length} tables, migrations up to ${latest ? migrationLabel(latest) : 'none'}`
  );
}

export function addBackupCommands(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('write a logical backup of every table (gzipped JSON lines), restorable into PGlite or PostgreSQL')
    .argument('<file>', 'where to write it ("-" for standard output)')
    .addHelpText(
      'after',
      '\nThe backup reads one consistent snapshot; on PostgreSQL the server may keep running. With PGlite, stop the\n' +
        'server first: only one process may open a data directory.',
    )
    .action(async (file: string) => {
      const toStdout = file === '-';
      if (toStdout && (io.stdout as { isTTY?: boolean }).isTTY) {
        throw new CliError('Refusing to write a compressed backup to the terminal: redirect it, or name a file.');
      }
      const target = toStdout ? 'standard output' : path.resolve(file);
      const interrupt = abortOnSignals(io);
      try {
        await withConfiguredDatabase(io, { mustExist: true }, async (db, config) => {
          io.stderr.write(`Backing up ${describeDatabase(config)} to ${target}\n`);
          const summary = await writeBackup(db, toStdout ? io.stdout : file, {
            onProgress: progressPrinter(io),
            signal: interrupt.signal,
          });
          io.stderr.write(
            `Backup complete: ${summary.tables.length} tables, ${formatCount(summary.rows)} rows, ` +
              `${formatBytes(summary.bytes)} in ${formatDuration(summary.durationMs)}${toStdout ? '' : ` → ${target}`}\n`,
          );
        });
      } finally {
        interrupt.dispose();
      }
    });

  program
    .command('restore')
    .description('restore a backup made by `atelier backup` (from PGlite or PostgreSQL, into either)')
    .argument('<file>', 'the backup file ("-" for standard input)')
    .option('--force', 'replace the data of a target that is not empty (everything in it is deleted first)')
    .addHelpText(
      'after',
      '\nThe target is first migrated up to the backup\'s migration level (a new database or data directory gets its\n' +
        'schema), must then have exactly the backup\'s migrations, and is loaded in one transaction: if anything\n' +
        'fails, it is left as it was. Newer migrations of this Atelier are applied afterwards. Stop the server first.\n' +
        'Needs a superuser (or the right to SET session_replication_role and to bypass row level security).',
    )
    .action(async (file: string, options: { force?: boolean }) => {
      const fromStdin = file === '-';
      if (!fromStdin && !fs.existsSync(file)) throw new CliError(`${file} does not exist.`);
      const interrupt = abortOnSignals(io);
      try {
        await withConfiguredDatabase(io, { mustExist: false }, async (db, config) => {
          const summary = await restoreBackup(db, fromStdin ? io.stdin : file, {
            force: options.force,
            signal: interrupt.signal,
            onProgress: progressPrinter(io),
            onHeader: (header) =>
              io.stderr.write(
                `Restoring ${fromStdin ? 'standard input' : path.resolve(file)} (${describeBackup(header)})\n` +
                  `into ${describeDatabase(config)}\n`,
              ),
            onMigrated: (m) => io.stderr.write(`  applied migration ${migrationLabel(m)} to reach the backup's level\n`),
            onEmptied: (tables) =>
              io.stderr.write(`  --force: replacing the data in ${tables.join(', ')}\n`),
          });
          io.stderr.write(
            `Restore complete: ${summary.tables.length} tables, ${formatCount(summary.rows)} rows in ` +
              `${formatDuration(summary.durationMs)}.\n`,
          );
          const newer = await migrateUp(db);
          for (const m of newer) io.stderr.write(`Applied newer migration ${migrationLabel(m)}\n`);
        });
      } finally {
        interrupt.dispose();
      }
    });
}

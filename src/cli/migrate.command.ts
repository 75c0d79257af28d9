import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.js';
import { loadMigrations, migrateDown, migrateUp, migrationHistory, migrationStatus } from '../core/db/migrator.js';
import {
  CliError,
  databaseExists,
  describeDatabase,
  formatDuration,
  formatTable,
  formatTimestamp,
  missingDatabaseMessage,
  withConfiguredDatabase,
  type CliIo,
} from './cli-context.js';

function label(m: { version: number; name: string }): string {
  return `${String(m.version).padStart(4, '0')}_${m.name}`;
}

function parseSteps(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError('n must be a whole number of migrations, 1 or more.');
  }
  return Number(value);
}

export function addMigrateCommands(program: Command, io: CliIo): void {
  const migrate = program.command('migrate').description(
    'apply, revert and inspect the SQL migrations in migrations/ (each step in its own transaction)',
  );

  migrate
    .command('up')
    .description('apply every pending migration')
    .action(async () => {
      await withConfiguredDatabase(io, { mustExist: false }, async (db, config) => {
        const applied = await migrateUp(db);
        for (const m of applied) io.stdout.write(`Applied ${label(m)}\n`);
        const latest = loadMigrations().at(-1);
        io.stdout.write(
          applied.length
            ? `${describeDatabase(config)} is up to date (${applied.length} applied).\n`
            : `Nothing to apply: ${describeDatabase(config)} is up to date${latest ? ` at ${label(latest)}` : ''}.\n`,
        );
      });
    });

  migrate
    .command('down')
    .description('revert the newest applied migrations (their down.sql drops what they created, data included)')
    .argument('[n]', 'how many migrations to revert', parseSteps, 1)
    .action(async (steps: number) => {
      await withConfiguredDatabase(io, { mustExist: true }, async (db, config) => {
        const reverted = await migrateDown(db, steps);
        for (const m of reverted) io.stdout.write(`Reverted ${label(m)}\n`);
        if (!reverted.length) io.stdout.write(`Nothing to revert: ${describeDatabase(config)} has no migrations applied.\n`);
        else if (reverted.length < steps) io.stdout.write(`Only ${reverted.length} were applied; all are reverted now.\n`);
      });
    });

  migrate
    .command('status')
    .description('list every migration: applied (when) or pending, and whether its file still matches')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig(io.env);
      const files = loadMigrations();
      const statuses = databaseExists(config)
        ? await withConfiguredDatabase(io, { mustExist: true }, (db) => migrationStatus(db, files))
        : files.map((m) => ({ version: m.version, name: m.name, appliedAt: null, checksumMatches: null }));
      if (options.json) {
        io.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
        return;
      }
      if (!databaseExists(config)) io.stderr.write(`${missingDatabaseMessage(config)}\n\n`);
      const rows = statuses.map((s) => [
        String(s.version).padStart(4, '0'),
        s.name,
        s.appliedAt ? formatTimestamp(s.appliedAt) : 'pending',
        s.checksumMatches === null
          ? '-'
          : s.checksumMatches
            ? 'ok'
            : files.some((f) => f.version === s.version)
              ? 'CHANGED since applied'
              : 'no file in migrations/',
      ]);
      io.stdout.write(formatTable([['version', 'name', 'applied at', 'checksum'], ...rows]));
      const pending = statuses.filter((s) => !s.appliedAt).length;
      io.stdout.write(`\n${describeDatabase(config)}: ${statuses.length - pending} applied, ${pending} pending.\n`);
    });

  migrate
    .command('history')
    .description('every migration step ever run on this database, up and down, oldest first')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig(io.env);
      if (!databaseExists(config)) throw new CliError(missingDatabaseMessage(config));
      const events = await withConfiguredDatabase(io, { mustExist: true }, (db) => migrationHistory(db));
      if (options.json) {
        io.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
        return;
      }
      if (!events.length) {
        io.stdout.write(`No migration has run on ${describeDatabase(config)} yet.\n`);
        return;
      }
      const rows = events.map((e) => [
        formatTimestamp(e.at),
        e.direction,
        String(e.version).padStart(4, '0'),
        e.name,
        formatDuration(e.durationMs),
      ]);
      io.stdout.write(formatTable([['at', 'direction', 'version', 'name', 'took'], ...rows]));
    });
}

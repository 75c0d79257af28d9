import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/db/database.js';
import { loadMigrations } from '../src/core/db/migrator.js';
import { withDatabase } from './support/global-setup.js';
import { TEST_TMP } from './support/paths.js';

/**
 * The real `atelier` binary (bin/atelier.js → dist/cli/main.js), run as a child process the way `npx atelier` runs
 * it. Needs the compiled server: `npm run build:server` (`npm test` builds first).
 */

const BIN = path.resolve('bin/atelier.js');
const migrationCount = loadMigrations().length;
const lastMigration = ((m) => `${String(m.version).padStart(4, '0')}_${m.name}`)(loadMigrations().at(-1)!);
const COMPILED = path.resolve('dist/cli/main.js');
const serverUrl = process.env.TEST_DATABASE_URL;
const workDir = path.join(TEST_TMP, `cli-binary-${process.pid}`);
const dataDir = path.join(workDir, 'data');
const restoredDir = path.join(workDir, 'restored');
const backupFile = path.join(workDir, 'backup.atelier.gz');

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; raw: Buffer };

function baseEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...extra };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  return env;
}

function atelier(args: string[], extra: NodeJS.ProcessEnv = {}, input?: Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: baseEnv(extra), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const raw = Buffer.concat(out);
      resolve({ code, signal, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw });
    });
    child.stdin.end(input);
  });
}

/** Rows the migrations themselves write (the board's 45 built-in personas), in every backup beside the test's own. */
const SEEDED_ROWS = 45;

/**
 * "Backup complete: N tables, R rows" where N is the number of tables the command listed, one line each, and R the
 * test's `rows` plus what the migrations seeded.
 */
function completeLine(verb: 'Backup' | 'Restore', listing: string, rows: number): RegExp {
  rows += SEEDED_ROWS;
  const tables = listing.split('\n').filter((line) => /^\s+\w+\.\w+\s+\d+ rows$/.test(line)).length;
  expect(tables).toBeGreaterThan(0);
  return new RegExp(`${verb} complete: ${tables} tables, ${rows} rows`);
}

const pglite = (dir = dataDir): NodeJS.ProcessEnv => ({ DATA_DIR: dir });

async function countRows(dir: string): Promise<Record<string, number>> {
  const db = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    return await db.withAdmin(async (c) => {
      const [row] = await c.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM app.users) AS users, (SELECT count(*)::int FROM app.organizations) AS organizations,
                (SELECT count(*)::int FROM app.projects) AS projects, (SELECT count(*)::int FROM app.audit_log) AS audit`,
      );
      return row ?? {};
    });
  } finally {
    await db.close();
  }
}

beforeAll(() => {
  if (!fs.existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run \`npm run build:server\` first.`);
  fs.mkdirSync(workDir, { recursive: true });
});
afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

// Child processes each open PGlite (about a second), and a new data directory runs initdb (several seconds).
const SLOW = { timeout: 240_000 };

describe('atelier (the compiled binary)', SLOW, () => {
  it('answers --help for every command', async () => {
    for (const command of [[], ['serve'], ['migrate'], ['migrate', 'up'], ['migrate', 'down'], ['migrate', 'status'],
      ['migrate', 'history'], ['backup'], ['restore']]) {
      const run = await atelier([...command, '--help']);
      expect(run.code, `atelier ${command.join(' ')} --help`).toBe(0);
      expect(run.stdout).toContain(`Usage: atelier${command.length ? ` ${command.join(' ')}` : ''}`);
    }
    const restore = await atelier(['restore', '--help']);
    expect(restore.stdout).toContain('--force');
  });

  it('exits 2 on usage errors, with the reason', async () => {
    const unknown = await atelier(['frobnicate'], pglite());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const badCount = await atelier(['migrate', 'down', 'zero'], pglite());
    expect(badCount.code).toBe(2);
    expect(badCount.stderr).toMatch(/n must be a whole number/);
    const noFile = await atelier(['backup'], pglite());
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/missing required argument 'file'/);
  });

  it('explains a missing database instead of creating one for a backup', async () => {
    const run = await atelier(['backup', backupFile], pglite(path.join(workDir, 'nothing-here')));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/There is no Atelier database in .*nothing-here yet/);
    expect(fs.existsSync(path.join(workDir, 'nothing-here'))).toBe(false);
  });

  it('migrates a new data directory up, down and up again, and keeps the history', async () => {
    const before = await atelier(['migrate', 'status'], pglite());
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/0001\s+platform\s+pending/);

    const up = await atelier(['migrate', 'up'], pglite());
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain('Applied 0001_platform');
    expect(up.stdout).toContain(`Applied ${lastMigration}`);
    const status = await atelier(['migrate', 'status'], pglite());
    expect(status.stdout).toMatch(/version\s+name\s+applied at\s+checksum/);
    expect(status.stdout).toMatch(/0001\s+platform\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+ok/);

    const down = await atelier(['migrate', 'down'], pglite());
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain(`Reverted ${lastMigration}`);
    expect(down.stdout).not.toContain('0001_platform');
    const all = await atelier(['migrate', 'down', String(migrationCount - 1)], pglite());
    expect(all.stdout).toContain('Reverted 0001_platform');
    expect((await atelier(['migrate', 'status'], pglite())).stdout).toMatch(/0001\s+platform\s+pending/);

    expect((await atelier(['migrate', 'up'], pglite())).code).toBe(0);
    const again = await atelier(['migrate', 'up'], pglite());
    expect(again.stdout).toMatch(/Nothing to apply/);

    const history = await atelier(['migrate', 'history', '--json'], pglite());
    expect(history.code).toBe(0);
    const events = JSON.parse(history.stdout) as Array<{ version: number; direction: string }>;
    const versions = Array.from({ length: migrationCount }, (_, i) => i + 1);
    expect(events.map((e) => `${e.direction} ${e.version}`)).toEqual([
      ...versions.map((v) => `up ${v}`),
      ...[...versions].reverse().map((v) => `down ${v}`),
      ...versions.map((v) => `up ${v}`),
    ]);
    const table = await atelier(['migrate', 'history'], pglite());
    expect(table.stdout).toMatch(/at\s+direction\s+version\s+name\s+took/);
  });

  it('refuses a data directory another Atelier process holds', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir }); // this test process takes the lock
    try {
      const run = await atelier(['backup', backupFile], pglite());
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`is in use by another Atelier process (pid ${process.pid})`);
      expect(fs.existsSync(backupFile)).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('backs up and restores a PGlite data directory', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await db.withAdmin(async (c) => {
        const user = crypto.randomUUID();
        const org = crypto.randomUUID();
        await c.query(`INSERT INTO app.users (id, name, email) VALUES ($1, 'Ada', 'ada@example.test')`, [user]);
        await c.query(`INSERT INTO app.organizations (id, name, slug, owner_id) VALUES ($1, 'Ada''s', 'ada', $2)`, [org, user]);
        await c.query(`INSERT INTO app.projects (id, organization_id, owner_id, name, key) VALUES ($1, $2, $3, 'P', 'PROJ')`, [
          crypto.randomUUID(),
          org,
          user,
        ]);
        await c.query(`INSERT INTO app.audit_log (user_id, action, resource_type) VALUES ($1, 'user.register', 'user')`, [user]);
      });
    } finally {
      await db.close();
    }

    const backup = await atelier(['backup', backupFile], pglite());
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/app\.users\s+1 rows/);
    expect(backup.stderr).toMatch(completeLine('Backup', backup.stderr, 4));
    expect(fs.existsSync(backupFile)).toBe(true);

    const restore = await atelier(['restore', backupFile], pglite(restoredDir));
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toContain('applied migration 0001_platform');
    expect(restore.stderr).toMatch(completeLine('Restore', backup.stderr, 4));
    expect(await countRows(restoredDir)).toEqual({ users: 1, organizations: 1, projects: 1, audit: 1 });

    const again = await atelier(['restore', backupFile], pglite(restoredDir));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data .*--force/s);

    const forced = await atelier(['restore', '--force', backupFile], pglite(restoredDir));
    expect(forced.code, forced.stderr).toBe(0);
    expect(await countRows(restoredDir)).toEqual({ users: 1, organizations: 1, projects: 1, audit: 1 });
  });

  it('streams a backup through standard output and back through standard input', async () => {
    const out = await atelier(['backup', '-'], pglite());
    expect(out.code, out.stderr).toBe(0);
    const header = JSON.parse(gunzipSync(out.raw).toString('utf8').split('\n')[0] ?? '{}');
    expect(header).toMatchObject({ format: 'atelier-backup', source: { kind: 'pglite' } });
    const back = await atelier(['restore', '--force', '-'], pglite(restoredDir), out.raw);
    expect(back.code, back.stderr).toBe(0);
    expect(await countRows(restoredDir)).toEqual({ users: 1, organizations: 1, projects: 1, audit: 1 });
  });

  it('fails clearly on a truncated backup', async () => {
    const truncated = path.join(workDir, 'truncated.gz');
    const whole = fs.readFileSync(backupFile);
    fs.writeFileSync(truncated, whole.subarray(0, whole.length - 20));
    const run = await atelier(['restore', '--force', truncated], pglite(restoredDir));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/truncated or corrupted/);
    expect(await countRows(restoredDir)).toEqual({ users: 1, organizations: 1, projects: 1, audit: 1 });
  });

  it('serves until SIGTERM, then closes the database and releases the data directory', async () => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: baseEnv({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${seen}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString('utf8');
          const ready = /"url":"(http:\/\/localhost:\d+)".*Atelier is ready/.exec(seen);
          if (ready?.[1]) {
            clearTimeout(timer);
            resolve(ready[1].replace('localhost', '127.0.0.1'));
          }
        });
        child.on('close', () => reject(new Error(`server exited:\n${seen}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'atelier.lock'))).toBe(false);
  });
});

describe.runIf(serverUrl)('atelier (the compiled binary) on a PostgreSQL server', SLOW, () => {
  const name = `atelier_clibin_${crypto.randomBytes(5).toString('hex')}`;
  const url = serverUrl ? withDatabase(serverUrl, name) : '';
  const server = (): NodeJS.ProcessEnv => ({ DATABASE_URL: url, DATA_DIR: path.join(workDir, 'unused') });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('restores the PGlite backup into the server, and migrates down and up there', async () => {
    const restore = await atelier(['restore', backupFile], server());
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toMatch(/into PostgreSQL at 127\.0\.0\.1:5432\/atelier_clibin_/);
    expect(restore.stderr).toMatch(completeLine('Restore', restore.stderr.replace(/^Restoring.*\n/, ''), 4));

    const status = await atelier(['migrate', 'status', '--json'], server());
    const statuses = JSON.parse(status.stdout) as Array<{ version: number; checksumMatches: boolean }>;
    expect(statuses).toHaveLength(migrationCount);
    expect(statuses[0]).toMatchObject({ version: 1, name: 'platform', checksumMatches: true });
    expect(statuses.every((s) => s.checksumMatches)).toBe(true);

    const backup = await atelier(['backup', path.join(workDir, 'from-server.gz')], server());
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(completeLine('Backup', backup.stderr, 4));

    expect((await atelier(['migrate', 'down', String(migrationCount)], server())).code).toBe(0);
    expect((await atelier(['migrate', 'status'], server())).stdout).toMatch(/0001\s+platform\s+pending/);
    expect((await atelier(['migrate', 'up'], server())).code).toBe(0);
    const history = JSON.parse((await atelier(['migrate', 'history', '--json'], server())).stdout) as Array<{ direction: string }>;
    const directions = (direction: string) => Array.from({ length: migrationCount }, () => direction);
    expect(history.map((e) => e.direction)).toEqual([...directions('up'), ...directions('down'), ...directions('up')]);
  });
});

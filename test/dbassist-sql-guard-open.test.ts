import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createSecretBox } from '../src/core/ai/secret-box.js';
import { writeSampleDatabase } from '../src/modules/dbassist/connections/sample-database.js';
import { openSqlRunner, statementLimitsOf } from '../src/modules/dbassist/sql/open-sql-runner.js';
import type { RunOptions } from '../src/modules/dbassist/sql/sql-runner.js';
import { createScratchPostgres, type ScratchDatabase } from './support/sample-dbs.js';
import { refusal } from './support/sql-runner-checks.js';

/** The parts of the application's context openSqlRunner reads: the settings and the secret box. */
function contextWith(env: NodeJS.ProcessEnv, dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DBASSIST_STATEMENT_TIMEOUT_MS: '4000', ...env });
  return { config, ai: { secrets: createSecretBox(crypto.randomBytes(32)) } };
}

describe('openSqlRunner', () => {
  let scratch: ScratchDatabase;
  let dataDir: string;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-open-runner-'));
  });

  afterAll(async () => {
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a stored connection from its sealed URI with the server’s statement limits, read-only unless the connection is read-write', async () => {
    const context = contextWith({}, dataDir);
    const limits = statementLimitsOf(context);
    expect(limits.timeoutMs).toBe(4000);
    const options: RunOptions = { ...limits, allowWrite: false, signal: new AbortController().signal };
    const stored = { dbType: 'postgres' as const, connectionUri: context.ai.secrets.seal(scratch.uri), mode: 'read-only' as const };
    const runner = await openSqlRunner(context, stored, { writable: false });
    try {
      expect((await runner.run('SELECT current_database()', options)).rows).toEqual([[scratch.name]]);
      // A runner opened read-only refuses a write even when the caller allows one.
      const write = await refusal(runner.run('CREATE TABLE t (a int)', { ...options, allowWrite: true }));
      expect(write.code).toBe('SQL_NOT_ALLOWED');
    } finally {
      await runner.close();
    }
    const refused = await refusal(openSqlRunner(context, stored, { writable: true }));
    expect(refused).toMatchObject({ code: 'SQL_NOT_ALLOWED', message: expect.stringMatching(/read-only/) });

    const writer = await openSqlRunner(context, { ...stored, mode: 'read-write' }, { writable: true });
    try {
      const created = await writer.run('CREATE TABLE t (a int)', { ...options, allowWrite: true });
      expect(created.isWrite).toBe(true);
    } finally {
      await writer.close();
    }
  });

  it('refuses hosts on the deny list and engines without a runner, and never quotes the URI', async () => {
    const context = contextWith({ DBASSIST_DENY_HOSTS: '127.0.0.0/8' }, dataDir);
    const denied = await refusal(openSqlRunner(context, { dbType: 'postgres', connectionUri: context.ai.secrets.seal(scratch.uri), mode: 'read-only' }, { writable: false }));
    expect(denied.code).toBe('DB_HOST_REFUSED');
    const mssql = await refusal(openSqlRunner(context, { dbType: 'mssql', connectionUri: context.ai.secrets.seal('mssql://sa:secret@db/x'), mode: 'read-only' }, { writable: false }));
    expect(mssql.code).toBe('DB_TYPE_NOT_SUPPORTED');
    const wrongPassword = new URL(scratch.uri);
    wrongPassword.hostname = '127.0.0.2';
    wrongPassword.port = '1';
    wrongPassword.password = 'hunter2-secret';
    const open = contextWith({}, dataDir);
    const unreachable = await refusal(openSqlRunner(open, { dbType: 'postgres', connectionUri: open.ai.secrets.seal(wrongPassword.toString()), mode: 'read-only' }, { writable: false }));
    expect(unreachable.code).toBe('DB_CONNECTION_FAILED');
    expect(unreachable.message).not.toContain('hunter2-secret');
  });

  it('opens a SQLite file and refuses one that is missing without naming its path', async () => {
    const context = contextWith({}, dataDir);
    const file = path.join(os.tmpdir(), `atelier-open-runner-${crypto.randomBytes(4).toString('hex')}.sqlite`);
    writeSampleDatabase(file);
    try {
      const runner = await openSqlRunner(context, { dbType: 'sqlite', connectionUri: context.ai.secrets.seal(file), mode: 'read-only' }, { writable: false });
      try {
        const result = await runner.run('SELECT count(*) FROM categories', { ...statementLimitsOf(context), allowWrite: false, signal: new AbortController().signal });
        expect(Number(result.rows[0]![0])).toBeGreaterThan(0);
      } finally {
        await runner.close();
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
    const missing = await refusal(openSqlRunner(context, { dbType: 'sqlite', connectionUri: context.ai.secrets.seal(file), mode: 'read-only' }, { writable: false }));
    expect(missing.code).toBe('DB_CONNECTION_FAILED');
    expect(missing.message).not.toContain(file);
  });
});

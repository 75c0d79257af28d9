import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DriverError } from './driver-error.js';
import { createHostGuard, type HostGuardOptions } from './host-guard.js';

const defaultDenyList = ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254', '100.100.100.200', 'metadata.google.internal', 'metadata'];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'host-guard-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A guard whose name resolution is a fixed table, so no test depends on the machine's DNS. */
function guard(options: Partial<HostGuardOptions> = {}, names: Record<string, string[]> = {}) {
  return createHostGuard({
    denyHosts: defaultDenyList,
    sqliteRoots: undefined,
    dataDir: path.join(scratch, 'data'),
    databaseUrl: undefined,
    lookup: async (host) => {
      const found = names[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return found;
    },
    ...options,
  });
}

async function refusal(promise: Promise<void>): Promise<DriverError | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as DriverError;
  }
}

describe('host guard: network targets', () => {
  it('refuses the cloud metadata address and the rest of the link-local range', async () => {
    for (const host of ['169.254.169.254', '169.254.1.1', 'fe80::1', '100.100.100.200', '::ffff:169.254.169.254']) {
      const error = await refusal(guard().checkNetworkTarget({ host, port: 80, database: 'x' }));
      expect(error, host).toBeInstanceOf(DriverError);
      expect(error?.failure).toBe('host_refused');
      expect(error?.status).toBe(422);
    }
  });

  it('refuses a name that resolves to a denied address, checking every address of the name', async () => {
    const names = { 'rebind.example': ['10.0.0.5', '169.254.169.254'], 'db.example': ['10.0.0.5'] };
    expect(await refusal(guard({}, names).checkNetworkTarget({ host: 'rebind.example', port: 5432, database: 'app' }))).toBeInstanceOf(DriverError);
    expect(await refusal(guard({}, names).checkNetworkTarget({ host: 'db.example', port: 5432, database: 'app' }))).toBeUndefined();
  });

  it('refuses denied names as written, whatever their case or trailing dot', async () => {
    expect(await refusal(guard().checkNetworkTarget({ host: 'Metadata.Google.Internal.', port: 80, database: 'x' }))).toBeInstanceOf(DriverError);
  });

  it('allows ordinary hosts, and leaves unknown names for the connection to report', async () => {
    expect(await refusal(guard().checkNetworkTarget({ host: '127.0.0.1', port: 5432, database: 'northwind' }))).toBeUndefined();
    expect(await refusal(guard().checkNetworkTarget({ host: 'no-such-host.invalid', port: 5432, database: 'x' }))).toBeUndefined();
  });

  it('uses the configured list: a CIDR range of its own', async () => {
    const custom = guard({ denyHosts: ['10.20.0.0/16'] });
    expect(await refusal(custom.checkNetworkTarget({ host: '10.20.3.4', port: 5432, database: 'x' }))).toBeInstanceOf(DriverError);
    expect(await refusal(custom.checkNetworkTarget({ host: '10.21.3.4', port: 5432, database: 'x' }))).toBeUndefined();
  });

  it('rejects a malformed CIDR in the settings at start-up', () => {
    expect(() => guard({ denyHosts: ['10.0.0.0/99'] })).toThrow(/CIDR/);
  });

  it("refuses Atelier's own database by host, port and database, also under another name of the same host", async () => {
    const own = guard({ databaseUrl: 'postgres://atelier:secret@db.internal:5432/atelier' }, { 'db.internal': ['10.1.1.1'], 'alias.internal': ['10.1.1.1'] });
    expect(await refusal(own.checkNetworkTarget({ host: 'db.internal', port: 5432, database: 'atelier' }))).toBeInstanceOf(DriverError);
    expect(await refusal(own.checkNetworkTarget({ host: 'alias.internal', port: 5432, database: 'atelier' }))).toBeInstanceOf(DriverError);
    expect(await refusal(own.checkNetworkTarget({ host: '10.1.1.1', port: 5432, database: 'atelier' }))).toBeInstanceOf(DriverError);
    // Another database on the same server, or the same name on another port, is someone else's.
    expect(await refusal(own.checkNetworkTarget({ host: 'db.internal', port: 5432, database: 'northwind' }))).toBeUndefined();
    expect(await refusal(own.checkNetworkTarget({ host: 'db.internal', port: 5433, database: 'atelier' }))).toBeUndefined();
  });
});

describe('host guard: SQLite files', () => {
  const dataDir = path.join(scratch, 'data');

  it("refuses files in Atelier's data folder but allows the sample databases it writes there", () => {
    const g = guard({ dataDir });
    expect(() => g.checkSqliteFile(path.join(dataDir, 'atelier.db'))).toThrow(DriverError);
    expect(() => g.checkSqliteFile(path.join(dataDir, 'secret.key'))).toThrow(DriverError);
    expect(() => g.checkSqliteFile(path.join(dataDir, 'dbassist', 'samples', 'org.sqlite'))).not.toThrow();
    expect(() => g.checkSqliteFile(path.join(dataDir, 'dbassist', 'samples', '..', '..', 'atelier.db'))).toThrow(DriverError);
    expect(() => g.checkSqliteFile('/srv/elsewhere/app.db')).not.toThrow();
  });

  it('follows symbolic links: a link outside that points into the data folder is refused', () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'pglite.db'), '');
    const link = path.join(scratch, 'innocent.db');
    fs.symlinkSync(path.join(dataDir, 'pglite.db'), link);
    expect(() => guard({ dataDir }).checkSqliteFile(link)).toThrow(DriverError);
  });

  it('allows only files under the configured roots when roots are set', () => {
    const g = guard({ dataDir, sqliteRoots: ['/srv/sqlite'] });
    expect(() => g.checkSqliteFile('/srv/sqlite/app.db')).not.toThrow();
    expect(() => g.checkSqliteFile('/srv/sqlite-other/app.db')).toThrow(DriverError);
    expect(() => g.checkSqliteFile('/etc/passwd')).toThrow(DriverError);
    expect(() => g.checkSqliteFile(path.join(dataDir, 'dbassist', 'samples', 'org.sqlite'))).not.toThrow();
  });
});

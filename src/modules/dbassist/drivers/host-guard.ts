import fs from 'node:fs';
import path from 'node:path';
import { addressFamily, buildDenyList, isDeniedAddress, normalizeHostName, systemLookup } from '../../../core/http/outbound-guard.js';
import { DriverError } from './driver-error.js';

/**
 * Which outside databases Atelier may connect to. A connection reaches whatever its URI names, from the server's
 * network, so the guard refuses: hosts and ranges on the deny list (by default link-local and cloud metadata
 * addresses), checked on every address a name resolves to; Atelier's own database; and for SQLite, files outside the
 * configured roots and files of Atelier's data folder (except the sample databases it writes there itself).
 */
export type HostGuard = {
  /** Throws DriverError('host_refused') when the server may not connect to host:port/database. */
  checkNetworkTarget(target: { host: string; port: number; database: string }): Promise<void>;
  /** Throws DriverError('host_refused') when the server may not open this SQLite file. */
  checkSqliteFile(file: string): void;
};

export type HostGuardOptions = {
  denyHosts: readonly string[];
  sqliteRoots: readonly string[] | undefined;
  dataDir: string;
  /** Atelier's own PostgreSQL database, when it runs on one. */
  databaseUrl: string | undefined;
  /** Name resolution (replaceable in tests). */
  lookup?: (host: string) => Promise<string[]>;
};

export const SAMPLES_SUBDIR = path.join('dbassist', 'samples');

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The path with symbolic links followed, so a link cannot lead into a refused folder. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}

type OwnDatabase = { host: string; port: number; database: string };

function ownDatabaseOf(databaseUrl: string | undefined): OwnDatabase | undefined {
  if (!databaseUrl) return undefined;
  try {
    const url = new URL(databaseUrl);
    return {
      host: normalizeHostName(url.hostname.replace(/^\[(.*)\]$/, '$1')) || 'localhost',
      port: url.port ? Number(url.port) : 5432,
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    };
  } catch {
    return undefined;
  }
}

const refused = (message: string) => new DriverError('host_refused', message);

export function createHostGuard(options: HostGuardOptions): HostGuard {
  const denyList = buildDenyList(options.denyHosts, 'DBASSIST_DENY_HOSTS');
  const lookup = options.lookup ?? systemLookup;
  const own = ownDatabaseOf(options.databaseUrl);
  const dataDir = realPath(options.dataDir);
  const samplesDir = path.join(dataDir, SAMPLES_SUBDIR);
  const roots = options.sqliteRoots?.map(realPath);

  async function addressesOf(host: string): Promise<string[]> {
    if (addressFamily(host)) return [host];
    try {
      return await lookup(host);
    } catch {
      // An unknown name is the connection's problem to report, not the guard's.
      return [];
    }
  }

  return {
    async checkNetworkTarget(target) {
      const host = normalizeHostName(target.host);
      if (denyList.names.has(host)) throw refused(`Connections to ${target.host} are not allowed on this server`);
      const addresses = await addressesOf(host);
      if (addresses.some((address) => isDeniedAddress(denyList, address))) {
        throw refused(`Connections to ${target.host} are not allowed on this server (its address is on the deny list)`);
      }
      if (own && own.port === target.port && own.database === target.database) {
        const ownAddresses = own.host === host ? addresses : await addressesOf(own.host);
        const sameHost = own.host === host || addresses.some((address) => ownAddresses.includes(address));
        if (sameHost) throw refused("That is Atelier's own database: connect to another database");
      }
    },
    checkSqliteFile(file) {
      const resolved = realPath(file);
      if (isInside(resolved, dataDir) && !isInside(resolved, samplesDir)) {
        throw refused("SQLite files inside Atelier's data folder cannot be connected");
      }
      if (roots && !isInside(resolved, samplesDir) && !roots.some((root) => isInside(resolved, root))) {
        throw refused('SQLite files must be under one of the folders this server allows (DBASSIST_SQLITE_ROOTS)');
      }
    },
  };
}

import path from 'node:path';
import type { DbType } from '../../../shared/dbassist-kinds.js';
import { DriverError } from './driver-error.js';

/** A network database's address and credentials, read from its URI. */
export type NetworkTarget = {
  engine: 'postgres' | 'mysql';
  host: string;
  port: number;
  database: string;
  user: string | undefined;
  password: string | undefined;
  /** PostgreSQL's sslmode (disable, prefer, require, verify-ca, verify-full); undefined: no TLS. */
  sslMode: string | undefined;
};

export type SqliteTarget = { engine: 'sqlite'; file: string };

export type ParsedTarget = NetworkTarget | SqliteTarget;

const schemes: Record<'postgres' | 'mysql', { protocols: string[]; defaultPort: number; example: string }> = {
  postgres: { protocols: ['postgres:', 'postgresql:'], defaultPort: 5432, example: 'postgres://user:password@host:5432/database' },
  mysql: { protocols: ['mysql:', 'mariadb:'], defaultPort: 3306, example: 'mysql://user:password@host:3306/database' },
};

const sslModes = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

function invalid(message: string): DriverError {
  return new DriverError('invalid_uri', message);
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalid('The connection URI has a malformed %-escape in its user, password or database');
  }
}

function parseNetwork(engine: 'postgres' | 'mysql', uri: string): NetworkTarget {
  const scheme = schemes[engine];
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    // Never quote the URI: it may carry a password.
    throw invalid(`The connection URI is not a URL; write it as ${scheme.example}`);
  }
  if (!scheme.protocols.includes(url.protocol)) {
    throw invalid(`A ${engine} connection URI starts with ${scheme.protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw invalid(`The connection URI names no host; write it as ${scheme.example}`);
  const port = url.port ? Number(url.port) : scheme.defaultPort;
  const database = decode(url.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) throw invalid(`The connection URI names no database; write it as ${scheme.example}`);
  const sslMode = url.searchParams.get('sslmode') ?? url.searchParams.get('ssl-mode') ?? undefined;
  if (sslMode !== undefined && !sslModes.includes(sslMode.toLowerCase())) throw invalid(`sslmode must be one of ${sslModes.join(', ')}`);
  return {
    engine,
    host,
    port,
    database,
    user: url.username ? decode(url.username) : undefined,
    password: url.password ? decode(url.password) : undefined,
    sslMode: sslMode?.toLowerCase(),
  };
}

/** A SQLite file: an absolute path, or sqlite:///absolute/path (file:// too). */
function parseSqlite(uri: string): SqliteTarget {
  let file = uri.trim();
  const scheme = /^(sqlite|file):\/\//i.exec(file);
  if (scheme) {
    file = file.slice(scheme[0].length);
    // sqlite://localhost/path is the same file as sqlite:///path
    if (file.startsWith('localhost/')) file = file.slice('localhost'.length);
    file = decode(file.split('?')[0] ?? '');
  }
  if (!path.isAbsolute(file)) throw invalid('A SQLite connection is the absolute path of a file the server can read: /srv/data/app.db or sqlite:///srv/data/app.db');
  return { engine: 'sqlite', file: path.normalize(file) };
}

/** Reads a supported engine's URI, or throws a DriverError (400 naming connectionUri) that never quotes it. */
export function parseConnectionUri(dbType: 'postgres' | 'mysql' | 'sqlite', uri: string): ParsedTarget {
  return dbType === 'sqlite' ? parseSqlite(uri) : parseNetwork(dbType, uri.trim());
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * What may be shown of a connection: engine, host, port and database, never the user or password
 * ("postgres://127.0.0.1:5432/northwind"; the file's base name for SQLite). Best effort for engines without a driver.
 */
export function describeTarget(dbType: DbType, uri: string): string {
  if (dbType === 'postgres' || dbType === 'mysql' || dbType === 'sqlite') {
    const target = parseConnectionUri(dbType, uri);
    if (target.engine === 'sqlite') return path.basename(target.file);
    return `${dbType}://${hostForUrl(target.host)}:${target.port}/${target.database}`;
  }
  try {
    const url = new URL(uri.trim());
    const database = url.pathname.replace(/^\//, '').split('/')[0] ?? '';
    return `${url.protocol}//${url.host}${database ? `/${decodeURIComponent(database)}` : ''}`.slice(0, 500);
  } catch {
    return dbType;
  }
}

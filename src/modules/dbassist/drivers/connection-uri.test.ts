import { describe, expect, it } from 'vitest';
import { describeTarget, parseConnectionUri } from './connection-uri.js';
import { DriverError } from './driver-error.js';

function failureOf(run: () => unknown): DriverError {
  try {
    run();
  } catch (error) {
    return error as DriverError;
  }
  throw new Error('expected a failure');
}

describe('connection URIs', () => {
  it('reads PostgreSQL and MySQL URIs with their default ports and decoded credentials', () => {
    expect(parseConnectionUri('postgres', 'postgresql://ana:p%40ss@db.example/northwind')).toMatchObject({
      host: 'db.example',
      port: 5432,
      database: 'northwind',
      user: 'ana',
      password: 'p@ss',
    });
    expect(parseConnectionUri('mysql', 'mariadb://root@[::1]/chinook')).toMatchObject({ host: '::1', port: 3306, database: 'chinook' });
  });

  it('reads a SQLite path or a sqlite:/// URI', () => {
    expect(parseConnectionUri('sqlite', '/srv/data/app.db')).toEqual({ engine: 'sqlite', file: '/srv/data/app.db' });
    expect(parseConnectionUri('sqlite', 'sqlite:///srv/data/app.db')).toEqual({ engine: 'sqlite', file: '/srv/data/app.db' });
  });

  it('refuses malformed URIs with a 400 naming connectionUri, never quoting the URI', () => {
    const cases: Array<['postgres' | 'mysql' | 'sqlite', string]> = [
      ['postgres', 'mysql://u:hunter2@h/db'],
      ['postgres', 'postgres://u:hunter2@h'],
      ['mysql', 'not a url hunter2'],
      ['sqlite', 'relative/hunter2.db'],
      ['postgres', 'postgres://u:hunter2@h/db?sslmode=sometimes'],
    ];
    for (const [dbType, uri] of cases) {
      const error = failureOf(() => parseConnectionUri(dbType, uri));
      expect(error, uri).toBeInstanceOf(DriverError);
      expect(error.status).toBe(400);
      expect(error.details).toEqual([expect.objectContaining({ field: 'connectionUri' })]);
      expect(error.message).not.toContain('hunter2');
    }
  });

  it('describes a target by engine, host, port and database, without user or password', () => {
    expect(describeTarget('postgres', 'postgres://ana:hunter2@127.0.0.1/northwind')).toBe('postgres://127.0.0.1:5432/northwind');
    expect(describeTarget('mysql', 'mariadb://root:hunter2@db:3307/chinook')).toBe('mysql://db:3307/chinook');
    expect(describeTarget('sqlite', 'sqlite:///srv/data/shop.sqlite')).toBe('shop.sqlite');
    expect(describeTarget('mongodb', 'mongodb://ana:hunter2@mongo.example:27017/app')).toBe('mongodb://mongo.example:27017/app');
  });
});

import { describe, expect, it } from 'vitest';
import { compareMigrations, quoteIdent } from './backup.js';
import type { Migration } from './migrator.js';

const file = (version: number, name: string, checksum: string): Migration => ({ version, name, checksum, up: '', down: '' });

describe('compareMigrations', () => {
  const files = [file(1, 'platform', 'aaa'), file(2, 'documents', 'bbb'), file(3, 'board', 'ccc')];

  it('accepts a target at the backup level, or one that the build can bring there', () => {
    const backup = [
      { version: 1, name: 'platform', checksum: 'aaa' },
      { version: 2, name: 'documents', checksum: 'bbb' },
    ];
    expect(compareMigrations(backup, backup, files)).toBeUndefined();
    expect(compareMigrations(backup, [], files)).toBeUndefined();
    expect(compareMigrations(backup, backup.slice(0, 1), files)).toBeUndefined();
  });

  it('refuses a target ahead of the backup', () => {
    const backup = [{ version: 1, name: 'platform', checksum: 'aaa' }];
    const applied = [...backup, { version: 2, name: 'documents', checksum: 'bbb' }];
    expect(compareMigrations(backup, applied, files)).toMatch(
      /target database has migration 0002_documents, which the backup does not have .*at 0001_platform/,
    );
  });

  it('refuses a backup from another build or a newer Atelier', () => {
    expect(compareMigrations([{ version: 1, name: 'platform', checksum: 'zzz' }], [], files)).toMatch(
      /Migration 0001_platform differs/,
    );
    expect(compareMigrations([{ version: 1, name: 'platform', checksum: 'zzz' }], [file(1, 'platform', 'aaa')], [])).toMatch(
      /differs/,
    );
    expect(compareMigrations([{ version: 4, name: 'future', checksum: 'x' }], [], files)).toMatch(
      /made at migration 0004_future, which this version of Atelier .* does not have/,
    );
  });
});

describe('quoteIdent', () => {
  it('always quotes and doubles embedded quotes', () => {
    expect(quoteIdent('users')).toBe('"users"');
    expect(quoteIdent('a "b"')).toBe('"a ""b"""');
  });
});

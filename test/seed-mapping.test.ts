import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_MAPPING_DOC,
  checkMapping,
  findSeedsDir,
  parseDbml,
  parseMarkdownTables,
  parseSqlTables,
  parseTarget,
  readMapping,
  readSeeds,
  type MappingRow,
  type SeedTable,
} from './support/seeds.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

const SEED_FILES = [
  '000_6a995a6b38411ade.txt',
  '001_516972b5709ac562.txt',
  '002_68a86890009e8fd6.txt',
  '003_2d7d234b57de3b77.txt',
  '004_08caf54693808c19.txt',
];

describe('seed parsers', () => {
  it('reads DBML tables, skipping notes, index blocks and comments', () => {
    const dbml = [
      "Project X { database_type: 'PostgreSQL' }",
      'Table users {',
      '  id   int [pk, increment] // the key',
      "  settings jsonb [default: '{}']",
      "  Note: 'a note'",
      '  Indexes {',
      '    (id, settings)',
      '  }',
      '  "quoted name" text',
      '}',
      'Table public.tokens { ',
      '  token varchar',
      '}',
    ].join('\n');
    expect(parseDbml(dbml)).toEqual([
      { table: 'users', columns: ['id', 'settings', 'quoted name'] },
      { table: 'tokens', columns: ['token'] },
    ]);
  });

  it('reads Markdown column tables under the heading that names them, and ignores other tables', () => {
    const md = [
      '### 2. `workspaces`',
      '| Field | Type |',
      '|---|---|',
      '| id | UUID |',
      '| **owner_id** | UUID |',
      '',
      '### `audit_log`',
      '| Column | Type |',
      '|--------|------|',
      '| `timestamp` | TIMESTAMPTZ |',
      '',
      '### RLS Policies',
      '| Table | Policy |',
      '|---|---|',
      '| sessions | x |',
      '```',
      '| Column | Type |',
      '```',
      '### sprints',
      '| Column | Type |',
      '| --- | --- |',
      '| goal | TEXT |',
    ].join('\n');
    expect(parseMarkdownTables(md)).toEqual([
      { table: 'workspaces', columns: ['id', 'owner_id'] },
      { table: 'audit_log', columns: ['timestamp'] },
      { table: 'sprints', columns: ['goal'] },
    ]);
  });

  it('reads SQL CREATE TABLE columns, not table constraints, with commas inside checks and comments', () => {
    const sql = `
      CREATE TABLE documents (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        section TEXT CHECK (section IN ('overview','prd')), -- one, two
        created_by UUID,  -- user_id or NULL (agent), see below
        UNIQUE (id, section),
        PRIMARY KEY (id)
      );
      CREATE INDEX documents_idx ON documents(id);
      CREATE TABLE IF NOT EXISTS "events" (id BIGINT);`;
    expect(parseSqlTables(sql)).toEqual([
      { table: 'documents', columns: ['id', 'section', 'created_by'] },
      { table: 'events', columns: ['id'] },
    ]);
  });

  it('classifies mapping targets', () => {
    expect(parseTarget('planned')).toEqual({ kind: 'planned' });
    expect(parseTarget('app.users.password_hash')).toEqual({ kind: 'column', schema: 'app', table: 'users', column: 'password_hash' });
    expect(parseTarget('`app.users.name`')).toMatchObject({ kind: 'column', column: 'name' });
    expect(parseTarget('merged: split into `app.audit_log.resource_type` and `resource_id`')).toMatchObject({
      kind: 'merged',
      mentions: [{ schema: 'app', table: 'audit_log', column: 'resource_type' }],
    });
    expect(parseTarget('merged:')).toMatchObject({ kind: 'invalid' });
    expect(parseTarget('merged:   ')).toMatchObject({ kind: 'invalid' });
    expect(parseTarget('planned later')).toMatchObject({ kind: 'invalid' });
    expect(parseTarget('users.name')).toMatchObject({ kind: 'invalid' });
    expect(parseTarget('')).toMatchObject({ kind: 'invalid' });
  });
});

describe('docs/seed-mapping.md', () => {
  const seeds: SeedTable[] = readSeeds();
  const doc = fs.readFileSync(SEED_MAPPING_DOC, 'utf8');
  const rows: MappingRow[] = readMapping(doc);

  it('reads all five seeds, each with tables and columns', () => {
    const dir = findSeedsDir();
    for (const file of SEED_FILES) expect(fs.existsSync(`${dir}/${file}`), file).toBe(true);
    for (const file of SEED_FILES) {
      const tables = seeds.filter((t) => t.file === file);
      expect(tables.length, file).toBeGreaterThan(2);
    }
    // Spot checks that each notation was read as written.
    const columnsOf = (file: string, table: string) => seeds.find((t) => t.file === file && t.table === table)?.columns;
    expect(columnsOf(SEED_FILES[0]!, 'users')).toContain('passwordhash');
    expect(columnsOf(SEED_FILES[0]!, 'messages')).toEqual(['message_id', 'conversation_id', 'role', 'content', 'metadata', 'timestamp']);
    expect(columnsOf(SEED_FILES[1]!, 'audit_log')).toContain('timestamp');
    expect(columnsOf(SEED_FILES[2]!, 'memberships')).toEqual(['id', 'user_id', 'workspace_id', 'role', 'created_at']);
    expect(columnsOf(SEED_FILES[3]!, 'project_versions')).toEqual(['project_id', 'version', 'change_note', 'created_by', 'created_at']);
    expect(columnsOf(SEED_FILES[4]!, 'ai_generations')).toHaveLength(12);
  });

  it('has exactly one row for every seed column and no row for a column no seed has', () => {
    const problems = checkMapping(seeds, rows);
    expect(problems.missing, 'seed columns without a row').toEqual([]);
    expect(problems.duplicated, 'seed columns with several rows').toEqual([]);
    expect(problems.unknown, 'rows naming no seed column').toEqual([]);
    expect(problems.invalid, 'rows whose third cell is not planned, merged: reason or schema.table.column').toEqual([]);
    expect(rows).toHaveLength(seeds.reduce((n, t) => n + t.columns.length, 0));
  });

  it('states counts that match the seeds and the rows', () => {
    const counts = /Counts: (\d+) seed tables, (\d+) seed columns — (\d+) mapped to an Atelier column now, (\d+) merged, (\d+) planned/.exec(doc);
    expect(counts, 'the Counts line').not.toBeNull();
    const kinds = (kind: string) => rows.filter((r) => r.target.kind === kind).length;
    expect(counts!.slice(1).map(Number)).toEqual([
      seeds.length,
      seeds.reduce((n, t) => n + t.columns.length, 0),
      kinds('column'),
      kinds('merged'),
      kinds('planned'),
    ]);
  });

  it('notices a deleted, duplicated, invented or malformed row', () => {
    // Measured against the document as it is, so this test checks the checker even while the document is wrong.
    const base = checkMapping(seeds, rows);
    const lines = doc.split('\n');
    const first = lines.findIndex((l) => l.startsWith('| 000_'));
    const without = [...lines.slice(0, first), ...lines.slice(first + 1)].join('\n');
    expect(checkMapping(seeds, readMapping(without)).missing).toHaveLength(base.missing.length + 1);

    const doubled = [...lines.slice(0, first + 1), lines[first]!, ...lines.slice(first + 1)].join('\n');
    expect(checkMapping(seeds, readMapping(doubled)).duplicated).toHaveLength(base.duplicated.length + 1);

    const invented = `${doc}\n| 000_6a995a6b38411ade.txt | users.shoe_size | planned |\n`;
    expect(checkMapping(seeds, readMapping(invented)).unknown).toHaveLength(base.unknown.length + 1);

    const wrongFile = `${doc}\n| 009_0000000000000000.txt | users.id | planned |\n`;
    expect(checkMapping(seeds, readMapping(wrongFile)).unknown).toHaveLength(base.unknown.length + 1);

    const malformed = lines.map((l, i) => (i === first ? l.replace(/\|[^|]*\|\s*$/, '| merged: |') : l)).join('\n');
    expect(checkMapping(seeds, readMapping(malformed)).invalid).toHaveLength(base.invalid.length + 1);
  });
});

describe.each(testDrivers)('seed mapping against the migrated database on %s', (kind) => {
  let t: TestDatabase;
  let existing: Set<string>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const columns = await t.db.withAdmin((client) =>
      client.query<{ table_schema: string; table_name: string; column_name: string }>(
        `SELECT table_schema, table_name, column_name FROM information_schema.columns
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
      ),
    );
    existing = new Set(columns.map((c) => `${c.table_schema}.${c.table_name}.${c.column_name}`));
  });
  afterAll(async () => t?.drop());

  it('finds every mapped Atelier column, including those a merged reason names', () => {
    const rows = readMapping();
    const named = rows.flatMap((row) =>
      row.target.kind === 'column'
        ? [{ row, ref: `${row.target.schema}.${row.target.table}.${row.target.column}` }]
        : row.target.kind === 'merged'
          ? row.target.mentions.map((m) => ({ row, ref: `${m.schema}.${m.table}.${m.column}` }))
          : [],
    );
    expect(named.length).toBeGreaterThan(100);
    const absent = named.filter(({ ref }) => !existing.has(ref)).map(({ row, ref }) => `line ${row.line}: ${ref}`);
    expect(absent, 'mapped columns missing from the database').toEqual([]);
  });

  it('maps every platform table of the database to at least one seed column', () => {
    const rows = readMapping();
    const mappedTables = new Set(
      rows.flatMap((r) => (r.target.kind === 'column' ? [`${r.target.schema}.${r.target.table}`] : [])),
    );
    for (const table of ['app.users', 'app.tokens', 'app.organizations', 'app.organization_members', 'app.projects', 'app.audit_log']) {
      expect(mappedTables.has(table), table).toBe(true);
    }
  });
});

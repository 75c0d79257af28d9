import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/seeds.js';
import { createTestDatabase, testDrivers, type TestDatabase } from './support/test-db.js';

/**
 * docs/scale-out.md lists, for a distribution by organization_id and for monthly partitions, every tenant table with
 * its key, every foreign key and unique key between tenant rows, the tables that are not tenant tables and the tables
 * to partition. These tests read the migrated database's catalog and fail when the document no longer describes it:
 * a new table, key or foreign key has to be placed in the document before it can be merged.
 */

const DOC = path.join(REPO_ROOT, 'docs/scale-out.md');

/** The rows of the markdown table between `<!-- check:name -->` and `<!-- /check:name -->`, cells without backticks. */
function checkedRows(markdown: string, name: string): string[][] {
  const start = markdown.indexOf(`<!-- check:${name} -->`);
  const end = markdown.indexOf(`<!-- /check:${name} -->`);
  if (start < 0 || end < start) throw new Error(`docs/scale-out.md has no <!-- check:${name} --> … <!-- /check:${name} --> block`);
  const lines = markdown
    .slice(start, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'));
  // The header and the separator line come first.
  return lines.slice(2).map((line) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim()),
  );
}

const plain = (cell: string) => cell.replace(/`/g, '').trim();
const columnList = (cell: string) => plain(cell).split(',').map((c) => c.trim());
const yesNo = (cell: string, where: string): boolean => {
  if (cell === 'yes') return true;
  if (cell === 'no') return false;
  throw new Error(`${where}: expected yes or no, found "${cell}"`);
};

type TableFacts = {
  name: string;
  partitioned: boolean;
  hasOrganization: boolean;
  organizationNullable: boolean;
  rowSecurity: boolean;
  forcedRowSecurity: boolean;
  primaryKey: string[];
};
type ForeignKey = { table: string; columns: string[]; references: string; referencedColumns: string[]; onDelete: string };
type UniqueKey = { table: string; index: string; columns: string[] };

const ON_DELETE: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

type Catalog = {
  tables: Map<string, TableFacts>;
  foreignKeys: ForeignKey[];
  uniqueKeys: UniqueKey[];
  partitionKeys: Map<string, string[]>;
  columns: Map<string, Map<string, { type: string; notNull: boolean }>>;
};

async function readCatalog(t: TestDatabase): Promise<Catalog> {
  return t.db.withAdmin(async (client) => {
    const userTables = `c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
    const tableRows = await client.query<{
      name: string;
      kind: string;
      rls: boolean;
      forced: boolean;
      organization_not_null: boolean | null;
      primary_key: string[] | null;
    }>(
      `SELECT n.nspname || '.' || c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped) AS organization_not_null,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
                 CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
               WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE ${userTables}`,
    );
    const tables = new Map<string, TableFacts>(
      tableRows.map((r) => [
        r.name,
        {
          name: r.name,
          partitioned: r.kind === 'p',
          hasOrganization: r.organization_not_null !== null,
          organizationNullable: r.organization_not_null === false,
          rowSecurity: r.rls,
          forcedRowSecurity: r.forced,
          primaryKey: r.primary_key ?? [],
        },
      ]),
    );
    const foreignKeyRows = await client.query<{ table: string; columns: string[]; references: string; referenced_columns: string[]; on_delete: string }>(
      `SELECT cn.nspname || '.' || cc.relname AS table, fn.nspname || '.' || fc.relname AS references, con.confdeltype AS on_delete,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns
       FROM pg_constraint con
       JOIN pg_class cc ON cc.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
       JOIN pg_class fc ON fc.oid = con.confrelid JOIN pg_namespace fn ON fn.oid = fc.relnamespace
       WHERE con.contype = 'f' AND con.conparentid = 0`,
    );
    const uniqueRows = await client.query<{ table: string; index: string; columns: string[] }>(
      `SELECT n.nspname || '.' || c.relname AS table, ic.relname AS index,
              (SELECT array_agg(coalesce(a.attname::text, '(expression)') ORDER BY k.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                 LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS columns
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE i.indisunique AND NOT i.indisprimary AND ${userTables}`,
    );
    const partitionRows = await client.query<{ table: string; columns: string[] }>(
      `SELECT n.nspname || '.' || c.relname AS table,
              (SELECT array_agg(coalesce(a.attname::text, '(expression)') ORDER BY k.ord) FROM unnest(p.partattrs::int2[]) WITH ORDINALITY AS k(attnum, ord)
                 LEFT JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = k.attnum) AS columns
       FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace`,
    );
    const columnRows = await client.query<{ table: string; column: string; type: string; not_null: boolean }>(
      `SELECT n.nspname || '.' || c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE ${userTables}`,
    );
    const columns = new Map<string, Map<string, { type: string; notNull: boolean }>>();
    for (const r of columnRows) {
      const table = columns.get(r.table) ?? new Map<string, { type: string; notNull: boolean }>();
      table.set(r.column, { type: r.type, notNull: r.not_null });
      columns.set(r.table, table);
    }
    return {
      tables,
      foreignKeys: foreignKeyRows.map((r) => ({
        table: r.table,
        columns: r.columns,
        references: r.references,
        referencedColumns: r.referenced_columns,
        onDelete: ON_DELETE[r.on_delete] ?? r.on_delete,
      })),
      uniqueKeys: uniqueRows.map((r) => ({ table: r.table, index: r.index, columns: r.columns })),
      partitionKeys: new Map(partitionRows.map((r) => [r.table, r.columns])),
      columns,
    };
  });
}

const markdown = fs.readFileSync(DOC, 'utf8');

describe('docs/scale-out.md check blocks', () => {
  it('reads the rows of a block and refuses a missing one', () => {
    const sample = 'x\n<!-- check:demo -->\n| A | B |\n| --- | --- |\n| `a.b` | `c, d` |\n<!-- /check:demo -->\n';
    expect(checkedRows(sample, 'demo')).toEqual([['`a.b`', '`c, d`']]);
    expect(() => checkedRows(sample, 'other')).toThrow(/no <!-- check:other -->/);
  });
});

describe.each(testDrivers)('docs/scale-out.md against the migrated schema on %s', (kind) => {
  let t: TestDatabase;
  let catalog: Catalog;
  const tenant = () => [...catalog.tables.values()].filter((table) => table.hasOrganization);
  const tenantNames = () => new Set(tenant().map((table) => table.name));

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    catalog = await readCatalog(t);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lists exactly the tables that carry organization_id as tenant tables, with RLS enabled and forced on each', () => {
    const documented = checkedRows(markdown, 'tenant-tables').map((row) => plain(row[0]!));
    expect(new Set(documented).size, 'a table is listed twice').toBe(documented.length);
    expect([...documented].sort()).toEqual([...tenantNames()].sort());
    for (const table of tenant()) {
      expect({ table: table.name, rls: table.rowSecurity, forced: table.forcedRowSecurity }).toEqual({ table: table.name, rls: true, forced: true });
    }
  });

  it("states each tenant table's primary key, whether organization_id may be NULL, and whether the key includes or implies it", () => {
    for (const row of checkedRows(markdown, 'tenant-tables')) {
      const [name, key, nullable, status] = [plain(row[0]!), columnList(row[1]!), row[2]!, row[3]!];
      const table = catalog.tables.get(name)!;
      expect({ table: name, primaryKey: table.primaryKey }).toEqual({ table: name, primaryKey: key });
      expect({ table: name, organizationNullable: table.organizationNullable }).toEqual({ table: name, organizationNullable: yesNo(nullable, name) });

      const includes = table.primaryKey.includes('organization_id');
      // A key column whose foreign key leads to a tenant row determines the organization.
      const implying = catalog.foreignKeys.filter(
        (fk) => fk.table === name && fk.columns.length === 1 && table.primaryKey.includes(fk.columns[0]!) && tenantNames().has(fk.references),
      );
      const implied = status.match(/^implied by `([^`]+)` → `([^`]+)`$/);
      if (status === 'includes') expect({ table: name, includes }).toEqual({ table: name, includes: true });
      else if (implied) {
        expect({ table: name, includes }).toEqual({ table: name, includes: false });
        expect(
          implying.map((fk) => `${fk.columns[0]} → ${fk.references}`),
          `${name}: the document says its key is implied by ${implied[1]} → ${implied[2]}`,
        ).toContain(`${implied[1]} → ${implied[2]}`);
      } else if (status === 'add') {
        expect({ table: name, includes, implyingColumns: implying.map((fk) => fk.columns[0]) }).toEqual({ table: name, includes: false, implyingColumns: [] });
      } else throw new Error(`${name}: unknown status "${status}" (includes, implied by \`column\` → \`table\`, or add)`);
    }
  });

  it('lists every foreign key between tenant tables, with its delete rule and whether it carries organization_id on both sides', () => {
    const tenants = tenantNames();
    const line = (fk: { table: string; columns: string[]; references: string; onDelete: string; withOrganization: boolean }) =>
      `${fk.table} (${fk.columns.join(', ')}) → ${fk.references} on delete ${fk.onDelete}; organization_id in the key: ${fk.withOrganization ? 'yes' : 'no'}`;
    const actual = catalog.foreignKeys
      .filter((fk) => tenants.has(fk.table) && tenants.has(fk.references))
      .map((fk) => line({ ...fk, withOrganization: fk.columns.includes('organization_id') && fk.referencedColumns.includes('organization_id') }));
    const documented = checkedRows(markdown, 'foreign-keys').map((row) =>
      line({ table: plain(row[0]!), columns: columnList(row[1]!), references: plain(row[2]!), onDelete: row[3]!, withOrganization: yesNo(row[4]!, plain(row[0]!)) }),
    );
    expect(documented.sort()).toEqual(actual.sort());
  });

  it('has tenant tables reference other tables only through organization_id → app.organizations or a reference table', () => {
    const tenants = tenantNames();
    const referenceTables = new Set(
      checkedRows(markdown, 'other-tables')
        .filter((row) => row[1]!.startsWith('reference table'))
        .map((row) => plain(row[0]!)),
    );
    for (const fk of catalog.foreignKeys.filter((k) => tenants.has(k.table) && !tenants.has(k.references))) {
      const where = `${fk.table} (${fk.columns.join(', ')}) → ${fk.references}`;
      expect(referenceTables.has(fk.references), `${where}: the target is not documented as a reference table`).toBe(true);
      if (fk.references === 'app.organizations') expect(fk.columns, where).toEqual(['organization_id']);
    }
  });

  it('lists every unique key of a tenant table besides its primary key, and whether it includes organization_id', () => {
    const tenants = tenantNames();
    const line = (key: { table: string; index: string; columns: string[]; withOrganization: boolean }) =>
      `${key.table} ${key.index} (${key.columns.join(', ')}); organization_id in the key: ${key.withOrganization ? 'yes' : 'no'}`;
    const actual = catalog.uniqueKeys
      .filter((key) => tenants.has(key.table))
      .map((key) => line({ ...key, withOrganization: key.columns.includes('organization_id') }));
    const documented = checkedRows(markdown, 'unique-keys').map((row) =>
      line({ table: plain(row[0]!), index: plain(row[1]!), columns: columnList(row[2]!), withOrganization: yesNo(row[3]!, plain(row[1]!)) }),
    );
    expect(documented.sort()).toEqual(actual.sort());
  });

  it('places every table without organization_id as a reference or coordinator-local table', () => {
    const rows = checkedRows(markdown, 'other-tables');
    for (const row of rows) expect(row[1], plain(row[0]!)).toMatch(/^(reference table|coordinator-local)\b/);
    const documented = rows.map((row) => plain(row[0]!)).sort();
    const actual = [...catalog.tables.values()].filter((table) => !table.hasOrganization).map((table) => table.name).sort();
    expect(documented).toEqual(actual);
  });

  it('names, for each table to partition, a NOT NULL timestamptz time column, its key, and whether it is partitioned; partitioned keys include the partition key', () => {
    const rows = checkedRows(markdown, 'partitioned-tables');
    const documented = new Set(rows.map((row) => plain(row[0]!)));
    for (const row of rows) {
      const [name, timeColumn, partitioned, key] = [plain(row[0]!), plain(row[1]!), row[2]!, columnList(row[3]!)];
      const table = catalog.tables.get(name);
      expect(table, `${name} does not exist`).toBeDefined();
      expect({ table: name, column: timeColumn, ...catalog.columns.get(name)?.get(timeColumn) }).toEqual({
        table: name,
        column: timeColumn,
        type: 'timestamp with time zone',
        notNull: true,
      });
      expect({ table: name, partitioned: table!.partitioned, primaryKey: table!.primaryKey }).toEqual({ table: name, partitioned: yesNo(partitioned, name), primaryKey: key });
      if (table!.partitioned) expect(catalog.partitionKeys.get(name), name).toEqual([timeColumn]);
    }
    // Whatever is partitioned is in the document, and its primary key and unique keys include the partition key.
    for (const table of [...catalog.tables.values()].filter((t) => t.partitioned)) {
      expect(documented.has(table.name), `${table.name} is partitioned but not in the document's list`).toBe(true);
      const partitionKey = catalog.partitionKeys.get(table.name) ?? [];
      for (const key of [table.primaryKey, ...catalog.uniqueKeys.filter((u) => u.table === table.name).map((u) => u.columns)]) {
        for (const column of partitionKey) expect(key, `a key of ${table.name} lacks the partition key ${column}`).toContain(column);
      }
    }
  });

  it('has no foreign key referencing a table to partition', () => {
    const documented = new Set(checkedRows(markdown, 'partitioned-tables').map((row) => plain(row[0]!)));
    const referencing = catalog.foreignKeys.filter((fk) => documented.has(fk.references)).map((fk) => `${fk.table} (${fk.columns.join(', ')}) → ${fk.references}`);
    expect(referencing).toEqual([]);
  });
});

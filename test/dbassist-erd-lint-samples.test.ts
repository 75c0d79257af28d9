import { afterAll, describe, expect, it } from 'vitest';
import { closeMermaidValidator, validateMermaid } from '../src/modules/diagrams/index.js';
import { parseConnectionUri, type NetworkTarget } from '../src/modules/dbassist/drivers/connection-uri.js';
import type { DatabaseDriver } from '../src/modules/dbassist/drivers/driver.js';
import { MysqlDriver } from '../src/modules/dbassist/drivers/mysql.js';
import { PostgresDriver } from '../src/modules/dbassist/drivers/postgres.js';
import { erDiagram } from '../src/modules/dbassist/erd/er-diagram.js';
import { lintSchema } from '../src/modules/dbassist/lint/lint.js';
import { normalizeSchemaModel } from '../src/modules/dbassist/snapshot/index.js';
import type { SchemaModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { loadMysqlChinook, loadPostgresSample, type ScratchDatabase } from './support/sample-dbs.js';

/**
 * ER diagrams and lint of the sample databases as the real drivers crawl them (Northwind and Chinook on the
 * PostgreSQL server, Chinook on MariaDB), normalized as a stored snapshot is. Pagila needs PostgreSQL 18: its diagram
 * is tested on PGlite in src/modules/dbassist/erd/er-diagram.test.ts.
 */

afterAll(async () => {
  await closeMermaidValidator();
});

async function crawl(load: () => Promise<ScratchDatabase>, engine: 'postgres' | 'mysql'): Promise<SchemaModel> {
  const scratch = await load();
  try {
    const target = parseConnectionUri(engine, scratch.uri) as NetworkTarget;
    const driver: DatabaseDriver = engine === 'postgres' ? await PostgresDriver.connect(target) : await MysqlDriver.connect(target);
    try {
      return normalizeSchemaModel(await driver.introspect());
    } finally {
      await driver.close();
    }
  } finally {
    await scratch.drop();
  }
}

/** Every foreign key of the model as "child -> parent : columns", and every relationship the diagram draws, alike. */
function expectEveryForeignKey(model: SchemaModel, code: string): void {
  const expected = model.tables.flatMap((table) => table.foreignKeys.map((key) => `${table.name} -> ${key.refTable} : ${key.columns.join(', ')}`));
  const drawn = [...code.matchAll(/^ {2}(\S+) (?:\|o|\}o)(?:--|\.\.)(?:\|\||o\|) (\S+) : "([^"]*)"$/gm)].map((m) => `${m[1]} -> ${m[2]} : ${m[3]}`);
  expect(expected.length).toBeGreaterThanOrEqual(10);
  expect(drawn.sort()).toEqual(expected.sort());
}

const samples = [
  { name: 'Northwind on PostgreSQL', load: () => loadPostgresSample('northwind'), engine: 'postgres' as const, unindexedForeignKeys: true },
  { name: 'Chinook on PostgreSQL', load: () => loadPostgresSample('chinook'), engine: 'postgres' as const, unindexedForeignKeys: false },
  { name: 'Chinook on MariaDB', load: () => loadMysqlChinook(), engine: 'mysql' as const, unindexedForeignKeys: false },
];

describe.each(samples)('$name', ({ load, engine, unindexedForeignKeys }) => {
  it('draws an ER diagram Mermaid parses, with every table and foreign key, and lints it', async () => {
    const model = await crawl(load, engine);
    const { mermaidCode, tables } = erDiagram(model);
    const validation = await validateMermaid(mermaidCode);
    expect(validation, `${JSON.stringify(validation)}\n${mermaidCode}`).toEqual({ ok: true, diagramType: 'er' });
    expect(tables).toHaveLength(model.tables.length);
    expectEveryForeignKey(model, mermaidCode);

    const findings = lintSchema(model);
    // Every sample table has a primary key. Northwind indexes none of its foreign keys; Chinook indexes them all
    // (and MariaDB would create the indexes anyway).
    expect(findings.filter((f) => f.rule === 'table_without_primary_key')).toEqual([]);
    const unindexed = findings.filter((f) => f.rule === 'foreign_key_without_index');
    if (unindexedForeignKeys) expect(unindexed.map((f) => `${f.table}.${f.column}`)).toContain('public.orders.customer_id');
    else expect(unindexed).toEqual([]);
    for (const finding of findings) expect(finding.message).toContain(`"${finding.table}"`);
  });
});

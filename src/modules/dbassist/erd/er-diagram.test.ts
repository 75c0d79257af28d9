import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSchemaModels, type SampleSchema } from '../../../../test/support/pglite-schema-model.js';
import { closeMermaidValidator, validateMermaid } from '../../diagrams/index.js';
import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import { erDiagram, UnknownTablesError } from './er-diagram.js';

/** ER diagrams of the sample schemas and of hand-made awkward ones, checked with Mermaid's own parser. */

const samples: SampleSchema[] = ['northwind', 'chinook', 'pagila'];
let models: Record<SampleSchema, SchemaModel>;

beforeAll(async () => {
  models = await sampleSchemaModels(samples);
});
afterAll(async () => {
  await closeMermaidValidator();
});

type Relationship = { child: string; childSide: string; line: string; parentSide: string; parent: string; label: string };

/** The relationship lines of a diagram, read back. */
function relationships(code: string): Relationship[] {
  return [...code.matchAll(/^ {2}(\S+) (\|o|\}o|\}\||\|\|)(--|\.\.)(\|\||o\|) (\S+) : "([^"]*)"$/gm)].map((m) => ({
    child: m[1]!,
    childSide: m[2]!,
    line: m[3]!,
    parentSide: m[4]!,
    parent: m[5]!,
    label: m[6]!,
  }));
}

/** The entity identifiers a diagram defines (`name {` or `name["label"] {`). */
function entities(code: string): string[] {
  return [...code.matchAll(/^ {2}([^\s[]+)(?:\["[^"]*"\])? \{$/gm)].map((m) => m[1]!);
}

async function expectParses(code: string): Promise<void> {
  const result = await validateMermaid(code);
  expect(result, `${JSON.stringify(result)}\n${code}`).toEqual({ ok: true, diagramType: 'er' });
}

describe('erDiagram of the sample schemas', () => {
  it.each(samples)('%s: parses with Mermaid, shows every table and view, and draws every foreign key', async (sample) => {
    const model = models[sample];
    const { mermaidCode, tables } = erDiagram(model);
    await expectParses(mermaidCode);

    expect(tables).toEqual(model.tables.map(tableKey));
    // The samples' names are plain and unique: each entity is the table's own name.
    expect(entities(mermaidCode).sort()).toEqual(model.tables.map((table) => table.name).sort());

    const expected = model.tables.flatMap((table) => table.foreignKeys.map((key) => `${table.name} -> ${key.refTable} : ${key.columns.join(', ')}`));
    expect(expected.length).toBeGreaterThan(5);
    const drawn = relationships(mermaidCode).map((r) => `${r.child} -> ${r.parent} : ${r.label}`);
    expect(drawn.sort()).toEqual(expected.sort());
  });

  it('marks keys, and reads cardinality from nullability and uniqueness', () => {
    const { mermaidCode } = erDiagram(models.pagila);
    const drawn = relationships(mermaidCode);
    const find = (child: string, label: string) => drawn.find((r) => r.child === child && r.label === label);
    // film.original_language_id may be NULL: a film has zero or one original language.
    expect(find('film', 'original_language_id')).toMatchObject({ childSide: '}o', parentSide: 'o|', parent: 'language', line: '..' });
    expect(find('film', 'language_id')).toMatchObject({ childSide: '}o', parentSide: '||' });
    // film_embedding's key is its primary key: at most one embedding per film, and the key identifies the row.
    expect(find('film_embedding', 'film_id')).toMatchObject({ childSide: '|o', parentSide: '||', line: '--' });
    expect(mermaidCode).toMatch(/^ {4}integer film_id PK, FK$/m);
    expect(mermaidCode).toMatch(/^ {4}timestamp_with_time_zone last_update$/m);
    expect(mermaidCode).toMatch(/^ {2}film_list\["film_list \(view\)"\] \{$/m);
  });

  it('draws a viewpoint with only its tables and the foreign keys between them', async () => {
    const model = models.northwind;
    const { mermaidCode, tables } = erDiagram(model, ['order_details', 'public.orders', 'CUSTOMERS']);
    await expectParses(mermaidCode);
    expect(tables).toEqual(['public.customers', 'public.order_details', 'public.orders']);
    expect(entities(mermaidCode).sort()).toEqual(['customers', 'order_details', 'orders']);
    const drawn = relationships(mermaidCode).map((r) => `${r.child} -> ${r.parent}`);
    expect(drawn.sort()).toEqual(['order_details -> orders', 'orders -> customers']);
    // The keys to products, employees and shippers are left out, yet the columns still say FK.
    expect(mermaidCode).toMatch(/ product_id PK, FK$/m);
    expect(mermaidCode).not.toContain('products');
  });

  it('refuses names that match no table, or several, naming each', () => {
    const model = twoNamespaces();
    let error: unknown;
    try {
      erDiagram(model, ['orders', 'nope', 'sales.missing', 'clients']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownTablesError);
    expect((error as UnknownTablesError).unknown).toEqual(['nope', 'sales.missing']);
    expect((error as UnknownTablesError).ambiguous).toEqual([{ name: 'orders', matches: ['hr.orders', 'sales.orders'] }]);
    expect((error as Error).message).toContain('"nope"');
    expect(erDiagram(model, ['sales.orders', 'clients']).tables).toEqual(['sales.clients', 'sales.orders']);
  });
});

const column = (name: string, dataType: string, more: Partial<TableModel['columns'][number]> = {}): TableModel['columns'][number] => ({
  name,
  ordinal: 1,
  dataType,
  isNullable: false,
  defaultValue: null,
  comment: null,
  isIdentity: false,
  enumName: null,
  ...more,
});

function table(namespace: string, name: string, more: Partial<TableModel> = {}): TableModel {
  return {
    namespace,
    name,
    kind: 'table',
    comment: null,
    rowEstimate: null,
    columns: [column('id', 'integer')],
    primaryKey: { name: null, columns: ['id'] },
    foreignKeys: [],
    uniques: [],
    checks: [],
    indexes: [],
    triggers: [],
    viewDefinition: null,
    ...more,
  };
}

const fk = (columns: string[], refNamespace: string, refTable: string) => ({
  name: null,
  columns,
  refNamespace,
  refTable,
  refColumns: ['id'],
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

function twoNamespaces(): SchemaModel {
  return {
    engine: 'postgres',
    serverVersion: null,
    namespaces: ['hr', 'sales'],
    enums: [],
    tables: [
      table('hr', 'orders'),
      table('sales', 'clients'),
      table('sales', 'orders', { columns: [column('id', 'integer'), column('client_id', 'integer', { isNullable: true })], foreignKeys: [fk(['client_id'], 'sales', 'clients')] }),
    ],
  };
}

describe('erDiagram of awkward names', () => {
  it('aliases names Mermaid cannot take as they are, and qualifies names two namespaces share', async () => {
    const model: SchemaModel = {
      ...twoNamespaces(),
      tables: [
        ...twoNamespaces().tables,
        table('sales', 'order line', {
          columns: [
            column('id', 'integer'),
            column('order_id', 'integer'),
            column('pk', 'character varying(40)', { comment: 'Says "hi"\nthen url(https://x.test/a.png) <img src=x> 100%% done' }),
            column('2fa code', 'timestamp(3) with time zone'),
            column('unit', 'enum(\'kg\',\'g\')'),
          ],
          foreignKeys: [fk(['order_id'], 'sales', 'orders')],
          uniques: [{ name: 'one_order', columns: ['order_id'] }],
        }),
        table('sales', 'one'),
        table('sales', 'end', { foreignKeys: [fk(['id'], 'sales', 'one')] }),
        table('sales', '2019.archive', { kind: 'materialized_view', primaryKey: null }),
      ],
    };
    const { mermaidCode } = erDiagram(model);
    await expectParses(mermaidCode);
    expect(mermaidCode).toContain('hr__orders["hr.orders"] {');
    expect(mermaidCode).toContain('sales__orders["sales.orders"] {');
    expect(mermaidCode).toContain('e_order_line["order line"] {');
    expect(mermaidCode).toContain('e_2019_archive["2019.archive (materialized view)"] {');
    expect(mermaidCode).not.toMatch(/url\s*\(|<img|%%/);
    const drawn = relationships(mermaidCode);
    expect(drawn).toContainEqual({ child: 'sales__orders', childSide: '}o', line: '..', parentSide: 'o|', parent: 'clients', label: 'client_id' });
    // A unique foreign key: at most one line per order.
    expect(drawn).toContainEqual({ child: 'e_order_line', childSide: '|o', line: '..', parentSide: '||', parent: 'sales__orders', label: 'order_id' });
    expect(drawn).toContainEqual({ child: 'e_end', childSide: '|o', line: '--', parentSide: '||', parent: 'e_one', label: 'id' });
  });
});

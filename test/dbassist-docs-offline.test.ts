import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateTexts } from '../src/core/text/quality/index.js';
import { documentSchemaOffline } from '../src/modules/dbassist/ai/document-schema/offline.js';
import { documentSchemaPrompt } from '../src/modules/dbassist/ai/document-schema/prompt.js';
import type { DocumentSchemaOutput, TableDocInput } from '../src/modules/dbassist/ai/document-schema/index.js';
import { schemaDocInput, tableDocInput, type TableStats } from '../src/modules/dbassist/docs/doc-inputs.js';
import { columnStats, maskValue, personalKindOf } from '../src/modules/dbassist/docs/personal-data.js';
import type { ColumnSample } from '../src/modules/dbassist/drivers/driver.js';
import type { ColumnModel, SchemaModel, TableModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { loadSampleDatabase, sampleRows, type LoadedSample } from './support/dbassist-pglite.js';
import { column as modelColumn, table as modelTable } from './support/schema-models.js';

/**
 * The offline documentation engine on the real sample schemas (loaded into PGlite, read back from its catalog and
 * sampled) and on invented ones: specific, grammatical, honest about inference, and never showing personal data.
 */

type Documented = { input: TableDocInput; output: DocumentSchemaOutput };

async function documentAll(sample: LoadedSample, template: 'short' | 'full'): Promise<Map<string, Documented>> {
  const result = new Map<string, Documented>();
  for (const table of sample.model.tables) {
    const raw = await sample.driver.sampleColumns(table, 1000).catch(() => null);
    const stats: TableStats | null = raw ? Object.fromEntries(table.columns.map((c) => [c.name, columnStats(c.name, c.dataType, raw[c.name]!)])) : null;
    const input = tableDocInput(sample.model, table, stats, template);
    result.set(table.name, { input, output: documentSchemaOffline(input) });
  }
  return result;
}

function column(docs: Map<string, Documented>, table: string, name: string): string {
  const found = docs.get(table)?.output.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no description of ${table}.${name}`);
  return found.description;
}

/** Every table described, every column described once in order, and every text through the quality gate. */
function expectCompleteAndClean(docs: Map<string, Documented>, model: SchemaModel): void {
  expect([...docs.keys()].sort()).toEqual(model.tables.map((t) => t.name).sort());
  for (const table of model.tables) {
    const { output } = docs.get(table.name)!;
    expect(output.description.trim().length, table.name).toBeGreaterThan(20);
    expect(output.columns.map((c) => c.name)).toEqual(table.columns.map((c) => c.name));
    const gate = gateTexts([
      { path: `${table.name}`, text: output.description, kind: 'markdown' },
      ...output.columns.map((c) => ({ path: `${table.name}.${c.name}`, text: c.description, kind: 'title' as const })),
    ]);
    expect(gate.failures, JSON.stringify(gate.failures)).toEqual([]);
    for (const c of output.columns) {
      expect(c.description, `${table.name}.${c.name}`).toMatch(/^[A-Z`]/);
      expect(c.description, `${table.name}.${c.name}`).toMatch(/[.…]$/);
      expect(c.description).not.toMatch(/\bundefined\b|\bnull\b|\[object|\s{2,}/i);
    }
    expect(output.description).not.toMatch(/\bundefined\b|\[object|\ba (?:order|employee|address|invoice|album|artist|actor)\b/);
  }
}

describe('offline documentation of Northwind', () => {
  let northwind: LoadedSample;
  let short: Map<string, Documented>;
  let full: Map<string, Documented>;
  beforeAll(async () => {
    northwind = await loadSampleDatabase('northwind/northwind.sql');
    short = await documentAll(northwind, 'short');
    full = await documentAll(northwind, 'full');
  });
  afterAll(async () => {
    await northwind?.close();
  });

  it('documents every table and column in grammatical text, in both templates', () => {
    expectCompleteAndClean(short, northwind.model);
    expectCompleteAndClean(full, northwind.model);
    for (const { output } of short.values()) expect(output.description).not.toContain('\n\n');
    for (const { output } of full.values()) {
      expect(output.description).toMatch(/^## Purpose\n[\s\S]*\n## Columns\n[\s\S]*\n## Relationships\n[\s\S]*\n## Data notes\n/);
      // A bare "null" outside code reads as a leaked placeholder, and the quality gate would cut it out of the text.
      expect(output.description).not.toMatch(/(?<![\p{L}\p{N}_`])(?:undefined|null|NaN)(?![\p{L}\p{N}_`])/u);
    }
  });

  it('names the referenced table of a foreign key, and what a row belongs to and what refers to it', async () => {
    expect(column(short, 'orders', 'customer_id')).toMatch(/^The customer this order belongs to \(in `customers`\)/);
    expect(column(short, 'orders', 'ship_via')).toContain('`shippers`');
    expect(column(short, 'employees', 'reports_to')).toMatch(/The employee this employee reports to/);
    const orders = short.get('orders')!.output.description;
    expect(orders).toMatch(/^Each row is probably an order, identified by `order_id`\./);
    for (const parent of ['customers', 'employees', 'shippers']) expect(orders).toContain(`\`${parent}\``);
    expect(orders).toContain('`order_details` (`order_id`) refers to it.');
    const { rows } = await northwind.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
    expect(orders).toContain(`about ${rows[0]!.n.toLocaleString('en-US')} rows`);
    // A pure link table is described as one.
    expect(short.get('employee_territories')!.output.description).toMatch(/^Each row links one employee to one territory/);
  });

  it('reports ranges, nulls and closed sets of values from the sample', async () => {
    const { rows } = await northwind.pglite.query<{ lo: number; hi: number; empty: number; n: number }>(
      'SELECT min(unit_price)::float8 AS lo, max(unit_price)::float8 AS hi, (SELECT count(*) FROM suppliers WHERE fax IS NULL)::int AS empty, (SELECT count(*) FROM suppliers)::int AS n FROM order_details',
    );
    const { lo, hi, empty, n } = rows[0]!;
    expect(column(short, 'order_details', 'unit_price')).toContain(`from \`${lo}\` to \`${hi}\` in the sample`);
    expect(column(short, 'suppliers', 'fax')).toContain(`optional: empty in ${Math.round((100 * empty) / n)}% of sampled rows`);
    expect(column(short, 'products', 'discontinued')).toMatch(/^Probably whether the product is discontinued/);
    const countries = await northwind.pglite.query<{ country: string }>('SELECT DISTINCT country FROM employees');
    for (const { country } of countries.rows) expect(column(short, 'employees', 'country')).toContain(`\`${country}\``);
  });

  it('masks personal columns: names, addresses and phone numbers never appear as sampled', async () => {
    const personal = ['contact_name', 'phone', 'address', 'postal_code', 'fax'] as const;
    const { rows } = await northwind.pglite.query<Record<string, string | null>>(`SELECT ${personal.join(', ')} FROM customers`);
    for (const name of personal) {
      // What is written about the column: its own descriptions and its line in the full table description.
      const line = full.get('customers')!.output.description.split('\n').find((l) => l.startsWith(`- \`${name}\``));
      const texts = [column(short, 'customers', name), column(full, 'customers', name), line ?? ''].join('\n');
      expect(line).toBeDefined();
      for (const row of rows) if (row[name]) expect(texts).not.toContain(row[name]);
    }
    expect(column(short, 'customers', 'contact_name')).toMatch(/`[A-Z]\*\*\* [A-Z]\*\*\*`.*masked/);
    expect(full.get('customers')!.output.description).toMatch(/`contact_name`.* look personal; their sampled values are masked/);
    // Dates are not mistaken for phone numbers.
    expect(column(short, 'orders', 'order_date')).toMatch(/^The date of the order \(from `1996-/);
  });

  it('writes a database overview naming its central tables', () => {
    const overview = documentSchemaOffline(schemaDocInput(northwind.model, 'Northwind', 'short')).description;
    expect(overview).toMatch(/^The “Northwind” database holds 14 tables in `public`\./);
    expect(overview).toMatch(/probably keeps track of .*orders/);
    const fullOverview = documentSchemaOffline(schemaDocInput(northwind.model, 'Northwind', 'full')).description;
    expect(fullOverview).toMatch(/## Main tables\n\n- `employees`: about 9 rows, 18 columns, referred to by 3 foreign keys\./);
  });
});

describe('offline documentation of Chinook and Pagila', () => {
  let chinook: LoadedSample;
  let pagila: LoadedSample;
  beforeAll(async () => {
    chinook = await loadSampleDatabase('chinook/Chinook_PostgreSql.sql');
    pagila = await loadSampleDatabase('pagila/pagila-schema.sql');
  });
  afterAll(async () => {
    await chinook?.close();
    await pagila?.close();
  });

  it('describes an email column as an email and masks its examples', async () => {
    const docs = await documentAll(chinook, 'full');
    expectCompleteAndClean(docs, chinook.model);
    const email = column(docs, 'customer', 'email');
    expect(email).toMatch(/^The email address of the customer\./);
    expect(email).toMatch(/Examples \(masked\): `[a-z]\*\*\*@[a-z]\*\*\*\.[a-z]+`/);
    const { rows } = await chinook.pglite.query<{ email: string }>('SELECT email FROM customer');
    const everything = [...docs.values()].flatMap(({ output }) => [output.description, ...output.columns.map((c) => c.description)]).join('\n');
    for (const row of rows) expect(everything).not.toContain(row.email);
    // A foreign key whose column names a role says so.
    expect(docs.get('customer')!.output.description).toContain('A customer can have a support rep (`support_rep_id` → `employee`)');
  });

  it('documents a schema without rows: views, enums, link tables, secrets and undeclared references', async () => {
    const docs = await documentAll(pagila, 'short');
    expectCompleteAndClean(docs, pagila.model);
    expect(docs.get('film_actor')!.output.description).toMatch(/^Each row links one actor to one film, and the pair is the primary key\./);
    expect(docs.get('sales_by_store')!.output.description).toMatch(/^A view that reads from .*`store`/);
    expect(column(docs, 'film', 'rating')).toMatch(/one of `G`, `PG`, `PG-13`, `R` or `NC-17`/);
    expect(column(docs, 'staff', 'password')).toMatch(/^A secret of the staff member .*none of its values are shown/);
    expect(column(docs, 'payment', 'customer_id')).toMatch(/^Probably the customer this payment refers to \(in `customer`\), although no foreign key is declared/);
    expect(column(docs, 'customer', 'create_date')).toBe('When the customer was created.');
    expect(docs.get('actor')!.output.description).toContain('It held no rows when it was sampled.');
  });
});

// ── Invented schemas ───────────────────────────────────────────────────────────────────────────────────────────────
const col = modelColumn;
const table = (name: string, columns: ColumnModel[], extra: Partial<TableModel> = {}): TableModel => modelTable(name, columns, { namespace: 'app', ...extra });

describe('offline documentation of invented schemas', () => {
  const accounts = table(
    'UserAccounts',
    [
      col('AccountId', 'bigint', { isNullable: false, isIdentity: true }),
      col('EmailAddress', 'varchar(200)', { isNullable: false }),
      col('status', 'text', { isNullable: false, defaultValue: "'active'::text" }),
      col('created_at', 'timestamp with time zone', { isNullable: false, defaultValue: 'now()' }),
      col('is_verified', 'boolean', { isNullable: false }),
      col('balance_cents', 'integer'),
      col('preferences', 'jsonb'),
      col('api_token', 'text'),
      col('nickname', 'text', { comment: 'What the account holder wants to be called in greetings' }),
    ],
    { primaryKey: { name: 'accounts_pkey', columns: ['AccountId'] }, uniques: [{ name: 'accounts_email_key', columns: ['EmailAddress'] }], rowEstimate: 1200 },
  );
  const events = table('audit_events', [col('account_id', 'bigint'), col('kind', 'text'), col('payload', 'json')], { rowEstimate: 0 });
  const model: SchemaModel = { engine: 'postgres', serverVersion: '16', namespaces: ['app'], tables: [accounts, events], enums: [] };

  const rows = Array.from({ length: 100 }, (_, i) => ({
    AccountId: i + 1,
    EmailAddress: `person${i}@mail${i % 3}.example.org`,
    status: ['active', 'suspended', 'closed'][i % 3],
    created_at: new Date(Date.UTC(2024, 0, 1 + i)),
    is_verified: i % 2 === 0,
    balance_cents: i < 23 ? null : i * 10,
    preferences: { theme: 'dark' },
    api_token: `tok_${i}_secretvalue`,
    nickname: `Nick${i}`,
  }));
  const samples: Record<string, ColumnSample> = sampleRows(rows, accounts.columns.map((c) => c.name));
  const stats: TableStats = Object.fromEntries(accounts.columns.map((c) => [c.name, columnStats(c.name, c.dataType, samples[c.name]!)]));

  it('recognises column roles and says what the sample shows', () => {
    const { columns, description } = documentSchemaOffline(tableDocInput(model, accounts, stats, 'short'));
    const by = new Map(columns.map((c) => [c.name, c.description]));
    expect(description).toMatch(/^Each row is probably a user account, identified by `AccountId`\. It holds about 1,200 rows\.$/);
    expect(by.get('AccountId')).toBe('The unique identifier of each user account, assigned by the database.');
    expect(by.get('EmailAddress')).toMatch(/^The email address of the user account \(unique; for example `p\*\*\*@m\*\*\*\.org`, masked\)\.$/);
    expect(by.get('status')).toBe('The status of the user account (sampled values `active`, `suspended` and `closed`).');
    expect(by.get('created_at')).toBe('When the user account was created (from `2024-01-01` to `2024-04-09` in the sample).');
    expect(by.get('is_verified')).toMatch(/^Whether the user account is verified/);
    expect(by.get('balance_cents')).toMatch(/optional: empty in 23% of sampled rows/);
    expect(by.get('preferences')).toMatch(/^Structured data \(JSON\).*the schema does not say which keys it has/);
    expect(by.get('api_token')).toMatch(/^A secret of the user account/);
    expect(by.get('nickname')).toMatch(/^What the account holder wants to be called in greetings/);
    const everything = [description, ...columns.map((c) => c.description)].join('\n');
    expect(everything).not.toMatch(/secretvalue|person\d+@/);
    expect(stats.api_token).toMatchObject({ masked: true, examples: [], min: null, max: null });
  });

  it('reads a 0/1 integer as a flag only when both values occur, and never a quantity as one', () => {
    const lines = table('order_lines', [col('line_id', 'integer', { isNullable: false }), col('quantity', 'integer', { isNullable: false }), col('gift_wrapped', 'integer'), col('priority', 'integer')], {
      primaryKey: { name: 'order_lines_pkey', columns: ['line_id'] },
    });
    const lineRows = Array.from({ length: 40 }, (_, i) => ({ line_id: i + 1, quantity: 1, gift_wrapped: i % 2, priority: 1 }));
    const lineSamples = sampleRows(lineRows, lines.columns.map((c) => c.name));
    const lineStats: TableStats = Object.fromEntries(lines.columns.map((c) => [c.name, columnStats(c.name, c.dataType, lineSamples[c.name]!)]));
    const shop: SchemaModel = { engine: 'postgres', serverVersion: '16', namespaces: ['app'], tables: [lines], enums: [] };
    const by = new Map(documentSchemaOffline(tableDocInput(shop, lines, lineStats, 'short')).columns.map((c) => [c.name, c.description]));
    expect(by.get('gift_wrapped')).toMatch(/^(?:Probably w|W)hether the order line is/);
    expect(by.get('quantity')).not.toMatch(/whether/i);
    expect(by.get('priority')).not.toMatch(/whether/i);
  });

  it('gives a remote model the facts with personal values already masked, and the template it must follow', () => {
    const { system, prompt } = documentSchemaPrompt(tableDocInput(model, accounts, stats, 'full'));
    expect(system).toContain('data dictionary');
    expect(prompt).toContain('"## Purpose", "## Columns" (a bullet list, one item per column), "## Relationships" and "## Data notes"');
    expect(prompt).toContain('say "probably"');
    expect(prompt).toContain('p***@m***.org');
    expect(prompt).not.toMatch(/person\d+@|secretvalue/);
    expect(prompt).toContain('Other tables of the database: app.audit_events.');
  });

  it('is honest about what it cannot know', () => {
    const { columns, description } = documentSchemaOffline(tableDocInput(model, events, null, 'full'));
    expect(description).toContain('The table has no primary key');
    expect(description).toContain('No values were sampled');
    expect(columns[0]!.description).toMatch(/^Probably the user account this audit event refers to \(in `UserAccounts`\), although no foreign key is declared/);
  });

  it('masks personal values and recognises them by their values too', () => {
    expect(maskValue('email', 'john.smith@example.com')).toBe('j***@e***.com');
    expect(maskValue('phone', '(503) 555-9931')).toBe('(***) ***-**31');
    expect(maskValue('person_name', 'Maria Anders')).toBe('M*** A***');
    expect(maskValue('birth_date', '1968-12-08')).toBeNull();
    expect(personalKindOf('contact', ['ann@example.com', 'bob@example.net'])).toBe('email');
    expect(personalKindOf('origin', ['10.0.0.1', '192.168.4.20'])).toBe('ip_address');
    expect(personalKindOf('shipped', ['1996-07-04', '1997-01-02'], 'date')).toBeNull();
    expect(personalKindOf('order_date', ['1996-07-04'], 'text')).toBeNull();
    expect(personalKindOf('password_hash')).toBe('secret');
    expect(personalKindOf('company_name')).toBeNull();
    const secret = columnStats('reset_token', 'text', { sampledRows: 3, nullCount: 0, distinctCount: 3, min: 'a1', max: 'z9', examples: ['a1', 'b2', 'z9'] });
    expect(secret).toMatchObject({ examples: [], min: null, max: null, masked: true });
  });
});

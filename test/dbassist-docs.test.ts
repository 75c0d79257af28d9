import { unzipSync, strFromU8 } from 'fflate';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, moduleRegistry } from '../src/app.js';
import { withUser } from '../src/core/db/tenancy.js';
import { createJobRunner, type JobRunner } from '../src/core/jobs/index.js';
import { schemaColumns, schemaTables } from '../src/modules/dbassist/index.js';
import { snapshotCoverage } from '../src/modules/dbassist/docs/coverage.js';
import { generateDocsJob } from '../src/modules/dbassist/docs/generate-docs.job.js';
import { tableKey } from '../src/modules/dbassist/snapshot/schema-model.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { loadSampleDatabase, type LoadedSample } from './support/dbassist-pglite.js';
import { insertConnection, insertSnapshot, type StoredSnapshotRows } from './support/dbassist-snapshots.js';
import { createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/**
 * Database documentation through the API: generation as a job over a stored Northwind snapshot (sampled through a
 * driver on the loaded sample database), coverage, a person's edit that survives regeneration, and the Markdown site.
 */
type Doc = { id: string; scope: string; refId: string; objectKey: string; contentMd: string; template: string; source: string; stale: boolean };

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(testDrivers)('database documentation on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;
  let northwind: LoadedSample;
  let team: Team;
  let snapshot: StoredSnapshotRows;
  const unreachable = new Set<string>();
  const { api, finished, team: teamOf } = apiHarness(() => t);

  beforeAll(async () => {
    [t, northwind] = await Promise.all([createTestApp(kind), loadSampleDatabase('northwind/northwind.sql')]);
    // The product's opener reaches real databases; here every connection samples the loaded Northwind, except one
    // that stands for a database that cannot be reached.
    const context = createAppContext({ config: t.config, db: t.database.db, mailer: { send: async () => undefined }, ai: t.ai });
    const docsJob = generateDocsJob(context, {
      openDriver: async (connection) => {
        if (unreachable.has(connection.id)) throw new Error('connection refused');
        return northwind.driver;
      },
    });
    const handlers = moduleRegistry.jobHandlers(context).map((handler) => (handler.type === docsJob.type ? docsJob : handler));
    runner = createJobRunner({ db: t.database.db, handlers, log: quiet, concurrency: 1, pollIntervalMs: 50, heartbeatMs: 500, staleAfterMs: 30_000 });
    runner.start();
    team = await teamOf({ name: 'Traders' });
    const connectionId = await insertConnection(t.database.db, team.editor.id, team.orgId, 'Northwind');
    snapshot = await insertSnapshot(t.database.db, team.editor.id, connectionId, northwind.model);
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
    await northwind?.close();
  });

  const docsOf = async (schemaId: string) => (await api('GET', `/schemas/${schemaId}/docs`, team.viewer)).data.items as Doc[];

  it('generates documentation for every table and column, with statistics and descriptions on the snapshot', async () => {
    expect((await api('POST', `/schemas/${snapshot.schemaId}/docs/generate`, team.viewer, {})).statusCode).toBe(403);
    const bad = await api('POST', `/schemas/${snapshot.schemaId}/docs/generate`, team.editor, { tables: ['orders', 'no_such_table'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details).toEqual([expect.objectContaining({ field: 'tables.1' })]);
    expect((await api('POST', `/schemas/${snapshot.schemaId}/docs/generate`, team.editor, { template: 'long' })).statusCode).toBe(400);

    const started = await api('POST', `/schemas/${snapshot.schemaId}/docs/generate`, team.editor, {});
    expect(started.statusCode, JSON.stringify(started.data)).toBe(202);
    const job = await finished(team.editor, started.data.jobId as string);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ tables: 14, sampled: true });

    const docs = await docsOf(snapshot.schemaId);
    const columnCount = northwind.model.tables.reduce((sum, table) => sum + table.columns.length, 0);
    expect(docs.filter((d) => d.scope === 'schema')).toHaveLength(1);
    expect(docs.filter((d) => d.scope === 'table').map((d) => d.objectKey).sort()).toEqual(northwind.model.tables.map(tableKey).sort());
    expect(docs.filter((d) => d.scope === 'column')).toHaveLength(columnCount);
    for (const doc of docs) {
      expect(doc.contentMd.trim().length, doc.objectKey).toBeGreaterThan(10);
      expect(doc).toMatchObject({ source: 'ai', template: 'short', stale: false });
    }
    expect(docs.find((d) => d.objectKey === 'public.orders')!.refId).toBe(snapshot.tableIds.get('public.orders'));
    expect(docs.find((d) => d.objectKey === 'public.orders.customer_id')!.contentMd).toMatch(/^The customer this order belongs to \(in `customers`\)/);

    const coverage = await withUser(t.database.db, team.viewer.id, (tx) => snapshotCoverage(tx, snapshot.schemaId));
    expect(coverage).toEqual({ tables: 1, columns: 1 });

    await withUser(t.database.db, team.viewer.id, async (tx) => {
      const [orders] = await tx.select().from(schemaTables).where(eq(schemaTables.id, snapshot.tableIds.get('public.orders')!));
      expect(orders!.description).toMatch(/^Each row is probably an order, identified by order_id\./);
      const [contact] = await tx.select().from(schemaColumns).where(eq(schemaColumns.id, snapshot.columnIds.get('public.customers.contact_name')!));
      expect(contact!.stats).toMatchObject({ masked: true, min: null, max: null, sampledRows: 91 });
      expect(contact!.stats!.examples.length).toBeGreaterThan(0);
      for (const example of contact!.stats!.examples) expect(example).toMatch(/^(?:\S\*\*\*\s?)+$/);
      const [freight] = await tx.select().from(schemaColumns).where(eq(schemaColumns.id, snapshot.columnIds.get('public.orders.freight')!));
      expect(freight!.stats).toMatchObject({ masked: false, nullShare: 0 });
      expect(Number(freight!.stats!.max)).toBeGreaterThan(Number(freight!.stats!.min));
    });
  });

  it("keeps a person's edit through regeneration unless told to overwrite it", async () => {
    const docs = await docsOf(snapshot.schemaId);
    const orders = docs.find((d) => d.objectKey === 'public.orders')!;
    const text = 'Orders placed by **customers**; one row per order.\n\nShipping fields describe where it went.';
    expect((await api('PATCH', `/schemas/${snapshot.schemaId}/docs/${orders.id}`, team.viewer, { contentMd: text })).statusCode).toBe(403);
    const stranger = await createUser(t);
    expect((await api('PATCH', `/schemas/${snapshot.schemaId}/docs/${orders.id}`, stranger, { contentMd: text })).statusCode).toBe(404);
    expect((await api('GET', `/schemas/${snapshot.schemaId}/docs`, stranger)).statusCode).toBe(404);
    const invalid = await api('PATCH', `/schemas/${snapshot.schemaId}/docs/${orders.id}`, team.editor, { contentMd: 42 });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.stringify(invalid.data)).toContain('contentMd');
    expect((await api('PATCH', `/schemas/${snapshot.schemaId}/docs/not-a-uuid`, team.editor, { contentMd: text })).statusCode).toBe(404);

    const edited = await api('PATCH', `/schemas/${snapshot.schemaId}/docs/${orders.id}`, team.editor, { contentMd: text });
    expect(edited.statusCode, JSON.stringify(edited.data)).toBe(200);
    expect(edited.data).toMatchObject({ id: orders.id, contentMd: text, source: 'human', template: 'manual', stale: false });
    const description = async () =>
      withUser(t.database.db, team.viewer.id, async (tx) => (await tx.select().from(schemaTables).where(eq(schemaTables.id, snapshot.tableIds.get('public.orders')!)))[0]!.description);
    expect(await description()).toBe('Orders placed by customers; one row per order.');

    const again = await api('POST', `/schemas/${snapshot.schemaId}/docs/generate`, team.editor, { template: 'full' });
    expect((await finished(team.editor, again.data.jobId as string)).status).toBe('succeeded');
    const after = await docsOf(snapshot.schemaId);
    expect(after.find((d) => d.id === orders.id)).toMatchObject({ contentMd: text, source: 'human' });
    expect(after.find((d) => d.objectKey === 'public.customers')!.contentMd).toMatch(/^## Purpose/);
    expect(await description()).toBe('Orders placed by customers; one row per order.');

    const overwrite = await api('POST', `/schemas/${snapshot.schemaId}/docs/generate`, team.editor, { template: 'short', tables: ['orders'], overwriteHuman: true });
    expect((await finished(team.editor, overwrite.data.jobId as string)).status).toBe('succeeded');
    const replaced = (await docsOf(snapshot.schemaId)).find((d) => d.id === orders.id)!;
    expect(replaced).toMatchObject({ source: 'ai', template: 'short' });
    expect(replaced.contentMd).toMatch(/^Each row is probably an order/);
    // Only the named table was regenerated: the others keep the full template.
    expect((await docsOf(snapshot.schemaId)).find((d) => d.objectKey === 'public.customers')!.contentMd).toMatch(/^## Purpose/);

    const audit = await api('GET', '/audit?limit=200', team.editor);
    const actions = (audit.data.items as Array<{ action: string }>).map((e) => e.action);
    expect(actions.filter((a) => a === 'schema_docs_generated')).toHaveLength(3);
    expect(actions).toContain('schema_doc_edited');
  });

  it('exports a Markdown site with an index, one page per table and the ER diagram', async () => {
    const response = await api('GET', `/schemas/${snapshot.schemaId}/docs.zip`, team.viewer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="Northwind-v1-[0-9a-f]{12}-docs\.zip"$/);
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const pages = Object.keys(files).filter((name) => name.startsWith('tables/'));
    expect(pages.sort()).toEqual(northwind.model.tables.map((table) => `tables/${tableKey(table)}.md`).sort());
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.md', 'er.md']));
    const readme = strFromU8(files['README.md']!);
    for (const table of northwind.model.tables) expect(readme).toContain(`[${tableKey(table)}](tables/${tableKey(table)}.md) | table | ${table.columns.length} |`);
    const orders = strFromU8(files['tables/public.orders.md']!);
    expect(orders).toContain('| customer_id | `character varying(5)` | yes | FK → [public.customers](../tables/public.customers.md) |');
    expect(orders).toMatch(/## Constraints[\s\S]*## Relationships[\s\S]*```mermaid\nerDiagram\n/);
    // The table's neighbours are drawn with it: every foreign key from or to orders is a relationship.
    for (const parent of ['customers', 'employees', 'shippers']) expect(orders).toMatch(new RegExp(`\\n\\s*orders \\S+ ${parent} : "`));
    expect(orders).toMatch(/\n\s*order_details \S+ orders : "order_id"/);
    expect(strFromU8(files['er.md']!)).toContain('erDiagram');
  });

  it('documents from the schema alone when the database cannot be sampled', async () => {
    const connectionId = await insertConnection(t.database.db, team.editor.id, team.orgId, 'Unreachable');
    unreachable.add(connectionId);
    const offline = await insertSnapshot(t.database.db, team.editor.id, connectionId, northwind.model);
    const started = await api('POST', `/schemas/${offline.schemaId}/docs/generate`, team.editor, { tables: ['public.shippers'] });
    const job = await finished(team.editor, started.data.jobId as string);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ sampled: false, samplingProblem: 'The database could not be sampled: connection refused' });
    const docs = await docsOf(offline.schemaId);
    expect(docs.filter((d) => d.scope !== 'column').map((d) => d.objectKey).sort()).toEqual(['', 'public.shippers']);
    expect(docs.find((d) => d.objectKey === 'public.shippers.phone')!.contentMd).toBe('The phone number of the shipper (optional).');
    const coverage = await withUser(t.database.db, team.viewer.id, (tx) => snapshotCoverage(tx, offline.schemaId));
    expect(coverage).toEqual({ tables: 1 / 14, columns: 3 / northwind.model.tables.reduce((sum, table) => sum + table.columns.length, 0) });
  });
});

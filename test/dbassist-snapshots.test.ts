import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, moduleRegistry } from '../src/app.js';
import { withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { createJobRunner, enqueueJob, type JobRunner } from '../src/core/jobs/index.js';
import { connections, schemaDocs } from '../src/modules/dbassist/dbassist.schema.js';
import type { DatabaseDriver } from '../src/modules/dbassist/drivers/driver.js';
import { INGEST_JOB, ingestJob, objectFingerprint, prepareSnapshot, storeSnapshot, type ConnectionDriverOpener } from '../src/modules/dbassist/snapshot/index.js';
import { rowsOf } from '../src/modules/dbassist/snapshot/snapshot-store.js';
import type { SchemaModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { column, shopModel } from './support/schema-models.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/**
 * Schema versions through the API, with a driver that answers the model a test gives it: the first ingest makes v1, an
 * unchanged crawl makes none, an added column makes v2 whose diff and SQL show exactly it, documentation follows the
 * new rows and is flagged stale only where its object changed, and a failed store leaves nothing.
 */

type Version = { id: string; version: string; sequence: number; tableCount: number; columnCount: number };
type DetailTable = {
  id: string;
  name: string;
  description: string | null;
  primaryKey: string[];
  referencedBy: Array<{ table: string; columns: string[] }>;
  columns: Array<{ id: string; name: string; isPk: boolean; isFk: boolean; fkTableId: string | null; description: string | null }>;
};

const clone = (model: SchemaModel): SchemaModel => structuredClone(model);

describe.each(testDrivers)('dbassist schema snapshots on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, team: teamOf } = apiHarness(() => t);
  /** What the fake database of each connection looks like right now. */
  const databases = new Map<string, SchemaModel>();
  const progressSeen: number[] = [];

  const fakeOpener: ConnectionDriverOpener = async (connection) => {
    const driver: DatabaseDriver = {
      engine: 'postgres',
      probe: async () => ({ serverVersion: '16.4', user: 'reader', canWrite: false }),
      async introspect(onProgress) {
        const model = databases.get(connection.id);
        if (!model) throw new Error('connect ECONNREFUSED postgres://reader:hunter2@db.internal:5432/shop');
        model.tables.forEach((_, index) => onProgress?.(index + 1, model.tables.length));
        progressSeen.push(model.tables.length);
        return clone(model);
      },
      sampleColumns: async () => ({}),
      close: async () => undefined,
    };
    return driver;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const context = createAppContext({ config: t.config, db: t.database.db, mailer: { send: async () => undefined }, ai: t.ai });
    const handlers = moduleRegistry.jobHandlers(context).map((handler) => (handler.type === INGEST_JOB ? ingestJob(context, fakeOpener) : handler));
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    runner = createJobRunner({ db: t.database.db, handlers, log: quiet, concurrency: 1, pollIntervalMs: 50, heartbeatMs: 500, staleAfterMs: 30_000, retryBackoff: { baseMs: 10, maxMs: 20 } });
    runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  async function connectionOf(team: Team, model: SchemaModel | undefined): Promise<string> {
    const id = newId();
    await withUser(t.database.db, team.editor.id, (tx) =>
      tx.insert(connections).values({ id, organizationId: team.orgId, name: `Shop ${id.slice(-6)}`, dbType: 'postgres', connectionUri: 'v1:sealed', target: 'postgres db.internal:5432/shop', createdBy: team.editor.id }),
    );
    if (model) databases.set(id, clone(model));
    return id;
  }

  async function ingest(user: TestUser, team: Team, connectionId: string) {
    const job = await withUser(t.database.db, user.id, (tx) => enqueueJob(tx, { organizationId: team.orgId, createdBy: user.id, type: INGEST_JOB, payload: { connectionId } }));
    return finished(user, job.id);
  }

  async function versions(user: TestUser, connectionId: string): Promise<Version[]> {
    const res = await api('GET', `/connections/${connectionId}/schemas`, user);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
    return res.data.items as Version[];
  }

  const team = () => teamOf({ name: 'Shop analytics' });

  it('ingests v1, makes no version for an unchanged crawl, and v2 with exactly the added column in its diff and SQL', async () => {
    const shop = await team();
    const connectionId = await connectionOf(shop, shopModel());

    const first = await ingest(shop.editor, shop, connectionId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    expect(first.result).toMatchObject({ unchanged: false, version: expect.stringMatching(/^v1-[0-9a-f]{12}$/) });
    expect(first.progress).toBe(100);
    const v1 = first.result!.schemaId as string;

    // Every member reads versions, viewers included.
    const listed = await versions(shop.viewer, connectionId);
    expect(listed.map((item) => [item.id, item.sequence, item.tableCount, item.columnCount])).toEqual([[v1, 1, 3, 11]]);
    const detail = await api('GET', `/schemas/${v1}`, shop.viewer);
    expect(detail.statusCode, JSON.stringify(detail.data)).toBe(200);
    const tables = detail.data.tables as DetailTable[];
    expect(tables.map((item) => item.name)).toEqual(['big_orders', 'customers', 'orders']);
    const customers = tables.find((item) => item.name === 'customers')!;
    const orders = tables.find((item) => item.name === 'orders')!;
    expect(customers.description).toBe('People who buy');
    expect(customers.referencedBy).toEqual([{ table: 'public.orders', columns: ['customer_id'] }]);
    expect(orders.primaryKey).toEqual(['id']);
    expect(orders.columns.map((col) => [col.name, col.isPk, col.isFk, col.fkTableId])).toEqual([
      ['id', true, false, null],
      ['customer_id', false, true, customers.id],
      ['status', false, false, null],
      ['total', false, false, null],
      ['note', false, false, null],
    ]);
    expect(detail.data).toMatchObject({ engine: 'postgres', namespaces: ['public'], enums: [{ name: 'order_status', values: ['new', 'paid', 'shipped'] }] });
    expect(tables.find((item) => item.name === 'big_orders')).toMatchObject({ kind: 'view', viewDefinition: expect.stringContaining('SELECT') });

    // The same schema with busier tables and a newer server is no new version.
    const busier = databases.get(connectionId)!;
    busier.serverVersion = '16.5';
    for (const item of busier.tables) item.rowEstimate = (item.rowEstimate ?? 0) + 10;
    busier.tables.reverse();
    const again = await ingest(shop.editor, shop, connectionId);
    expect(again.result).toMatchObject({ schemaId: v1, unchanged: true, version: first.result!.version });
    expect(await versions(shop.viewer, connectionId)).toHaveLength(1);

    // ALTER TABLE customers ADD COLUMN phone …
    databases.get(connectionId)!.tables.find((item) => item.name === 'customers')!.columns.push(column('phone', 'character varying(40)', { ordinal: 99 }));
    const second = await ingest(shop.editor, shop, connectionId);
    expect(second.result).toMatchObject({ unchanged: false, version: expect.stringMatching(/^v2-/) });
    const v2 = second.result!.schemaId as string;
    expect((await versions(shop.viewer, connectionId)).map((item) => item.id)).toEqual([v2, v1]);

    const diff = await api('GET', `/schemas/${v1}/diff?to=${v2}`, shop.viewer);
    expect(diff.statusCode, JSON.stringify(diff.data)).toBe(200);
    expect(diff.data).toEqual({
      from: { id: v1, version: first.result!.version },
      to: { id: v2, version: second.result!.version },
      added: [],
      removed: [],
      changed: [
        {
          table: 'public.customers',
          columns: { added: ['phone'], removed: [], changed: [] },
          primaryKey: null,
          foreignKeys: { added: [], removed: [] },
          indexes: { added: [], removed: [], changed: [] },
          uniques: { added: [], removed: [] },
          checks: { added: [], removed: [] },
          other: [],
        },
      ],
      sql: 'ALTER TABLE public.customers ADD COLUMN phone character varying(40);\n',
    });
    const backwards = await api('GET', `/schemas/${v2}/diff?to=${v1}`, shop.viewer);
    expect(backwards.data.sql).toBe('ALTER TABLE public.customers DROP COLUMN phone;\n');

    // Keyset pages, newest first.
    const page1 = await api('GET', `/connections/${connectionId}/schemas?limit=1`, shop.viewer);
    expect(page1.data.items.map((item: Version) => item.id)).toEqual([v2]);
    const page2 = await api('GET', `/connections/${connectionId}/schemas?limit=1&cursor=${page1.data.nextCursor}`, shop.viewer);
    expect(page2.data.items.map((item: Version) => item.id)).toEqual([v1]);
    expect(page2.data.nextCursor).toBeNull();
    expect((await api('GET', `/connections/${connectionId}/schemas?cursor=bogus`, shop.viewer)).statusCode).toBe(400);

    // The audit log has both kinds of ingestion.
    const audit = await api('GET', `/audit?organizationId=${shop.orgId}&limit=50`, shop.owner);
    const ingested = (audit.data.items as Array<{ action: string; details: Record<string, unknown> }>).filter((event) => event.action === 'schema_ingested');
    expect(ingested.map((event) => [event.details.version, event.details.unchanged, event.details.tables])).toEqual([
      [second.result!.version, false, 3],
      [first.result!.version, true, 3],
      [first.result!.version, false, 3],
    ]);
    expect(progressSeen.length).toBeGreaterThanOrEqual(3);
  });

  it('re-links documentation to the new version, carries descriptions, and flags stale only what changed', async () => {
    const shop = await team();
    const connectionId = await connectionOf(shop, shopModel());
    const v1 = (await ingest(shop.editor, shop, connectionId)).result!.schemaId as string;
    const v1Tables = (await api('GET', `/schemas/${v1}`, shop.viewer)).data.tables as DetailTable[];
    const v1Customers = v1Tables.find((item) => item.name === 'customers')!;
    const v1Orders = v1Tables.find((item) => item.name === 'orders')!;

    // A person documents customers, customers.email and orders.note on v1.
    const model = shopModel();
    const customersModel = model.tables.find((item) => item.name === 'customers')!;
    const ordersModel = model.tables.find((item) => item.name === 'orders')!;
    const doc = (scope: 'table' | 'column', objectKey: string, refId: string, contentMd: string, fingerprint: string) => ({
      id: newId(),
      organizationId: shop.orgId,
      connectionId,
      scope,
      refId,
      objectKey,
      contentMd,
      template: 'manual' as const,
      source: 'human' as const,
      fingerprint,
      createdBy: shop.editor.id,
      updatedBy: shop.editor.id,
    });
    await withUser(t.database.db, shop.editor.id, (tx) =>
      tx.insert(schemaDocs).values([
        doc('table', 'public.customers', v1Customers.id, '## Customers\n\nEveryone who placed an **order**.\n\nMore detail.', objectFingerprint({ table: customersModel })),
        doc('column', 'public.customers.email', v1Customers.columns.find((col) => col.name === 'email')!.id, 'Login and receipts address.', objectFingerprint({ table: customersModel, column: customersModel.columns[1]! })),
        doc('column', 'public.orders.note', v1Orders.columns.find((col) => col.name === 'note')!.id, 'Free text from the buyer.', objectFingerprint({ table: ordersModel, column: ordersModel.columns[4]! })),
      ]),
    );

    // customers gains a column (its table text is now stale; email's is not); orders.note becomes NOT NULL (stale).
    const changed = databases.get(connectionId)!;
    changed.tables.find((item) => item.name === 'customers')!.columns.push(column('phone', 'text', { ordinal: 5 }));
    changed.tables.find((item) => item.name === 'orders')!.columns.find((col) => col.name === 'note')!.isNullable = false;
    const v2 = (await ingest(shop.editor, shop, connectionId)).result!.schemaId as string;
    const v2Tables = (await api('GET', `/schemas/${v2}`, shop.viewer)).data.tables as DetailTable[];
    const v2Customers = v2Tables.find((item) => item.name === 'customers')!;
    const v2Orders = v2Tables.find((item) => item.name === 'orders')!;
    expect(v2Customers.description).toBe('Everyone who placed an order.');
    expect(v2Customers.columns.find((col) => col.name === 'email')!.description).toBe('Login and receipts address.');
    expect(v2Orders.columns.find((col) => col.name === 'note')!.description).toBe('Free text from the buyer.');

    const docs = await withUser(t.database.db, shop.viewer.id, (tx) => tx.select().from(schemaDocs).where(sql`${schemaDocs.connectionId} = ${connectionId}`));
    const byKey = new Map(docs.map((row) => [row.objectKey, row]));
    expect(byKey.get('public.customers')).toMatchObject({ refId: v2Customers.id, stale: true });
    expect(byKey.get('public.customers.email')).toMatchObject({ refId: v2Customers.columns.find((col) => col.name === 'email')!.id, stale: false });
    expect(byKey.get('public.orders.note')).toMatchObject({ refId: v2Orders.columns.find((col) => col.name === 'note')!.id, stale: true });
  });

  it('answers 404 for another organization, 400 for a version of another connection, and stores nothing when a store fails', async () => {
    const shop = await team();
    const outsider = await createUser(t);
    const connectionId = await connectionOf(shop, shopModel());
    const otherConnection = await connectionOf(shop, shopModel());
    const v1 = (await ingest(shop.editor, shop, connectionId)).result!.schemaId as string;
    const other = (await ingest(shop.editor, shop, otherConnection)).result!.schemaId as string;

    expect((await api('GET', `/schemas/${v1}`, outsider)).statusCode).toBe(404);
    expect((await api('GET', `/connections/${connectionId}/schemas`, outsider)).statusCode).toBe(404);
    expect((await api('GET', `/schemas/${v1}/diff?to=${v1}`, outsider)).statusCode).toBe(404);
    expect((await api('GET', '/schemas/not-a-uuid', shop.viewer)).statusCode).toBe(404);
    const crossed = await api('GET', `/schemas/${v1}/diff?to=${other}`, shop.viewer);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.data.error.message).toMatch(/to/);
    const badTo = await api('GET', `/schemas/${v1}/diff?to=nope`, shop.viewer);
    expect(badTo.statusCode).toBe(400);
    expect(JSON.stringify(badTo.data)).toContain('to');

    // A crawl the tables refuse (two columns of one name) fails the job, and no part of a version remains.
    const broken = databases.get(connectionId)!;
    const orders = broken.tables.find((item) => item.name === 'orders')!;
    orders.columns.push({ ...orders.columns[1]!, ordinal: 50 });
    const failed = await ingest(shop.editor, shop, connectionId);
    expect(failed.status).toBe('failed');
    expect(failed.error!.code).toBe('DBASSIST_SNAPSHOT_INVALID');
    expect(await versions(shop.viewer, connectionId)).toHaveLength(1);
    const counts = await withUser(t.database.db, shop.viewer.id, async (tx) =>
      rowsOf<{ schemas: number; tables: number }>(
        await tx.execute(sql`
          SELECT (SELECT count(*)::int FROM dbassist.schemas WHERE connection_id = ${connectionId}) AS schemas,
                 (SELECT count(*)::int FROM dbassist.tables t JOIN dbassist.schemas s ON s.id = t.schema_id WHERE s.connection_id = ${connectionId}) AS tables`),
      ),
    );
    expect(counts).toEqual([{ schemas: 1, tables: 3 }]);

    // A database that cannot be reached fails with the engine's message, its credentials cut out.
    const unreachable = await connectionOf(shop, undefined);
    const refused = await ingest(shop.editor, shop, unreachable);
    expect(refused.status).toBe('failed');
    expect(refused.error!.message).toContain('ECONNREFUSED');
    expect(refused.error!.message).not.toContain('hunter2');
  });

  it('gives two racing stores of one connection their own sequence numbers', async () => {
    const shop = await team();
    const connectionId = await connectionOf(shop, undefined);
    const a = shopModel();
    const b = shopModel();
    b.tables[0]!.comment = 'Another crawl';
    const stored = await Promise.all(
      [a, b].map((model) => withUser(t.database.db, shop.editor.id, (tx) => storeSnapshot(tx, { connectionId, createdBy: shop.editor.id, snapshot: prepareSnapshot(model) }))),
    );
    expect(stored.map((item) => item.sequence).sort()).toEqual([1, 2]);
    expect((await versions(shop.viewer, connectionId)).map((item) => item.sequence)).toEqual([2, 1]);
  });
});

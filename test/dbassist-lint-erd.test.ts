import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/core/db/platform.schema.js';
import { asSystem, withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { schemaDocs } from '../src/modules/dbassist/index.js';
import { storeSnapshot } from '../src/modules/dbassist/snapshot/index.js';
import type { SchemaModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { apiHarness } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { schemaModelFromDdl } from './support/pglite-schema-model.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** Lint, coverage and ER diagrams of a stored schema version through the API, and saving a diagram into a project. */

const ddl = `
CREATE TABLE customers (id integer PRIMARY KEY, email text UNIQUE, name text);
COMMENT ON TABLE customers IS 'People who buy';
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), placed_at date);
CREATE TABLE audit_log (happened_at timestamptz NOT NULL, message text);
`;

let model: SchemaModel;

/** A connection made through the API (never opened here), and one version of its schema stored as ingestion stores a crawl. */
async function storeVersion(t: TestApp, user: TestUser, organizationId: string, name: string): Promise<{ connectionId: string; schemaId: string; version: string }> {
  const created = await call(t.app, 'POST', `/api/v1/organizations/${organizationId}/connections`, {
    token: user.token,
    body: { name, dbType: 'postgres', connectionUri: 'postgres://reader:secret@127.0.0.1:5432/shop', mode: 'read-only' },
  });
  expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
  const connectionId = created.data.id as string;
  return withUser(t.database.db, user.id, async (tx) => {
    const stored = await storeSnapshot(tx, { connectionId, createdBy: user.id, model });
    return { connectionId, schemaId: stored.schemaId, version: stored.version };
  });
}

async function writeDoc(t: TestApp, user: TestUser, organizationId: string, connectionId: string, scope: 'table' | 'column', objectKey: string, contentMd: string) {
  await withUser(t.database.db, user.id, (tx) =>
    tx.insert(schemaDocs).values({ id: newId(), organizationId, connectionId, scope, refId: newId(), objectKey, contentMd, fingerprint: 'f' }),
  );
}

describe.each(testDrivers)('dbassist lint and ER diagrams on %s', (kind) => {
  let t: TestApp;
  const { api, team } = apiHarness(() => t);

  beforeAll(async () => {
    model = await schemaModelFromDdl(ddl);
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lints a stored version with its documentation coverage, draws it whole or as a viewpoint, and saves it into a project', async () => {
    const { orgId, projectId, owner, editor, viewer } = await team({ name: 'Shop' });
    const { connectionId, schemaId, version } = await storeVersion(t, owner, orgId, 'Shop database');
    await writeDoc(t, owner, orgId, connectionId, 'table', 'public.customers', 'Everyone who bought something.');
    await writeDoc(t, owner, orgId, connectionId, 'table', 'public.orders', '   ');
    await writeDoc(t, owner, orgId, connectionId, 'column', 'public.customers.email', 'Where receipts go.');
    await writeDoc(t, owner, orgId, connectionId, 'column', 'public.customers.id', 'The key.');
    await writeDoc(t, owner, orgId, connectionId, 'table', 'public.dropped_long_ago', 'Not in this version.');

    const lint = await api('GET', `/schemas/${schemaId}/lint`, viewer);
    expect(lint.statusCode, JSON.stringify(lint.data)).toBe(200);
    const findings = lint.data.findings as { rule: string; table: string; column?: string; message: string }[];
    expect(findings.filter((f) => f.rule === 'table_without_primary_key').map((f) => f.table)).toEqual(['public.audit_log']);
    expect(findings.filter((f) => f.rule === 'foreign_key_without_index').map((f) => `${f.table}.${f.column}`)).toEqual(['public.orders.customer_id']);
    expect(findings.filter((f) => f.rule === 'nullable_unique_column').map((f) => `${f.table}.${f.column}`)).toEqual(['public.customers.email']);
    // customers has a comment in the database; the other two have none.
    expect(findings.filter((f) => f.rule === 'missing_table_comment').map((f) => f.table).sort()).toEqual(['public.audit_log', 'public.orders']);
    // One table of three and two columns of eight have documentation; blank text and other versions' tables do not count.
    expect(lint.data.coverage.tables).toBeCloseTo(1 / 3);
    expect(lint.data.coverage.columns).toBeCloseTo(2 / 8);

    const whole = await api('GET', `/schemas/${schemaId}/erd`, viewer);
    expect(whole.statusCode, JSON.stringify(whole.data)).toBe(200);
    expect(whole.data.tables).toEqual(['public.audit_log', 'public.customers', 'public.orders']);
    expect(whole.data.mermaidCode).toMatch(/^erDiagram\n/);
    expect(whole.data.mermaidCode).toContain('orders }o..|| customers : "customer_id"');
    expect(whole.data.mermaidCode).toContain('audit_log {');

    const viewpoint = await api('GET', `/schemas/${schemaId}/erd?tables=${encodeURIComponent('orders, public.audit_log')}`, viewer);
    expect(viewpoint.statusCode, JSON.stringify(viewpoint.data)).toBe(200);
    expect(viewpoint.data.tables).toEqual(['public.audit_log', 'public.orders']);
    expect(viewpoint.data.mermaidCode).not.toContain('customers');

    // An empty list is no viewpoint; a list longer than the contract allows is refused at its field.
    expect((await api('GET', `/schemas/${schemaId}/erd?tables=`, viewer)).data.tables).toEqual(whole.data.tables);
    const tooLong = await api('GET', `/schemas/${schemaId}/erd?tables=${'a,'.repeat(10_001)}`, viewer);
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.data.error)).toContain('tables');

    const unknown = await api('GET', `/schemas/${schemaId}/erd?tables=orders,invoices,public.refunds`, viewer);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.message).toContain('"invoices"');
    expect(unknown.data.error.message).toContain('"public.refunds"');
    expect(unknown.data.error.details.map((d: { table: string }) => d.table)).toEqual(['invoices', 'public.refunds']);

    // Viewers of the project may not save into it; editors may.
    expect((await api('POST', `/schemas/${schemaId}/erd/save`, viewer, { projectId })).statusCode).toBe(403);
    const notAProject = await api('POST', `/schemas/${schemaId}/erd/save`, editor, { projectId: 'project-1' });
    expect(notAProject.statusCode).toBe(400);
    expect(notAProject.data.error.message).toContain('Project must be a UUID');
    const badTables = await api('POST', `/schemas/${schemaId}/erd/save`, editor, { projectId, tables: ['nope'] });
    expect(badTables.statusCode).toBe(400);
    const saved = await api('POST', `/schemas/${schemaId}/erd/save`, editor, { projectId, title: 'Orders and customers', tables: ['orders', 'customers'] });
    expect(saved.statusCode, JSON.stringify(saved.data)).toBe(201);
    expect(saved.data).toMatchObject({ projectId, title: 'Orders and customers', tables: ['public.customers', 'public.orders'] });

    const listed = await api('GET', `/projects/${projectId}/diagrams?type=er`, viewer);
    expect(listed.statusCode).toBe(200);
    expect(listed.data.items).toHaveLength(1);
    expect(listed.data.items[0]).toMatchObject({ id: saved.data.diagramId, type: 'er', title: 'Orders and customers' });
    expect(listed.data.items[0].mermaidCode).toContain('orders }o..|| customers : "customer_id"');
    expect(listed.data.items[0].mermaidCode).not.toContain('audit_log');

    // Without a title or tables: the whole schema, named after the connection and version.
    const whole2 = await api('POST', `/schemas/${schemaId}/erd/save`, editor, { projectId });
    expect(whole2.statusCode, JSON.stringify(whole2.data)).toBe(201);
    expect(whole2.data.title).toBe(`Shop database: schema (${version})`);
    expect(whole2.data.mermaidCode).toContain('audit_log {');

    const audits = await asSystem(t.database.db, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.action, 'schema_erd_saved'), eq(auditLog.resourceId, schemaId))),
    );
    expect(audits.map((row) => row.userId)).toEqual([editor.id, editor.id]);
    expect(audits.map((row) => (row.details as { diagramId: string }).diagramId).sort()).toEqual([saved.data.diagramId, whole2.data.diagramId].sort());
  });

  it("answers 404 for another organization's schema, and for a project of another organization", async () => {
    const { orgId, owner } = await team({ name: 'Private shop' });
    const { schemaId } = await storeVersion(t, owner, orgId, 'Private database');
    const outsider = await createUser(t);
    expect((await api('GET', `/schemas/${schemaId}/lint`, outsider)).statusCode).toBe(404);
    expect((await api('GET', `/schemas/${schemaId}/erd`, outsider)).statusCode).toBe(404);
    const outsiderProject = await api('POST', '/projects', outsider, { name: 'Elsewhere', organizationId: outsider.personalOrgId });
    expect(outsiderProject.statusCode).toBe(201);
    expect((await api('POST', `/schemas/${schemaId}/erd/save`, outsider, { projectId: outsiderProject.data.id })).statusCode).toBe(404);
    expect((await api('GET', '/schemas/not-a-uuid/lint', owner)).statusCode).toBe(404);
    expect((await api('GET', `/schemas/${newId()}/erd`, owner)).statusCode).toBe(404);

    // The owner edits a project of another organization, but the schema's organization is not that one's.
    const otherOrg = await api('POST', '/organizations', owner, { name: 'Side business' });
    const otherProject = await api('POST', '/projects', owner, { name: 'Side project', organizationId: otherOrg.data.id });
    expect(otherProject.statusCode).toBe(201);
    const crossed = await api('POST', `/schemas/${schemaId}/erd/save`, owner, { projectId: otherProject.data.id });
    expect(crossed.statusCode).toBe(404);
    expect((await api('GET', `/projects/${otherProject.data.id}/diagrams`, owner)).data.items).toEqual([]);
  });
});

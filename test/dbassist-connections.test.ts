import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../src/core/db/tenancy.js';
import { jobs, registerJobTypes } from '../src/core/jobs/index.js';
import { createLogger } from '../src/core/logging.js';
import { INGEST_JOB } from '../src/modules/dbassist/connections/connections.service.js';
import { connections } from '../src/modules/dbassist/index.js';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { loadPostgresSample, TEST_POSTGRES_URL, type ScratchDatabase } from './support/sample-dbs.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

const PASSWORD = `pw-${crypto.randomBytes(6).toString('hex')}`;

function withCredentials(uri: string, user: string, password: string): string {
  const url = new URL(uri);
  url.username = user;
  url.password = password;
  return url.toString();
}

describe.each(testDrivers)('database connections API on %s', (kind) => {
  let t: TestApp;
  let team: Team;
  let outsider: TestUser;
  let northwind: ScratchDatabase;
  let northwindUri: string;
  let readOnlyUri: string;
  let dataDir: string;
  const readOnlyRole = `dbassist_api_ro_${crypto.randomBytes(4).toString('hex')}`;
  const logLines: string[] = [];
  const responses: string[] = [];
  const harness = apiHarness(() => t);

  /** Every answer is kept, to check afterwards that none of them carries a URI or a password. */
  const api: typeof harness.api = async (method, url, user, body) => {
    const response = await harness.api(method, url, user, body);
    responses.push(response.body);
    return response;
  };

  async function create(user: TestUser, body: Record<string, unknown>, orgId = team.orgId) {
    return api('POST', `/organizations/${orgId}/connections`, user, body);
  }

  async function createOk(body: Record<string, unknown>) {
    const response = await create(team.editor, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.data as { id: string; target: string; mode: string; lastTest: unknown };
  }

  function expectFieldError(response: { statusCode: number; data: { error: { details?: Array<{ field: string }> } } }, field: string) {
    expect(response.statusCode).toBe(400);
    expect(response.data.error.details?.map((detail) => detail.field)).toContain(field);
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbassist-api-'));
    const logger = createLogger('debug', new Writable({ write: (chunk: Buffer, _encoding, done) => done(void logLines.push(chunk.toString())) }));
    t = await createTestApp(kind, { DATA_DIR: dataDir, DATABASE_URL: 'postgres://atelier:x@127.0.0.1:5432/atelier_own' }, { logger });
    // The ingestion job's handler belongs to the snapshots; these tests only check that a job is queued.
    registerJobTypes([{ type: INGEST_JOB, payload: z.object({ connectionId: z.uuid() }).strict(), run: async () => { throw new Error('The connections tests never run the ingestion'); } }]);
    team = await harness.team({ name: 'Data' });
    outsider = await createUser(t);
    northwind = await loadPostgresSample('northwind');
    northwindUri = withCredentials(northwind.uri, 'postgres', PASSWORD);
    const admin = new pg.Client({ connectionString: northwind.uri });
    await admin.connect();
    await admin.query(`CREATE ROLE ${readOnlyRole} LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${readOnlyRole};`);
    await admin.end();
    readOnlyUri = withCredentials(northwind.uri, readOnlyRole, PASSWORD);
  });

  afterAll(async () => {
    await t?.close();
    await northwind?.drop();
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${readOnlyRole}`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a connection with its URI sealed, showing only engine, host, port and database', async () => {
    const created = await createOk({ name: 'Northwind', dbType: 'postgres', connectionUri: northwindUri });
    expect(created).toMatchObject({ target: `postgres://127.0.0.1:5432/${northwind.name}`, mode: 'read-only', isSample: false, lastTest: null, latestSchema: null });
    expect(created).not.toHaveProperty('connectionUri');
    const [stored] = await asSystem(t.database.db, (tx) => tx.select().from(connections).where(eq(connections.id, created.id)));
    expect(stored!.connectionUri).not.toContain(PASSWORD);
    expect(stored!.connectionUri).not.toContain(northwind.name);
  });

  it('lists the organization’s connections to every member, newest first, a page at a time', async () => {
    await createOk({ name: 'Second', dbType: 'mysql', connectionUri: `mysql://root:${PASSWORD}@127.0.0.1:3306/chinook`, mode: 'read-write' });
    const first = await api('GET', `/organizations/${team.orgId}/connections?limit=1`, team.viewer);
    expect(first.statusCode).toBe(200);
    expect(first.data.items.map((item: { name: string }) => item.name)).toEqual(['Second']);
    const second = await api('GET', `/organizations/${team.orgId}/connections?limit=1&cursor=${first.data.nextCursor}`, team.viewer);
    expect(second.data.items.map((item: { name: string }) => item.name)).toEqual(['Northwind']);
    expect((await api('GET', `/organizations/${team.orgId}/connections?cursor=nonsense`, team.viewer)).statusCode).toBe(400);
  });

  it('reads, renames, re-points and removes a connection, and audits each change', async () => {
    const created = await createOk({ name: 'Scratch', dbType: 'postgres', connectionUri: northwindUri });
    expect((await api('GET', `/connections/${created.id}`, team.viewer)).data.name).toBe('Scratch');
    const renamed = await api('PATCH', `/connections/${created.id}`, team.editor, { name: 'Scratch 2', mode: 'read-write' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.data).toMatchObject({ name: 'Scratch 2', mode: 'read-write' });
    const repointed = await api('PATCH', `/connections/${created.id}`, team.editor, { dbType: 'mysql', connectionUri: `mysql://root:${PASSWORD}@db.example:3307/shop` });
    expect(repointed.data.target).toBe('mysql://db.example:3307/shop');
    expect((await api('DELETE', `/connections/${created.id}`, team.viewer)).statusCode).toBe(403);
    expect((await api('DELETE', `/connections/${created.id}`, team.editor)).statusCode).toBe(204);
    expect((await api('GET', `/connections/${created.id}`, team.editor)).statusCode).toBe(404);
    const audit = await api('GET', `/audit?organizationId=${team.orgId}&limit=100`, team.owner);
    const actions = (audit.data.items as Array<{ action: string; resourceId: string; details: unknown }>).filter((event) => event.resourceId === created.id);
    expect(actions.map((event) => event.action).reverse()).toEqual(['connection_created', 'connection_updated', 'connection_updated', 'connection_deleted']);
    expect(JSON.stringify(actions)).not.toContain(PASSWORD);
  });

  it('answers bad input with a 400 naming the field', async () => {
    expectFieldError(await create(team.editor, { dbType: 'postgres', connectionUri: northwindUri }), 'name');
    expectFieldError(await create(team.editor, { name: 'X', dbType: 'oracle', connectionUri: northwindUri }), 'dbType');
    expectFieldError(await create(team.editor, { name: 'X', dbType: 'postgres' }), 'connectionUri');
    expectFieldError(await create(team.editor, { name: 'X', dbType: 'postgres', connectionUri: northwindUri, mode: 'sometimes' }), 'mode');
    const noDatabase = await create(team.editor, { name: 'X', dbType: 'postgres', connectionUri: `postgres://postgres:${PASSWORD}@127.0.0.1:5432` });
    expectFieldError(noDatabase, 'connectionUri');
    const wrongScheme = await create(team.editor, { name: 'X', dbType: 'mysql', connectionUri: northwindUri });
    expectFieldError(wrongScheme, 'connectionUri');
    expectFieldError(await create(team.editor, { name: 'X', dbType: 'sqlite', connectionUri: 'relative/file.db' }), 'connectionUri');
    const created = await createOk({ name: 'Patch target', dbType: 'postgres', connectionUri: northwindUri });
    expect((await api('PATCH', `/connections/${created.id}`, team.editor, {})).statusCode).toBe(400);
    expectFieldError(await api('PATCH', `/connections/${created.id}`, team.editor, { mode: 'never' }), 'mode');
    const duplicate = await create(team.editor, { name: 'Patch target', dbType: 'postgres', connectionUri: northwindUri });
    expect(duplicate.statusCode).toBe(409);
  });

  it('lets viewers read but not add, test or ingest', async () => {
    const created = await createOk({ name: 'Viewer check', dbType: 'postgres', connectionUri: northwindUri });
    expect((await create(team.viewer, { name: 'Nope', dbType: 'postgres', connectionUri: northwindUri })).statusCode).toBe(403);
    expect((await api('POST', `/connections/${created.id}/test`, team.viewer)).statusCode).toBe(403);
    expect((await api('POST', `/connections/${created.id}/ingest`, team.viewer)).statusCode).toBe(403);
    expect((await api('POST', `/organizations/${team.orgId}/connections/sample`, team.viewer)).statusCode).toBe(403);
  });

  it("answers 404 for another organization's connection, whatever the operation", async () => {
    const created = await createOk({ name: 'Private', dbType: 'postgres', connectionUri: northwindUri });
    for (const [method, url, body] of [
      ['GET', `/connections/${created.id}`, undefined],
      ['PATCH', `/connections/${created.id}`, { name: 'Mine now' }],
      ['DELETE', `/connections/${created.id}`, undefined],
      ['POST', `/connections/${created.id}/test`, undefined],
      ['POST', `/connections/${created.id}/ingest`, undefined],
      ['GET', `/organizations/${team.orgId}/connections`, undefined],
      ['GET', '/connections/not-a-uuid', undefined],
    ] as const) {
      expect((await api(method, url, outsider, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await create(outsider, { name: 'Intruder', dbType: 'postgres', connectionUri: northwindUri })).statusCode).toBe(404);
  });

  it('accepts mssql and mongodb connections but answers "not supported yet" on test and ingest', async () => {
    for (const [dbType, uri] of [
      ['mssql', `mssql://sa:${PASSWORD}@sql.example:1433/sales`],
      ['mongodb', `mongodb://app:${PASSWORD}@mongo.example:27017/app`],
    ] as const) {
      const created = await createOk({ name: `Legacy ${dbType}`, dbType, connectionUri: uri });
      expect(created.target).not.toContain(PASSWORD);
      const tested = await api('POST', `/connections/${created.id}/test`, team.editor);
      expect(tested.statusCode).toBe(200);
      expect(tested.data).toMatchObject({ ok: false, error: expect.stringMatching(/not supported yet/) });
      const ingest = await api('POST', `/connections/${created.id}/ingest`, team.editor);
      expect(ingest.statusCode).toBe(422);
      expect(ingest.data.error.message).toMatch(/not supported yet/);
    }
  });

  it("refuses deny-listed hosts and Atelier's own database", async () => {
    const metadata = await create(team.editor, { name: 'Metadata', dbType: 'postgres', connectionUri: `postgres://u:${PASSWORD}@169.254.169.254:5432/latest` });
    expect(metadata.statusCode).toBe(422);
    expect(metadata.data.error.code).toBe('DB_HOST_REFUSED');
    const own = await create(team.editor, { name: 'Own', dbType: 'postgres', connectionUri: `postgres://someone:${PASSWORD}@127.0.0.1:5432/atelier_own` });
    expect(own.statusCode).toBe(422);
    expect(own.data.error.message).toMatch(/Atelier's own database/);
    const dataFile = await create(team.editor, { name: 'Data file', dbType: 'sqlite', connectionUri: path.join(dataDir, 'secret.key') });
    expect(dataFile.statusCode).toBe(422);
    const created = await createOk({ name: 'Later denied', dbType: 'postgres', connectionUri: northwindUri });
    const moved = await api('PATCH', `/connections/${created.id}`, team.editor, { connectionUri: `postgres://u:${PASSWORD}@[fe80::1]:5432/x` });
    expect(moved.statusCode).toBe(422);
  });

  it('tests a connection: version, user, whether it can write, and a warning when a read-only connection could write', async () => {
    const superuser = await createOk({ name: 'As superuser', dbType: 'postgres', connectionUri: northwindUri, mode: 'read-only' });
    const tested = await api('POST', `/connections/${superuser.id}/test`, team.editor);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.data).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^\d+/), user: 'postgres', canWrite: true, error: null });
    expect(tested.data.warning).toMatch(/read-only/);
    expect((await api('GET', `/connections/${superuser.id}`, team.viewer)).data.lastTest).toEqual(tested.data);

    const readOnly = await createOk({ name: 'As reader', dbType: 'postgres', connectionUri: readOnlyUri });
    const calm = await api('POST', `/connections/${readOnly.id}/test`, team.editor);
    expect(calm.data).toMatchObject({ ok: true, user: readOnlyRole, canWrite: false, warning: null });

    const writer = await createOk({ name: 'Writer', dbType: 'postgres', connectionUri: northwindUri, mode: 'read-write' });
    expect((await api('POST', `/connections/${writer.id}/test`, team.editor)).data).toMatchObject({ ok: true, canWrite: true, warning: null });

    const audit = await api('GET', `/audit?organizationId=${team.orgId}&limit=100`, team.owner);
    expect(audit.data.items.some((event: { action: string; resourceId: string }) => event.action === 'connection_tested' && event.resourceId === superuser.id)).toBe(true);
  });

  it('reports a failed test as a result with a reason, not an error', async () => {
    const unreachable = await createOk({ name: 'Unreachable', dbType: 'postgres', connectionUri: `postgres://postgres:${PASSWORD}@127.0.0.1:1/northwind` });
    const tested = await api('POST', `/connections/${unreachable.id}/test`, team.editor);
    expect(tested.statusCode).toBe(200);
    expect(tested.data).toMatchObject({ ok: false, serverVersion: null, error: expect.stringMatching(/127\.0\.0\.1:1/) });
    const missing = await createOk({ name: 'Missing db', dbType: 'postgres', connectionUri: withCredentials(`${northwind.uri}_gone`, 'postgres', PASSWORD) });
    expect((await api('POST', `/connections/${missing.id}/test`, team.editor)).data).toMatchObject({ ok: false, error: expect.stringMatching(/no database/) });
  });

  it('queues the ingestion as a job and answers its id', async () => {
    const created = await createOk({ name: 'To ingest', dbType: 'postgres', connectionUri: northwindUri });
    const started = await api('POST', `/connections/${created.id}/ingest`, team.editor);
    expect(started.statusCode, started.body).toBe(202);
    const [job] = await asSystem(t.database.db, (tx) => tx.select().from(jobs).where(eq(jobs.id, started.data.jobId)));
    expect(job).toMatchObject({ type: 'dbassist.ingest', payload: { connectionId: created.id }, organizationId: team.orgId });
  });

  it('creates the sample database once, read-only, and removes its file with it', async () => {
    const first = await api('POST', `/organizations/${team.orgId}/connections/sample`, team.editor);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.data).toMatchObject({ isSample: true, mode: 'read-only', dbType: 'sqlite', target: `${team.orgId}.sqlite` });
    const file = path.join(dataDir, 'dbassist', 'samples', `${team.orgId}.sqlite`);
    expect(fs.existsSync(file)).toBe(true);
    const again = await api('POST', `/organizations/${team.orgId}/connections/sample`, team.owner);
    expect(again.statusCode).toBe(200);
    expect(again.data.id).toBe(first.data.id);
    const tested = await api('POST', `/connections/${first.data.id}/test`, team.editor);
    expect(tested.data).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^3\./) });
    expectFieldError(await api('PATCH', `/connections/${first.data.id}`, team.editor, { connectionUri: '/etc/passwd' }), 'connectionUri');
    expect((await api('DELETE', `/connections/${first.data.id}`, team.editor)).statusCode).toBe(204);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('never puts a URI or a password in an answer or a log line', () => {
    const everything = [...responses, ...logLines].join('\n');
    expect(responses.length).toBeGreaterThan(30);
    // The server logged every request (and the refusals): the check below read real lines.
    expect(logLines.length).toBeGreaterThan(30);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(encodeURIComponent(PASSWORD));
    expect(everything).not.toContain(northwindUri);
    expect(everything).not.toContain(`postgres://postgres:`);
    expect(everything).not.toContain(`${readOnlyRole}:`);
  });
});

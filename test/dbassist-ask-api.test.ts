import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiGenerations } from '../src/core/ai/ai.schema.js';
import { withUser } from '../src/core/db/tenancy.js';
import { prepareSnapshot, storeSnapshot } from '../src/modules/dbassist/snapshot/index.js';
import type { SchemaModel } from '../src/modules/dbassist/snapshot/schema-model.js';
import { apiHarness } from './support/api-harness.js';
import { loadSampleDatabase } from './support/dbassist-pglite.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';
import { loadPostgresSample, type ScratchDatabase } from './support/sample-dbs.js';
import pg from 'pg';

/** POST /connections/{id}/ask: a question about a connection's stored schema → SQL through the gateway, with its ledger row. */

let chinook: SchemaModel;

describe.each(testDrivers)('asking questions about a connection on %s', (kind) => {
  let t: TestApp;
  const { api, team } = apiHarness(() => t);

  beforeAll(async () => {
    if (!chinook) {
      const sample = await loadSampleDatabase('chinook/Chinook_PostgreSql.sql');
      chinook = sample.model;
      await sample.close();
    }
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers with SQL, its explanation and tables and a ledger row; refuses viewers, bad bodies and unknown words', async () => {
    const { orgId, owner, editor, viewer } = await team({ name: 'Music' });
    const created = await api('POST', `/organizations/${orgId}/connections`, owner, {
      name: 'Chinook', dbType: 'postgres', connectionUri: 'postgres://reader:secret@127.0.0.1:5432/chinook', mode: 'read-only',
    });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    const connectionId = created.data.id as string;

    const early = await api('POST', `/connections/${connectionId}/ask`, editor, { question: 'How many tracks are in each genre?' });
    expect(early.statusCode).toBe(409);
    expect(early.data.error.message).toMatch(/ingest/);

    await withUser(t.database.db, owner.id, (tx) => storeSnapshot(tx, { connectionId, createdBy: owner.id, snapshot: prepareSnapshot(chinook) }));

    const answer = await api('POST', `/connections/${connectionId}/ask`, editor, { question: 'How many tracks are in each genre?' });
    expect(answer.statusCode, JSON.stringify(answer.data)).toBe(200);
    expect(answer.data.sql).toMatch(/GROUP BY/);
    expect(answer.data.tables.sort()).toEqual(['public.genre', 'public.track']);
    expect(answer.data.notUnderstood).toEqual([]);
    expect(answer.data.explanation.length).toBeGreaterThan(10);
    const ledger = await withUser(t.database.db, editor.id, (tx) => tx.select().from(aiGenerations).where(eq(aiGenerations.id, answer.data.generationId)));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ generationType: 'dbassist', organizationId: orgId, userId: editor.id, status: 'succeeded' });

    const unknown = await api('POST', `/connections/${connectionId}/ask`, editor, { question: 'How many tracks are purple?' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.data).toMatchObject({ sql: null, notUnderstood: ['purple'] });

    expect((await api('POST', `/connections/${connectionId}/ask`, viewer, { question: 'How many tracks are there?' })).statusCode).toBe(403);
    const empty = await api('POST', `/connections/${connectionId}/ask`, editor, { question: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.data)).toMatch(/question/i);
    expect((await api('POST', '/connections/00000000-0000-4000-8000-000000000000/ask', editor, { question: 'How many tracks are there?' })).statusCode).toBe(404);
  });
});

describe('asking about a live PostgreSQL connection', () => {
  let t: TestApp;
  let scratch: ScratchDatabase;
  const { api, team, finished, startJobRunner } = apiHarness(() => t);
  let runner: { stop(): Promise<void> };

  beforeAll(async () => {
    scratch = await loadPostgresSample('chinook');
    t = await createTestApp('pglite');
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
    await scratch?.drop();
  });

  it('looks the values a question names up in the data and answers with SQL that runs there', async () => {
    const { orgId, editor } = await team({ name: 'Live music' });
    const created = await api('POST', `/organizations/${orgId}/connections`, editor, { name: 'Chinook', dbType: 'postgres', connectionUri: scratch.uri, mode: 'read-only' });
    expect(created.statusCode, JSON.stringify(created.data)).toBe(201);
    const connectionId = created.data.id as string;
    const ingest = await api('POST', `/connections/${connectionId}/ingest`, editor);
    expect((await finished(editor, ingest.data.jobId as string)).status).toBe('succeeded');

    // No documentation was generated, so no sampled values are stored: "Jazz" can only come from the data itself.
    const answer = await api('POST', `/connections/${connectionId}/ask`, editor, { question: 'How many tracks are in the Jazz genre?' });
    expect(answer.statusCode, JSON.stringify(answer.data)).toBe(200);
    expect(answer.data.sql).toContain("'Jazz'");
    const client = new pg.Client({ connectionString: scratch.uri });
    await client.connect();
    try {
      const got = await client.query({ text: answer.data.sql as string, rowMode: 'array' });
      const expected = await client.query("SELECT count(*)::int AS n FROM track JOIN genre USING (genre_id) WHERE genre.name = 'Jazz'");
      expect(Number((got.rows[0] as unknown[])[0])).toBe(expected.rows[0].n);
    } finally {
      await client.end();
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { aiGenerations } from '../src/core/ai/ai.schema.js';
import { withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Team } from './support/api-harness.js';
import { createUser, type TestUser } from './support/factories.js';
import { createScratchPostgres, loadPostgresSample, runPostgresScript, type ScratchDatabase } from './support/sample-dbs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Running SQL through the API against real PostgreSQL databases (a scratch Chinook, read-only, and a scratch database
 * the connection may write to), with Atelier's own data on PGlite: the history each run leaves, paging, export,
 * cancelling, refusals, write confirmation and who may do what.
 */

type Execution = {
  id: string;
  status: string;
  durationMs: number | null;
  rowCount: number | null;
  columns: Array<{ name: string; dataType: string }>;
  rows: unknown[][];
  nextCursor: string | null;
  errorMsg: string | null;
  isWrite: boolean;
  truncated: boolean;
  queryId: string | null;
  finishedAt: string | null;
};

/** A cross join that takes minutes yet stays under the default cost limit (about 4e8). */
const SLOW_SQL = 'SELECT count(*) FROM generate_series(1, 200000) a CROSS JOIN generate_series(1, 200000) b';
const MAX_ROWS = 2000;

describe('SQL execution API (PGlite app, PostgreSQL connections)', () => {
  let t: TestApp;
  let team: Team;
  let outsider: TestUser;
  let chinook: ScratchDatabase;
  let writable: ScratchDatabase;
  let dataDir: string;
  let chinookId: string;
  let writableId: string;
  const { api } = apiHarness(() => t);

  /** What the database itself answers, to compare the API's rows with. */
  async function direct(uri: string, sql: string): Promise<unknown[][]> {
    const client = new pg.Client({ connectionString: uri });
    await client.connect();
    try {
      return (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][];
    } finally {
      await client.end();
    }
  }

  async function execute(body: Record<string, unknown>, connectionId = chinookId, user = team.editor) {
    return api('POST', `/connections/${connectionId}/execute`, user, body);
  }

  async function executeOk(body: Record<string, unknown>, connectionId = chinookId): Promise<Execution> {
    const response = await execute(body, connectionId);
    expect(response.statusCode, response.body).toBe(200);
    return response.data as Execution;
  }

  async function genreCount(): Promise<number> {
    return Number((await direct(chinook.uri, 'SELECT count(*) FROM genre'))[0]?.[0]);
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbassist-sql-'));
    t = await createTestApp('pglite', { DATA_DIR: dataDir, DBASSIST_MAX_ROWS: String(MAX_ROWS), DATABASE_URL: 'postgres://atelier:x@127.0.0.1:5432/atelier_own' });
    const harness = apiHarness(() => t);
    team = await harness.team({ name: 'Analytics' });
    outsider = await createUser(t);
    chinook = await loadPostgresSample('chinook');
    writable = await createScratchPostgres();
    await runPostgresScript(writable.uri, 'CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)');
    const add = async (name: string, uri: string, mode: string) => {
      const response = await api('POST', `/organizations/${team.orgId}/connections`, team.editor, { name, dbType: 'postgres', connectionUri: uri, mode });
      expect(response.statusCode, response.body).toBe(201);
      return response.data.id as string;
    };
    chinookId = await add('Chinook', chinook.uri, 'read-only');
    writableId = await add('Notes', writable.uri, 'read-write');
  });

  afterAll(async () => {
    await t?.close();
    await chinook?.drop();
    await writable?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a read and records it with duration, row count and status; its rows page to the same rows the database has', async () => {
    const sql = 'SELECT track_id, name, unit_price FROM track WHERE genre_id = 1 ORDER BY track_id';
    const expected = await direct(chinook.uri, sql);
    expect(expected.length).toBeGreaterThan(250);
    const execution = await executeOk({ sql, pageSize: 100 });
    expect(execution).toMatchObject({ status: 'success', rowCount: expected.length, isWrite: false, truncated: false, errorMsg: null });
    expect(execution.durationMs).toBeGreaterThanOrEqual(0);
    expect(execution.finishedAt).not.toBeNull();
    expect(execution.columns.map((column) => column.name)).toEqual(['track_id', 'name', 'unit_price']);
    expect(execution.rows).toHaveLength(100);

    const paged = [...execution.rows];
    let cursor = execution.nextCursor;
    for (let pages = 0; cursor !== null; pages++) {
      expect(pages).toBeLessThan(10);
      const page = await api('GET', `/executions/${execution.id}/rows?cursor=${cursor}&limit=500`, team.viewer);
      expect(page.statusCode, page.body).toBe(200);
      paged.push(...page.data.rows);
      cursor = page.data.nextCursor;
    }
    // Numerics travel as text, as the database prints them.
    expect(paged).toEqual(expected.map(([id, name, price]) => [id, name, String(price)]));

    const again = await api('GET', `/executions/${execution.id}`, team.viewer);
    expect(again.data).toMatchObject({ id: execution.id, status: 'success', rowCount: expected.length });
    expect(again.data.rows).toEqual(execution.rows);
  });

  it('cuts a result off at the row cap and says so', async () => {
    const total = Number((await direct(chinook.uri, 'SELECT count(*) FROM track'))[0]?.[0]);
    expect(total).toBeGreaterThan(MAX_ROWS);
    const execution = await executeOk({ sql: 'SELECT * FROM track ORDER BY track_id', pageSize: 1000 });
    expect(execution).toMatchObject({ status: 'success', truncated: true, rowCount: MAX_ROWS });
    const last = await api('GET', `/executions/${execution.id}/rows?cursor=${execution.nextCursor}&limit=1000`, team.editor);
    expect(last.data.rows).toHaveLength(MAX_ROWS - 1000);
    expect(last.data.nextCursor).toBeNull();
  });

  it('exports the rows as CSV and JSON, guarding text a spreadsheet would run as a formula', async () => {
    const sql = `SELECT genre_id, name FROM genre UNION ALL SELECT 999, '=HYPERLINK("http://x")' UNION ALL SELECT -5, 'Line one\nline two' ORDER BY 1`;
    const expected = await direct(chinook.uri, sql);
    const execution = await executeOk({ sql, pageSize: 5 });

    const csv = await api('GET', `/executions/${execution.id}.csv`, team.viewer);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`execution-${execution.id.slice(0, 8)}.csv`);
    expect(csv.body.startsWith('genre_id,name\r\n')).toBe(true);
    expect(csv.body).toContain(`999,"'=HYPERLINK(""http://x"")"\r\n`);
    // A negative number is a value, not a formula; a line break inside a cell is quoted.
    expect(csv.body).toContain('-5,"Line one\nline two"\r\n');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(expected.length + 1);

    const json = await api('GET', `/executions/${execution.id}.json`, team.viewer);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('.json');
    expect(JSON.parse(json.body)).toEqual(expected.map(([genreId, name]) => ({ genre_id: genreId, name })));
  });

  it('keeps both values of a repeated column name in the JSON export', async () => {
    const execution = await executeOk({ sql: 'SELECT g.name, t.name FROM genre g JOIN track t USING (genre_id) ORDER BY t.track_id LIMIT 2' });
    const json = JSON.parse((await api('GET', `/executions/${execution.id}.json`, team.editor)).body);
    expect(Object.keys(json[0])).toEqual(['name', 'name_2']);
    expect(json[0].name).toBe(execution.rows[0]?.[0]);
    expect(json[0].name_2).toBe(execution.rows[0]?.[1]);
  });

  it('saves queries, searches them, runs one by id and shows its last run; the history is searchable', async () => {
    const created = await api('POST', `/connections/${chinookId}/queries`, team.editor, {
      sqlText: 'SELECT name FROM artist ORDER BY artist_id LIMIT 3',
      description: 'First three artists',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ source: 'human', lastRun: null, createdBy: team.editor.id });
    await api('POST', `/connections/${chinookId}/queries`, team.editor, { sqlText: 'SELECT count(*) FROM invoice', description: 'How many invoices' });

    const found = await api('GET', `/connections/${chinookId}/queries?q=artists`, team.viewer);
    expect(found.data.items.map((item: { id: string }) => item.id)).toEqual([created.data.id]);
    const wildcard = await api('GET', `/connections/${chinookId}/queries?q=%25`, team.viewer);
    expect(wildcard.data.items).toEqual([]);

    const run = await executeOk({ queryId: created.data.id });
    expect(run).toMatchObject({ queryId: created.data.id, status: 'success', rowCount: 3 });
    expect(run.rows).toEqual(await direct(chinook.uri, 'SELECT name FROM artist ORDER BY artist_id LIMIT 3'));
    const withRun = await api('GET', `/queries/${created.data.id}`, team.viewer);
    expect(withRun.data.lastRun).toMatchObject({ executionId: run.id, status: 'success' });

    const patched = await api('PATCH', `/queries/${created.data.id}`, team.editor, { description: 'Three artists' });
    expect(patched.data.description).toBe('Three artists');
    expect((await api('PATCH', `/queries/${created.data.id}`, team.editor, { sqlText: '  ' })).statusCode).toBe(400);

    const failed = await executeOk({ sql: 'SELECT no_such_column FROM artist' });
    expect(failed.status).toBe('failed');
    expect(failed.errorMsg).toContain('no_such_column');
    const history = await api('GET', `/connections/${chinookId}/executions?q=artist_id`, team.viewer);
    expect(history.data.items.map((item: Execution) => item.id)).toContain(run.id);
    expect(history.data.items.every((item: Execution) => item.rows.length === 0)).toBe(true);
    const failures = await api('GET', `/connections/${chinookId}/executions?status=failed`, team.viewer);
    expect(failures.data.items.map((item: Execution) => item.id)).toContain(failed.id);
    expect(failures.data.items.every((item: Execution) => item.status === 'failed')).toBe(true);

    expect((await api('DELETE', `/queries/${created.data.id}`, team.editor)).statusCode).toBe(204);
    expect((await api('GET', `/queries/${created.data.id}`, team.editor)).statusCode).toBe(404);
    // The run stays in the history without its query.
    expect((await api('GET', `/executions/${run.id}`, team.viewer)).data).toMatchObject({ status: 'success', queryId: null });
    const audit = await api('GET', `/audit?organizationId=${team.orgId}&limit=200`, team.owner);
    const actions = audit.data.items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['sql_query_saved', 'sql_query_updated', 'sql_query_deleted']));
  });

  it('saves the answer to a question as an "ai" query with the tables the answer read', async () => {
    const generationId = newId();
    const answer = { sql: 'SELECT count(*) FROM track', explanation: 'Counts the tracks.', tables: ['public.track'], notUnderstood: [] };
    await withUser(t.database.db, team.editor.id, (tx) =>
      tx.insert(aiGenerations).values({
        id: generationId,
        organizationId: team.orgId,
        userId: team.editor.id,
        generationType: 'dbassist',
        provider: 'builtin',
        model: 'offline',
        prompt: 'How many tracks are there?',
        response: JSON.stringify(answer),
        status: 'succeeded',
      }),
    );
    const saved = await api('POST', `/connections/${chinookId}/queries`, team.editor, { sqlText: answer.sql, question: 'How many tracks are there?', generationId });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.data).toMatchObject({ source: 'ai', question: 'How many tracks are there?', generationId, tablesUsed: ['public.track'] });
    const byQuestion = await api('GET', `/connections/${chinookId}/queries?q=how%20many%20tracks`, team.viewer);
    expect(byQuestion.data.items.map((item: { id: string }) => item.id)).toEqual([saved.data.id]);
  });

  it('refuses a statement that could change the database with 422 SQL_NOT_ALLOWED, records a failed run, and changes nothing', async () => {
    const before = await genreCount();
    const refused = await execute({ sql: 'WITH gone AS (DELETE FROM genre RETURNING *) SELECT * FROM gone' });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.data.error.code).toBe('SQL_NOT_ALLOWED');
    expect(refused.data.error.message).toMatch(/DELETE/i);
    const executionId = refused.data.error.details.executionId as string;
    const recorded = await api('GET', `/executions/${executionId}`, team.viewer);
    expect(recorded.data).toMatchObject({ status: 'failed', rowCount: null });
    expect(recorded.data.errorMsg).toMatch(/DELETE/i);
    expect((await execute({ sql: 'DELETE FROM genre' })).statusCode).toBe(422);
    expect(await genreCount()).toBe(before);
  });

  it('cancels a long query: the run ends cancelled and the server stops the statement', async () => {
    const running = execute({ sql: SLOW_SQL });
    let executionId: string | undefined;
    for (let i = 0; i < 200 && !executionId; i++) {
      const list = await api('GET', `/connections/${chinookId}/executions?status=running`, team.viewer);
      executionId = list.data.items[0]?.id;
      if (!executionId) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(executionId).toBeDefined();
    const cancelled = await api('POST', `/executions/${executionId}/cancel`, team.editor);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.data).toMatchObject({ id: executionId, status: 'cancelled' });
    expect(cancelled.data.durationMs).toBeLessThan(30_000);
    const answer = await running;
    expect(answer.data).toMatchObject({ id: executionId, status: 'cancelled' });
    const active = await direct(chinook.uri, `SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%generate_series(1, 200000)%' AND pid <> pg_backend_pid()`);
    expect(Number(active[0]?.[0])).toBe(0);
    // Cancelling a finished run answers it as it is.
    expect((await api('POST', `/executions/${executionId}/cancel`, team.editor)).data.status).toBe('cancelled');
  });

  it('ends a statement that runs past the statement timeout as failed, saying so', async () => {
    const timeoutMs = 400;
    const strict = await createTestApp('pglite', { DATA_DIR: dataDir, DBASSIST_STATEMENT_TIMEOUT_MS: String(timeoutMs), DATABASE_URL: 'postgres://atelier:x@127.0.0.1:5432/atelier_own' });
    try {
      const harness = apiHarness(() => strict);
      const strictTeam = await harness.team({ name: 'Impatient' });
      const connection = await harness.api('POST', `/organizations/${strictTeam.orgId}/connections`, strictTeam.editor, { name: 'Chinook', dbType: 'postgres', connectionUri: chinook.uri });
      const answer = await harness.api('POST', `/connections/${connection.data.id}/execute`, strictTeam.editor, { sql: SLOW_SQL });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.data).toMatchObject({ status: 'failed', rowCount: null, rows: [] });
      expect(answer.data.errorMsg).toContain(`${timeoutMs} ms`);
      expect(answer.data.durationMs).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(answer.data.durationMs).toBeLessThan(10_000);
    } finally {
      await strict.close();
    }
  });

  it('runs a write on a read-write connection only once confirmed after its EXPLAIN preview, and audits it', async () => {
    const insert = "INSERT INTO note (id, body) VALUES (1, 'hello')";
    const unconfirmed = await execute({ sql: insert }, writableId);
    expect(unconfirmed.statusCode, unconfirmed.body).toBe(409);
    expect(unconfirmed.data.error.code).toBe('WRITE_NOT_CONFIRMED');
    expect(unconfirmed.data.error.details.preview).toMatchObject({ kind: 'write', allowed: true });
    expect(unconfirmed.data.error.details.preview.plan).toMatch(/Insert on note/);
    expect(await direct(writable.uri, 'SELECT * FROM note')).toEqual([]);

    const written = await executeOk({ sql: insert, confirmWrite: true }, writableId);
    expect(written).toMatchObject({ status: 'success', isWrite: true, rowCount: 1 });
    expect(await direct(writable.uri, 'SELECT id, body FROM note')).toEqual([[1, 'hello']]);

    // A read needs no confirmation; it still runs read-only.
    const read = await executeOk({ sql: 'SELECT body FROM note' }, writableId);
    expect(read).toMatchObject({ status: 'success', isWrite: false, rows: [['hello']] });
    const audit = await api('GET', `/audit?organizationId=${team.orgId}&limit=200`, team.owner);
    const writes = audit.data.items.filter((item: { action: string }) => item.action === 'sql_write_executed');
    expect(writes.map((item: { resourceId: string }) => item.resourceId)).toEqual([written.id]);

    const explained = await api('POST', `/connections/${writableId}/explain`, team.editor, { sql: 'DELETE FROM note' });
    expect(explained.data).toMatchObject({ kind: 'write', allowed: true });
    expect(await direct(writable.uri, 'SELECT count(*)::int FROM note')).toEqual([[1]]);
  });

  it('lets viewers read the history but not run, save, explain or cancel; other organizations see nothing', async () => {
    const execution = await executeOk({ sql: 'SELECT 1 AS one' });
    const viewer = team.viewer;
    const forbidden = [
      await execute({ sql: 'SELECT 1' }, chinookId, viewer),
      await api('POST', `/connections/${chinookId}/explain`, viewer, { sql: 'SELECT 1' }),
      await api('POST', `/connections/${chinookId}/queries`, viewer, { sqlText: 'SELECT 1' }),
      await api('POST', `/executions/${execution.id}/cancel`, viewer),
    ];
    for (const response of forbidden) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.data.error.code).toBe('FORBIDDEN');
    }
    expect((await api('GET', `/executions/${execution.id}.csv`, viewer)).statusCode).toBe(200);
    for (const url of [`/executions/${execution.id}`, `/executions/${execution.id}/rows`, `/executions/${execution.id}.csv`, `/connections/${chinookId}/executions`]) {
      expect((await api('GET', url, outsider)).statusCode, url).toBe(404);
    }
    expect((await execute({ sql: 'SELECT 1' }, chinookId, outsider)).statusCode).toBe(404);
  });

  it('names the field of bad input', async () => {
    const both = await execute({ sql: 'SELECT 1', queryId: '00000000-0000-4000-8000-000000000000' });
    expect(both.statusCode).toBe(400);
    const unknownQuery = await execute({ queryId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownQuery.statusCode).toBe(400);
    expect(unknownQuery.data.error.details.map((detail: { field: string }) => detail.field)).toContain('queryId');
    const other = await api('POST', `/connections/${writableId}/queries`, team.editor, { sqlText: 'SELECT 1' });
    const wrongConnection = await execute({ queryId: other.data.id });
    expect(wrongConnection.statusCode).toBe(400);
    expect(wrongConnection.data.error.message).toContain('queryId');
    const execution = await executeOk({ sql: 'SELECT 1' });
    const badCursor = await api('GET', `/executions/${execution.id}/rows?cursor=nonsense`, team.editor);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.data.error.details[0].field).toBe('cursor');
    expect((await execute({ sql: 'SELECT 1', pageSize: 0 })).statusCode).toBe(400);
    const badGeneration = await api('POST', `/connections/${chinookId}/queries`, team.editor, { sqlText: 'SELECT 1', question: 'one?', generationId: '00000000-0000-4000-8000-000000000000' });
    expect(badGeneration.statusCode).toBe(400);
    expect(badGeneration.data.error.details[0].field).toBe('generationId');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, call, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

describe.each(testDrivers)('platform on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  it('reports health and the database kind', async () => {
    const res = await call(t.app, 'GET', '/health');
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({ status: 'ok', database: kind });
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await call(t.app, 'GET', '/api/v1/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.data.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.data.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const res = await call(t.app, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.data.openapi).toBe('3.1.0');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type AuditItem = {
  id: number;
  organizationId: string | null;
  userId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  details: Record<string, unknown> | null;
  ipAddress: string | null;
  userAgent: string | null;
  timestamp: string;
  actorName: string | null;
  resourceTitle: string | null;
};

describe.each(testDrivers)('audit on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user: TestUser, body?: unknown, headers?: Record<string, string>) =>
    call(t.app, method, `/api/v1${url}`, { token: user.token, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });

  async function walk(user: TestUser, query: string, limit: number): Promise<AuditItem[]> {
    const items: AuditItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/audit?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`, user);
      expect(res.statusCode).toBe(200);
      expect(res.data.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.data.items);
      cursor = res.data.nextCursor;
    } while (cursor);
    return items;
  }

  it('requires authentication', async () => {
    const res = await call(t.app, 'GET', '/api/v1/audit');
    expect(res.statusCode).toBe(401);
  });

  it('lists my own events newest first, with who, what and from where', async () => {
    const user = await createUser(t);
    const project = await api('POST', '/projects', user, { name: 'Audited' }, { 'user-agent': 'audit-test/1.0' });
    expect(project.statusCode).toBe(201);
    const res = await api('GET', '/audit', user);
    expect(res.statusCode).toBe(200);
    expect(res.data.nextCursor).toBeNull();
    const [latest, first] = res.data.items as AuditItem[];
    expect(latest).toEqual({
      id: expect.any(Number),
      organizationId: user.personalOrgId,
      userId: user.id,
      action: 'project_created',
      resourceType: 'project',
      resourceId: project.data.id,
      details: { name: 'Audited', key: 'AUDI' },
      ipAddress: '127.0.0.1',
      userAgent: 'audit-test/1.0',
      timestamp: expect.any(String),
      actorName: user.name,
      resourceTitle: 'Audited',
    });
    expect(first).toMatchObject({ action: 'organization_created', resourceId: user.personalOrgId });
    expect(latest!.id).toBeGreaterThan(first!.id);
    expect(Number.isNaN(Date.parse(latest!.timestamp))).toBe(false);
  });

  it('shows an organization’s events to its admins and owners only', async () => {
    const owner = await createUser(t);
    const org = await api('POST', '/organizations', owner, { name: 'Audit Org' });
    const orgId = org.data.id as string;
    const members: Record<string, TestUser> = {};
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      members[role] = await createUser(t);
      await api('POST', `/organizations/${orgId}/members`, owner, { email: members[role].email, role });
    }
    const byEditor = await api('POST', '/projects', members.editor!, { organizationId: orgId, name: 'Editor work' });
    expect(byEditor.statusCode).toBe(201);
    for (const role of ['viewer', 'editor'] as const) {
      const res = await api('GET', `/audit?organizationId=${orgId}`, members[role]!);
      expect(res.statusCode, role).toBe(403);
      expect(res.data.error.code).toBe('FORBIDDEN');
    }
    for (const user of [owner, members.admin!]) {
      const res = await api('GET', `/audit?organizationId=${orgId}`, user);
      expect(res.statusCode).toBe(200);
      expect(res.data.items.map((e: AuditItem) => e.action)).toEqual([
        'project_created',
        'member_added',
        'member_added',
        'member_added',
        'organization_created',
      ]);
      expect(res.data.items[0]).toMatchObject({ userId: members.editor!.id, resourceId: byEditor.data.id });
    }
    // The editor still sees their own event in their own list.
    const own = await api('GET', '/audit', members.editor!);
    expect(own.data.items[0]).toMatchObject({ action: 'project_created', organizationId: orgId });
    // Outsiders get the same 404 as for an organization that does not exist.
    const outsider = await createUser(t);
    for (const id of [orgId, '01900000-0000-7000-8000-000000000000']) {
      const res = await api('GET', `/audit?organizationId=${id}`, outsider);
      expect(res.statusCode).toBe(404);
      expect(res.data.error.message).toBe('Organization not found');
    }
  });

  it('names the actor and the resource instead of ids; a resource that is gone keeps the name its events recorded', async () => {
    const owner = await createUser(t, { name: 'Ada Lovelace' });
    const member = await createUser(t, { name: 'Charles Babbage' });
    const org = await api('POST', '/organizations', owner, { name: 'Analytical Engines' });
    const orgId = org.data.id as string;
    await api('POST', `/organizations/${orgId}/members`, owner, { email: member.email, role: 'editor' });
    const project = await api('POST', '/projects', member, { organizationId: orgId, name: 'Difference engine' });
    const projectId = project.data.id as string;
    // Renamed after the event: the log shows the name it has now.
    expect((await api('PATCH', `/projects/${projectId}`, owner, { name: 'Difference engine No. 2' })).statusCode).toBe(200);
    const document = await api('POST', `/projects/${projectId}/documents`, member, { type: 'prd', title: 'Mill and store' });
    expect(document.statusCode).toBe(201);
    // A wireframe edited, then deleted: its creation recorded the title, its edit did not.
    const wireframe = await api('POST', `/projects/${projectId}/wireframes`, member, { title: 'Punched cards', htmlContent: '<main><h1>Cards</h1></main>' });
    expect(wireframe.statusCode).toBe(201);
    expect((await api('PATCH', `/projects/${projectId}/wireframes/${wireframe.data.id}`, member, { htmlContent: '<main><h1>Cards!</h1></main>' })).statusCode).toBe(200);
    expect((await api('DELETE', `/projects/${projectId}/wireframes/${wireframe.data.id}`, member)).statusCode).toBe(204);
    // Removed, the member is out of the owner's sight: only the removal recorded their name.
    expect((await api('DELETE', `/organizations/${orgId}/members/${member.id}`, owner)).statusCode).toBe(204);

    const res = await api('GET', `/audit?organizationId=${orgId}`, owner);
    expect(res.statusCode).toBe(200);
    const shown = (res.data.items as AuditItem[]).map((e) => [e.action, e.actorName, e.resourceTitle]);
    expect(shown).toEqual([
      ['member_removed', 'Ada Lovelace', 'Charles Babbage'],
      ['wireframe_deleted', null, 'Punched cards'],
      ['wireframe_updated', null, 'deleted wireframe'],
      ['wireframe_created', null, 'Punched cards'],
      ['document_created', null, 'Mill and store'],
      ['project_updated', 'Ada Lovelace', 'Difference engine No. 2'],
      ['project_created', null, 'Difference engine No. 2'],
      ['member_added', 'Ada Lovelace', 'former member'],
      ['organization_created', 'Ada Lovelace', 'Analytical Engines'],
    ]);
    // The ids are all still there next to the names.
    expect(res.data.items[1]).toMatchObject({ userId: member.id, resourceType: 'wireframe', resourceId: wireframe.data.id });

    // Someone reading their own events sees their own name.
    const own = await api('GET', '/audit', member);
    expect(own.data.items[0]).toMatchObject({ action: 'wireframe_deleted', actorName: 'Charles Babbage', resourceTitle: 'Punched cards' });
  });

  it('pages with a keyset cursor, without duplicates or gaps', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 9; i++) await api('POST', '/projects', user, { name: `Event ${i}` });
    const all = await walk(user, '', 200);
    expect(all).toHaveLength(10);
    const paged = await walk(user, '', 3);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const ids = paged.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const orgPaged = await walk(user, `organizationId=${user.personalOrgId}`, 4);
    expect(orgPaged.map((e) => e.id)).toEqual(ids);
  });

  it('validates the query with 400 naming the field', async () => {
    const user = await createUser(t);
    const cases: Array<[string, string]> = [
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=xyz', 'cursor'],
      [`cursor=${Buffer.from('["a","a"]').toString('base64url')}`, 'cursor'],
      [`cursor=${Buffer.from('["-1","-1"]').toString('base64url')}`, 'cursor'],
      [`cursor=${Buffer.from('["99999999999999999999","99999999999999999999"]').toString('base64url')}`, 'cursor'],
      ['organizationId=42', 'organizationId'],
    ];
    for (const [query, field] of cases) {
      const res = await api('GET', `/audit?${query}`, user);
      expect(res.statusCode, query).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.data.error.details), query).toContain(field);
    }
  });
});

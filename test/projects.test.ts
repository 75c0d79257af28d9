import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '../src/core/db/platform.schema.js';
import { withUser } from '../src/core/db/tenancy.js';
import { newId } from '../src/core/ids.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Role = 'owner' | 'admin' | 'editor' | 'viewer';
type ProjectItem = { id: string; key: string; name: string; status: string; organizationId: string };

describe.each(testDrivers)('projects on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, user: TestUser | undefined, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { ...(user ? { token: user.token } : {}), ...(body === undefined ? {} : { body }) });

  async function createOrg(owner: TestUser, name = 'Acme'): Promise<string> {
    const res = await api('POST', '/organizations', owner, { name });
    expect(res.statusCode).toBe(201);
    return res.data.id as string;
  }

  async function orgWithRoles(): Promise<{ orgId: string } & Record<Role, TestUser>> {
    const owner = await createUser(t);
    const orgId = await createOrg(owner);
    const users = { owner } as Record<Role, TestUser>;
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      users[role] = await createUser(t);
      expect((await api('POST', `/organizations/${orgId}/members`, owner, { email: users[role].email, role })).statusCode).toBe(201);
    }
    return { orgId, ...users };
  }

  async function createProject(user: TestUser, body: Record<string, unknown>): Promise<ProjectItem & Record<string, unknown>> {
    const res = await api('POST', '/projects', user, body);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data;
  }

  /** Follows nextCursor to the end; returns every id in order and the number of pages. */
  async function walk(user: TestUser, query: string, limit: number): Promise<{ ids: string[]; pages: number; items: ProjectItem[] }> {
    const items: ProjectItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api('GET', `/projects?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`, user);
      expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
      expect(res.data.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.data.items);
      cursor = res.data.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(100);
    } while (cursor);
    return { ids: items.map((item) => item.id), pages, items };
  }

  async function orgAudit(user: TestUser, orgId: string): Promise<Array<{ action: string; resourceId: string; details: Record<string, unknown> }>> {
    const res = await api('GET', `/audit?organizationId=${orgId}&limit=200`, user);
    expect(res.statusCode).toBe(200);
    return res.data.items;
  }

  it('creates a project in the personal organization by default, with every field', async () => {
    const user = await createUser(t);
    const res = await api('POST', '/projects', user, {
      name: 'Mobile Banking App',
      description: 'Pay with your phone',
      status: 'planning',
      settings: { color: 'teal' },
      ideaPrompt: 'A bank in your pocket',
      startDate: '2025-01-31',
      endDate: '2025-03-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toEqual({
      id: expect.any(String),
      organizationId: user.personalOrgId,
      ownerId: user.id,
      name: 'Mobile Banking App',
      key: 'MBA',
      description: 'Pay with your phone',
      status: 'planning',
      settings: { color: 'teal' },
      ideaPrompt: 'A bank in your pocket',
      currentVersion: 1,
      startDate: '2025-01-31',
      endDate: '2025-03-01',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      deletedAt: null,
    });
    const one = await api('GET', `/projects/${res.data.id}`, user);
    expect(one.statusCode).toBe(200);
    expect(one.data).toEqual(res.data);
    const minimal = await createProject(user, { name: 'Plain' });
    expect(minimal).toMatchObject({ status: 'active', description: null, settings: {}, startDate: null, key: 'PLAI' });
    const audit = await orgAudit(user, user.personalOrgId);
    expect(audit.find((event) => event.resourceId === res.data.id)).toMatchObject({
      action: 'project_created',
      details: { name: 'Mobile Banking App', key: 'MBA' },
    });
  });

  it('derives keys from names and makes them unique per organization, deleted projects included', async () => {
    const user = await createUser(t);
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) keys.push((await createProject(user, { name: 'Mobile Banking App' })).key);
    expect(keys).toEqual(['MBA', 'MBA2', 'MBA3']);
    const first = (await api('GET', `/projects?q=MBA&limit=10`, user)).data.items.find((p: ProjectItem) => p.key === 'MBA');
    expect((await api('DELETE', `/projects/${first.id}`, user)).statusCode).toBe(200);
    expect((await createProject(user, { name: 'Mobile Banking App' })).key).toBe('MBA4');
    // Another organization has its own key space.
    const other = await createUser(t);
    expect((await createProject(other, { name: 'Mobile Banking App' })).key).toBe('MBA');
    // An explicit key that is taken is a conflict naming the field; a fresh one is accepted.
    const taken = await api('POST', '/projects', user, { name: 'Clash', key: 'MBA2' });
    expect(taken.statusCode).toBe(409);
    expect(taken.data.error.details).toEqual([{ field: 'key', message: 'is already used in this organization' }]);
    expect((await createProject(user, { name: 'Clash', key: 'CLASH1' })).key).toBe('CLASH1');
    // Changing a key onto a taken one is a conflict too.
    const clash = (await api('GET', '/projects?q=CLASH1', user)).data.items[0];
    const renamed = await api('PATCH', `/projects/${clash.id}`, user, { key: 'MBA3' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.data.error.details[0].field).toBe('key');
    // Long keys get shortened to fit a suffix.
    const long = await createProject(user, { name: 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet' });
    expect(long.key).toBe('ABCDEFGHIJ');
    expect((await createProject(user, { name: 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet' })).key).toBe('ABCDEFGHI2');
  });

  it('validates input with 400 naming the field, never 500', async () => {
    const user = await createUser(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(256) }, 'name'],
      [{ name: 'Ok', key: 'ab' }, 'key'],
      [{ name: 'Ok', key: '1AB' }, 'key'],
      [{ name: 'Ok', key: 'A' }, 'key'],
      [{ name: 'Ok', key: 'ABCDEFGHIJK' }, 'key'],
      [{ name: 'Ok', key: 'AB-1' }, 'key'],
      [{ name: 'Ok', status: 'deleted' }, 'status'],
      [{ name: 'Ok', status: 'nope' }, 'status'],
      [{ name: 'Ok', startDate: '2024-02-30' }, 'startDate'],
      [{ name: 'Ok', startDate: '2023-02-29' }, 'startDate'],
      [{ name: 'Ok', startDate: '0000-01-01' }, 'startDate'],
      [{ name: 'Ok', startDate: '2024-1-1' }, 'startDate'],
      [{ name: 'Ok', startDate: 'yesterday' }, 'startDate'],
      [{ name: 'Ok', endDate: '2024-13-01' }, 'endDate'],
      [{ name: 'Ok', startDate: '2025-02-01', endDate: '2025-01-31' }, 'endDate'],
      [{ name: 'Ok', organizationId: 'not-a-uuid' }, 'organizationId'],
      [{ name: 'Ok', settings: [] }, 'settings'],
      [{ name: 'Ok', description: 'x'.repeat(20_001) }, 'description'],
      [{ name: 'Ok', currentVersion: 3 }, 'currentVersion'],
    ];
    for (const [body, field] of cases) {
      const res = await api('POST', '/projects', user, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
      const named = JSON.stringify(res.data.error.details) + res.data.error.message;
      expect(named, JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    for (const query of [
      'limit=0',
      'limit=201',
      'limit=1.5',
      'limit=x',
      'cursor=garbage',
      `cursor=${Buffer.from('["2025-01-01T00:00:00.000000Z","nope"]').toString('base64url')}`,
      `cursor=${Buffer.from('["2025-02-30T00:00:00.000000Z","01900000-0000-7000-8000-000000000000"]').toString('base64url')}`,
      `cursor=${Buffer.from('["1","1"]').toString('base64url')}`,
      'status=gone',
      'organizationId=xyz',
      `q=${'q'.repeat(201)}`,
      'unknown=1',
    ]) {
      const res = await api('GET', `/projects?${query}`, user);
      expect(res.statusCode, query).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
    }
    const project = await createProject(user, { name: 'Dated', startDate: '2025-03-01' });
    const before = await api('PATCH', `/projects/${project.id}`, user, { endDate: '2025-02-01' });
    expect(before.statusCode).toBe(400);
    expect(before.data.error.details[0].field).toBe('endDate');
    const put = await api('PUT', `/projects/${project.id}`, user, { description: 'no name' });
    expect(put.statusCode).toBe(400);
    expect(put.data.error.details[0].field).toBe('name');
    const wrongType = await api('PATCH', `/projects/${project.id}`, user, { name: 5 });
    expect(wrongType.statusCode).toBe(400);
    const arrayBody = await api('PATCH', `/projects/${project.id}`, user, [1, 2]);
    expect(arrayBody.statusCode).toBe(400);
  });

  it('enforces roles: viewers read, editors write, deleting needs admin or the project’s owner', async () => {
    const org = await orgWithRoles();
    const create = (role: Role) => api('POST', '/projects', org[role], { organizationId: org.orgId, name: `By ${role}` });
    const viewerCreate = await create('viewer');
    expect(viewerCreate.statusCode).toBe(403);
    expect(viewerCreate.data.error.code).toBe('FORBIDDEN');
    const made: Record<string, ProjectItem> = {};
    for (const role of ['editor', 'admin', 'owner'] as const) {
      const res = await create(role);
      expect(res.statusCode, role).toBe(201);
      made[role] = res.data;
    }
    const target = made.owner!;
    for (const role of ['viewer', 'editor', 'admin', 'owner'] as const) {
      expect((await api('GET', `/projects/${target.id}`, org[role])).statusCode, role).toBe(200);
      const list = await api('GET', `/projects?organizationId=${org.orgId}`, org[role]);
      expect(list.data.items).toHaveLength(3);
      const patch = await api('PATCH', `/projects/${target.id}`, org[role], { description: `by ${role}` });
      const put = await api('PUT', `/projects/${target.id}`, org[role], { name: `Put by ${role}` });
      expect([patch.statusCode, put.statusCode], role).toEqual(role === 'viewer' ? [403, 403] : [200, 200]);
    }
    // The editor may not delete someone else's project, but may delete their own.
    expect((await api('DELETE', `/projects/${target.id}`, org.viewer)).statusCode).toBe(403);
    expect((await api('DELETE', `/projects/${target.id}`, org.editor)).statusCode).toBe(403);
    expect((await api('DELETE', `/projects/${made.editor!.id}`, org.editor)).statusCode).toBe(200);
    expect((await api('POST', `/projects/${made.editor!.id}/restore`, org.viewer)).statusCode).toBe(403);
    expect((await api('POST', `/projects/${made.editor!.id}/restore`, org.editor)).statusCode).toBe(200);
    for (const role of ['admin', 'owner'] as const) {
      expect((await api('DELETE', `/projects/${target.id}`, org[role])).statusCode, role).toBe(200);
      expect((await api('POST', `/projects/${target.id}/restore`, org[role])).statusCode, role).toBe(200);
    }
    // A project owner who was demoted to viewer can no longer delete it.
    await api('PATCH', `/organizations/${org.orgId}/members/${org.editor.id}`, org.owner, { role: 'viewer' });
    expect((await api('DELETE', `/projects/${made.editor!.id}`, org.editor)).statusCode).toBe(403);
  });

  it('soft-deletes: hidden from lists, listed with status=deleted, restored with its previous status', async () => {
    const user = await createUser(t);
    const project = await createProject(user, { name: 'Phoenix', status: 'on_hold' });
    const other = await createProject(user, { name: 'Stays' });
    const deleted = await api('DELETE', `/projects/${project.id}`, user);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.data).toMatchObject({ id: project.id, status: 'deleted', deletedAt: expect.any(String) });
    const list = await api('GET', '/projects', user);
    expect(list.data.items.map((p: ProjectItem) => p.id)).toEqual([other.id]);
    const onHold = await api('GET', '/projects?status=on_hold', user);
    expect(onHold.data.items).toHaveLength(0);
    const trash = await api('GET', '/projects?status=deleted', user);
    expect(trash.data.items.map((p: ProjectItem) => p.id)).toEqual([project.id]);
    expect((await api('GET', `/projects/${project.id}`, user)).data.status).toBe('deleted');
    expect((await api('PATCH', `/projects/${project.id}`, user, { name: 'Edit' })).statusCode).toBe(409);
    expect((await api('DELETE', `/projects/${project.id}`, user)).statusCode).toBe(409);
    // The web client sends an empty JSON object; no body at all works as well.
    const restored = await api('POST', `/projects/${project.id}/restore`, user, {});
    expect(restored.statusCode).toBe(200);
    expect(restored.data).toMatchObject({ status: 'on_hold', deletedAt: null, key: project.key });
    expect((await api('POST', `/projects/${project.id}/restore`, user)).statusCode).toBe(409);
    expect((await api('GET', '/projects', user)).data.items).toHaveLength(2);
    const actions = (await orgAudit(user, user.personalOrgId)).filter((e) => e.resourceId === project.id).map((e) => e.action);
    expect(actions).toEqual(['project_restored', 'project_deleted', 'project_created']);
  });

  it('PUT replaces every editable field, PATCH only the named ones', async () => {
    const user = await createUser(t);
    const project = await createProject(user, {
      name: 'Full',
      key: 'FULL',
      description: 'desc',
      status: 'planning',
      settings: { a: 1 },
      ideaPrompt: 'idea',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    const patched = await api('PATCH', `/projects/${project.id}`, user, { description: null, settings: { b: 2 }, status: 'completed' });
    expect(patched.statusCode).toBe(200);
    expect(patched.data).toMatchObject({
      name: 'Full',
      key: 'FULL',
      description: null,
      status: 'completed',
      settings: { b: 2 },
      ideaPrompt: 'idea',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    const put = await api('PUT', `/projects/${project.id}`, user, { name: 'Replaced', endDate: '2026-01-01' });
    expect(put.statusCode).toBe(200);
    expect(put.data).toMatchObject({
      name: 'Replaced',
      key: 'FULL',
      description: null,
      status: 'active',
      settings: {},
      ideaPrompt: null,
      startDate: null,
      endDate: '2026-01-01',
      ownerId: user.id,
      organizationId: user.personalOrgId,
    });
    const rekey = await api('PUT', `/projects/${project.id}`, user, { name: 'Replaced', key: 'NEWKEY' });
    expect(rekey.data.key).toBe('NEWKEY');
    const updates = (await orgAudit(user, user.personalOrgId)).filter((e) => e.action === 'project_updated' && e.resourceId === project.id);
    expect(updates).toHaveLength(3);
    expect(updates[0]!.details).toMatchObject({ key: { from: 'FULL', to: 'NEWKEY' } });
  });

  it('answers 404 for malformed, missing and foreign project ids', async () => {
    const user = await createUser(t);
    for (const id of ['nope', '123', '00000000-0000-0000-0000-000000000000', newId()]) {
      for (const [method, suffix] of [['GET', ''], ['PATCH', ''], ['PUT', ''], ['DELETE', ''], ['POST', '/restore']] as const) {
        const res = await api(method, `/projects/${id}${suffix}`, user, method === 'PATCH' || method === 'PUT' ? { name: 'x' } : undefined);
        expect(res.statusCode, `${method} ${id}${suffix}`).toBe(404);
        expect(res.data.error.message).toBe('Project not found');
      }
    }
    const outsider = await api('GET', `/projects?organizationId=${newId()}`, user);
    expect(outsider.statusCode).toBe(404);
    const createElsewhere = await api('POST', '/projects', user, { organizationId: newId(), name: 'x' });
    expect(createElsewhere.statusCode).toBe(404);
  });

  it('searches name, key and description case-insensitively, treating wildcards literally', async () => {
    const user = await createUser(t);
    const a = await createProject(user, { name: 'Payments Gateway', key: 'PAYGW' });
    const b = await createProject(user, { name: 'Ledger', description: 'Double-entry BOOKKEEPING at 100%' });
    const c = await createProject(user, { name: 'Under_score' });
    const search = async (q: string) =>
      (await api('GET', `/projects?q=${encodeURIComponent(q)}`, user)).data.items.map((p: ProjectItem) => p.id);
    expect(await search('gateway')).toEqual([a.id]);
    expect(await search('paygw')).toEqual([a.id]);
    expect(await search('bookkeeping')).toEqual([b.id]);
    expect(await search('100%')).toEqual([b.id]);
    expect(await search('%')).toEqual([b.id]);
    expect(await search('_')).toEqual([c.id]);
    expect(await search('zzz')).toEqual([]);
    expect(await search('e')).toEqual([c.id, b.id, a.id]);
  });

  it('pages newest first through more projects than a page holds, without duplicates or gaps', async () => {
    const user = await createUser(t);
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await createProject(user, { name: `Paged ${i}` })).id);
    const newestFirst = [...created].reverse();
    const all = await walk(user, '', 5);
    expect(all.pages).toBe(5);
    expect(all.ids).toEqual(newestFirst);
    const inOrg = await walk(user, `organizationId=${user.personalOrgId}`, 7);
    expect(inOrg.ids).toEqual(newestFirst);
    const exact = await walk(user, '', 23);
    expect(exact.pages).toBe(1);
    const filtered = await walk(user, 'q=paged%201', 2);
    // "paged 1" matches Paged 1 and Paged 10–19.
    const matching = created.filter((_, i) => `Paged ${i}`.startsWith('Paged 1')).reverse();
    expect(matching).toHaveLength(11);
    expect(filtered.ids).toEqual(matching);
  });

  it('breaks ties on created_at by id (projects created in one transaction)', async () => {
    const user = await createUser(t);
    const ids = Array.from({ length: 13 }, () => newId());
    await withUser(t.database.db, user.id, async (tx) => {
      await tx.insert(projects).values(
        ids.map((id, i) => ({ id, organizationId: user.personalOrgId, ownerId: user.id, name: `Same time ${i}`, key: `ST${i}` })),
      );
    });
    const all = await walk(user, '', 4);
    expect(all.ids).toEqual([...ids].sort().reverse());
  });

  it('lists across all of the caller’s organizations, few or many', async () => {
    for (const organizations of [3, 11]) {
      const user = await createUser(t);
      const stranger = await createUser(t);
      await createProject(stranger, { name: 'Not yours' });
      const orgIds = [user.personalOrgId];
      for (let i = 1; i < organizations; i++) orgIds.push(await createOrg(user, `Org ${i}`));
      // Another owner's organization the user joins as a viewer counts too.
      const shared = await createOrg(stranger, 'Shared');
      await api('POST', `/organizations/${shared}/members`, stranger, { email: user.email, role: 'viewer' });
      const created: string[] = [];
      for (let round = 0; round < 2; round++) {
        for (const orgId of orgIds) created.push((await createProject(user, { organizationId: orgId, name: `P ${round}` })).id);
        created.push((await createProject(stranger, { organizationId: shared, name: `Shared ${round}` })).id);
      }
      const deleted = created[0]!;
      expect((await api('DELETE', `/projects/${deleted}`, user)).statusCode).toBe(200);
      const expected = created.filter((id) => id !== deleted).reverse();
      const all = await walk(user, '', 4);
      expect(all.ids, `${organizations} organizations`).toEqual(expected);
      const trash = await walk(user, 'status=deleted', 4);
      expect(trash.ids).toEqual([deleted]);
      const search = await walk(user, 'q=shared', 1);
      expect(search.ids).toHaveLength(2);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Role = 'owner' | 'admin' | 'editor' | 'viewer';

describe.each(testDrivers)('organizations on %s', (kind) => {
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

  /** An organization whose owner has added one member of each role. */
  async function orgWithRoles(): Promise<{ orgId: string } & Record<Role, TestUser>> {
    const owner = await createUser(t, { name: 'Olivia Owner' });
    const orgId = await createOrg(owner);
    const users = { owner } as Record<Role, TestUser>;
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      users[role] = await createUser(t, { name: `${role} person` });
      const res = await api('POST', `/organizations/${orgId}/members`, owner, { email: users[role].email, role });
      expect(res.statusCode).toBe(201);
    }
    return { orgId, ...users };
  }

  async function auditActions(user: TestUser, orgId: string): Promise<string[]> {
    const res = await api('GET', `/audit?organizationId=${orgId}&limit=200`, user);
    expect(res.statusCode).toBe(200);
    return (res.data.items as Array<{ action: string }>).map((item) => item.action);
  }

  it('requires authentication', async () => {
    const res = await api('GET', '/organizations', undefined);
    expect(res.statusCode).toBe(401);
    expect(res.data.error.code).toBe('UNAUTHENTICATED');
  });

  it('creates an organization with the caller as owner and lists it after the personal one', async () => {
    const user = await createUser(t);
    const res = await api('POST', '/organizations', user, { name: '  Acme Corp.  ', settings: { theme: 'dark' } });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      name: 'Acme Corp.',
      ownerId: user.id,
      isPersonal: false,
      settings: { theme: 'dark' },
      role: 'owner',
    });
    expect(res.data.slug).toMatch(/^acme-corp/);
    expect(Object.keys(res.data).sort()).toEqual(
      ['createdAt', 'id', 'isPersonal', 'name', 'ownerId', 'role', 'settings', 'slug', 'updatedAt'].sort(),
    );
    const list = await api('GET', '/organizations', user);
    expect(list.statusCode).toBe(200);
    expect(list.data.items.map((o: { id: string }) => o.id)).toEqual([user.personalOrgId, res.data.id]);
    expect(list.data.items[0]).toMatchObject({ isPersonal: true, role: 'owner' });
    expect(list.data.nextCursor).toBeNull();
    const one = await api('GET', `/organizations/${res.data.id}`, user);
    expect(one.statusCode).toBe(200);
    expect(one.data).toEqual(res.data);
    expect(await auditActions(user, res.data.id)).toContain('organization_created');
  });

  it('refuses a taken slug with 409 naming the field, and derives a fresh one from a taken name', async () => {
    const a = await createUser(t);
    const b = await createUser(t);
    expect((await api('POST', '/organizations', a, { name: 'Slug Co', slug: 'slug-co' })).statusCode).toBe(201);
    const taken = await api('POST', '/organizations', b, { name: 'Other', slug: 'slug-co' });
    expect(taken.statusCode).toBe(409);
    expect(taken.data.error.details).toEqual([{ field: 'slug', message: 'is already taken' }]);
    const derived = await api('POST', '/organizations', b, { name: 'Slug Co' });
    expect(derived.statusCode).toBe(201);
    expect(derived.data.slug).toMatch(/^slug-co-[0-9a-f]{6}$/);
    const patch = await api('PATCH', `/organizations/${derived.data.id}`, b, { slug: 'slug-co' });
    expect(patch.statusCode).toBe(409);
    expect(patch.data.error.details[0].field).toBe('slug');
  });

  it('validates input with 400 naming the field', async () => {
    const user = await createUser(t);
    const cases: Array<[unknown, string]> = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(256) }, 'name'],
      [{ name: 'Fine', slug: 'Not A Slug' }, 'slug'],
      [{ name: 'Fine', slug: '-lead' }, 'slug'],
      [{ name: 'Fine', settings: 'nope' }, 'settings'],
      [{ name: 42 }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await api('POST', '/organizations', user, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
      expect(res.data.error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.data.error.requestId).toBeTruthy();
    }
    // Unknown fields are refused; the message names them.
    const unknownField = await api('POST', '/organizations', user, { name: 'Fine', color: 'red' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.data.error.code).toBe('VALIDATION_FAILED');
    expect(unknownField.data.error.message).toContain('color');
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(badJson.statusCode).toBe(400);
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'cursor=%%%', 'cursor=bm9wZQ', 'extra=1']) {
      const res = await api('GET', `/organizations?${query}`, user);
      expect(res.statusCode, query).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 404 for malformed, missing and foreign organization ids', async () => {
    const a = await createUser(t);
    const b = await createUser(t);
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '01900000-0000-7000-8000-000000000000', b.personalOrgId]) {
      const res = await api('GET', `/organizations/${id}`, a);
      expect(res.statusCode, id).toBe(404);
      expect(res.data.error.code).toBe('NOT_FOUND');
      expect(res.data.error.message).toBe('Organization not found');
    }
  });

  it('pages organizations with a keyset cursor, without duplicates or gaps', async () => {
    const user = await createUser(t);
    const created = [user.personalOrgId];
    for (let i = 0; i < 6; i++) created.push(await createOrg(user, `Paged ${i}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api('GET', `/organizations?limit=2${cursor ? `&cursor=${cursor}` : ''}`, user);
      expect(res.statusCode).toBe(200);
      expect(res.data.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.data.items.map((o: { id: string }) => o.id));
      cursor = res.data.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(created);
  });

  it('lets admins and owners update the organization; editors and viewers get 403', async () => {
    const org = await orgWithRoles();
    for (const role of ['viewer', 'editor'] as const) {
      const res = await api('PATCH', `/organizations/${org.orgId}`, org[role], { name: `By ${role}` });
      expect(res.statusCode, role).toBe(403);
      expect(res.data.error.code).toBe('FORBIDDEN');
    }
    for (const role of ['admin', 'owner'] as const) {
      const res = await api('PATCH', `/organizations/${org.orgId}`, org[role], { name: `By ${role}`, settings: { by: role } });
      expect(res.statusCode, role).toBe(200);
      expect(res.data).toMatchObject({ name: `By ${role}`, settings: { by: role }, role });
    }
    const noop = await api('PATCH', `/organizations/${org.orgId}`, org.owner, {});
    expect(noop.statusCode).toBe(200);
    const bad = await api('PATCH', `/organizations/${org.orgId}`, org.owner, { ownerId: org.viewer.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.message).toContain('ownerId');
    const actions = await auditActions(org.owner, org.orgId);
    expect(actions.filter((a) => a === 'organization_updated')).toHaveLength(2);
    // Every member reads the organization with their own role.
    for (const role of ['viewer', 'editor', 'admin', 'owner'] as const) {
      const res = await api('GET', `/organizations/${org.orgId}`, org[role]);
      expect(res.statusCode).toBe(200);
      expect(res.data.role).toBe(role);
    }
  });

  it('lets only owners delete an organization, never a personal one', async () => {
    const org = await orgWithRoles();
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const res = await api('DELETE', `/organizations/${org.orgId}`, org[role]);
      expect(res.statusCode, role).toBe(403);
    }
    const project = await api('POST', '/projects', org.owner, { organizationId: org.orgId, name: 'Doomed' });
    expect(project.statusCode).toBe(201);
    const personal = await api('DELETE', `/organizations/${org.owner.personalOrgId}`, org.owner);
    expect(personal.statusCode).toBe(409);
    const res = await api('DELETE', `/organizations/${org.orgId}`, org.owner);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await api('GET', `/organizations/${org.orgId}`, org.owner)).statusCode).toBe(404);
    expect((await api('GET', `/organizations/${org.orgId}`, org.viewer)).statusCode).toBe(404);
    expect((await api('GET', `/projects/${project.data.id}`, org.owner)).statusCode).toBe(404);
    const own = await api('GET', '/audit', org.owner);
    expect(own.data.items[0]).toMatchObject({ action: 'organization_deleted', resourceId: org.orgId, organizationId: org.orgId });
  });

  describe('members', () => {
    it('lists members with their profile and role, in join order, paged', async () => {
      const org = await orgWithRoles();
      const first = await api('GET', `/organizations/${org.orgId}/members?limit=3`, org.viewer);
      expect(first.statusCode).toBe(200);
      expect(first.data.items).toHaveLength(3);
      expect(first.data.items[0]).toEqual({
        userId: org.owner.id,
        name: 'Olivia Owner',
        email: org.owner.email,
        role: 'owner',
        invitedBy: null,
        joinedAt: expect.any(String),
      });
      expect(first.data.items[1]).toMatchObject({ userId: org.admin.id, role: 'admin', invitedBy: org.owner.id });
      const second = await api('GET', `/organizations/${org.orgId}/members?limit=3&cursor=${first.data.nextCursor}`, org.viewer);
      expect(second.statusCode).toBe(200);
      expect(second.data.items.map((m: { userId: string }) => m.userId)).toEqual([org.viewer.id]);
      expect(second.data.nextCursor).toBeNull();
      const badCursor = await api('GET', `/organizations/${org.orgId}/members?cursor=${Buffer.from('["x","y"]').toString('base64url')}`, org.viewer);
      expect(badCursor.statusCode).toBe(400);
      expect(badCursor.data.error.details[0].field).toBe('cursor');
    });

    it('adds members by email: admins and owners only, only owners grant owner', async () => {
      const org = await orgWithRoles();
      const newcomer = await createUser(t);
      for (const role of ['viewer', 'editor'] as const) {
        const res = await api('POST', `/organizations/${org.orgId}/members`, org[role], { email: newcomer.email, role: 'viewer' });
        expect(res.statusCode, role).toBe(403);
      }
      const adminGrantsOwner = await api('POST', `/organizations/${org.orgId}/members`, org.admin, { email: newcomer.email, role: 'owner' });
      expect(adminGrantsOwner.statusCode).toBe(403);
      const added = await api('POST', `/organizations/${org.orgId}/members`, org.admin, {
        email: newcomer.email.toUpperCase(),
        role: 'editor',
      });
      expect(added.statusCode).toBe(201);
      expect(added.data).toMatchObject({ userId: newcomer.id, email: newcomer.email, role: 'editor', invitedBy: org.admin.id });
      const again = await api('POST', `/organizations/${org.orgId}/members`, org.owner, { email: newcomer.email, role: 'viewer' });
      expect(again.statusCode).toBe(409);
      expect(again.data.error.details[0].field).toBe('email');
      const unknown = await api('POST', `/organizations/${org.orgId}/members`, org.owner, { email: 'nobody@example.test', role: 'viewer' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.data.error.details[0].field).toBe('email');
      const badRole = await api('POST', `/organizations/${org.orgId}/members`, org.owner, { email: newcomer.email, role: 'member' });
      expect(badRole.statusCode).toBe(400);
      expect(badRole.data.error.details[0].field).toBe('role');
      const badEmail = await api('POST', `/organizations/${org.orgId}/members`, org.owner, { email: 'no-at-sign', role: 'viewer' });
      expect(badEmail.statusCode).toBe(400);
      expect(badEmail.data.error.details[0].field).toBe('email');
      const ownerGrantsOwner = await api('POST', `/organizations/${org.orgId}/members`, org.owner, {
        email: (await createUser(t)).email,
        role: 'owner',
      });
      expect(ownerGrantsOwner.statusCode).toBe(201);
      // The new member now sees the organization.
      expect((await api('GET', `/organizations/${org.orgId}`, newcomer)).data.role).toBe('editor');
      expect(await auditActions(org.owner, org.orgId)).toContain('member_added');
    });

    it('a non-member cannot learn whether an email has an account', async () => {
      const org = await orgWithRoles();
      const outsider = await createUser(t);
      for (const email of [org.viewer.email, 'nobody@example.test']) {
        const res = await api('POST', `/organizations/${org.orgId}/members`, outsider, { email, role: 'viewer' });
        expect(res.statusCode).toBe(404);
        expect(res.data.error.message).toBe('Organization not found');
      }
    });

    it('changes roles: admins below owner, owners any; viewers and editors get 403', async () => {
      const org = await orgWithRoles();
      for (const role of ['viewer', 'editor'] as const) {
        const res = await api('PATCH', `/organizations/${org.orgId}/members/${org.viewer.id}`, org[role], { role: 'editor' });
        expect(res.statusCode, role).toBe(403);
      }
      const promote = await api('PATCH', `/organizations/${org.orgId}/members/${org.viewer.id}`, org.admin, { role: 'editor' });
      expect(promote.statusCode).toBe(200);
      expect(promote.data).toMatchObject({ userId: org.viewer.id, role: 'editor' });
      const adminToOwner = await api('PATCH', `/organizations/${org.orgId}/members/${org.viewer.id}`, org.admin, { role: 'owner' });
      expect(adminToOwner.statusCode).toBe(403);
      const adminDemotesOwner = await api('PATCH', `/organizations/${org.orgId}/members/${org.owner.id}`, org.admin, { role: 'viewer' });
      expect(adminDemotesOwner.statusCode).toBe(403);
      const ownerPromotes = await api('PATCH', `/organizations/${org.orgId}/members/${org.admin.id}`, org.owner, { role: 'owner' });
      expect(ownerPromotes.statusCode).toBe(200);
      for (const id of ['nope', '00000000-0000-0000-0000-000000000000', (await createUser(t)).id]) {
        const missing = await api('PATCH', `/organizations/${org.orgId}/members/${id}`, org.owner, { role: 'viewer' });
        expect(missing.statusCode, id).toBe(404);
      }
      const actions = await auditActions(org.owner, org.orgId);
      expect(actions.filter((a) => a === 'member_role_changed')).toHaveLength(2);
    });

    it('removes members: admins below owner, owners any, anyone may leave', async () => {
      const org = await orgWithRoles();
      const extra = await createUser(t);
      await api('POST', `/organizations/${org.orgId}/members`, org.owner, { email: extra.email, role: 'viewer' });
      const byEditor = await api('DELETE', `/organizations/${org.orgId}/members/${extra.id}`, org.editor);
      expect(byEditor.statusCode).toBe(403);
      const byViewer = await api('DELETE', `/organizations/${org.orgId}/members/${extra.id}`, org.viewer);
      expect(byViewer.statusCode).toBe(403);
      const adminRemovesOwner = await api('DELETE', `/organizations/${org.orgId}/members/${org.owner.id}`, org.admin);
      expect(adminRemovesOwner.statusCode).toBe(403);
      const byAdmin = await api('DELETE', `/organizations/${org.orgId}/members/${extra.id}`, org.admin);
      expect(byAdmin.statusCode).toBe(204);
      expect((await api('GET', `/organizations/${org.orgId}`, extra)).statusCode).toBe(404);
      const leaves = await api('DELETE', `/organizations/${org.orgId}/members/${org.viewer.id}`, org.viewer);
      expect(leaves.statusCode).toBe(204);
      expect((await api('GET', `/organizations/${org.orgId}`, org.viewer)).statusCode).toBe(404);
      const gone = await api('DELETE', `/organizations/${org.orgId}/members/${org.viewer.id}`, org.owner);
      expect(gone.statusCode).toBe(404);
      const actions = await auditActions(org.owner, org.orgId);
      expect(actions.filter((a) => a === 'member_removed')).toHaveLength(2);
      const members = await api('GET', `/organizations/${org.orgId}/members`, org.owner);
      expect(members.data.items.map((m: { userId: string }) => m.userId)).toEqual([org.owner.id, org.admin.id, org.editor.id]);
    });

    it('never leaves an organization without an owner', async () => {
      const org = await orgWithRoles();
      const demoteSelf = await api('PATCH', `/organizations/${org.orgId}/members/${org.owner.id}`, org.owner, { role: 'admin' });
      expect(demoteSelf.statusCode).toBe(409);
      expect(demoteSelf.data.error.code).toBe('LAST_OWNER');
      const leave = await api('DELETE', `/organizations/${org.orgId}/members/${org.owner.id}`, org.owner);
      expect(leave.statusCode).toBe(409);
      expect(leave.data.error.code).toBe('LAST_OWNER');
      const personalLeave = await api('DELETE', `/organizations/${org.owner.personalOrgId}/members/${org.owner.id}`, org.owner);
      expect(personalLeave.data.error.code).toBe('LAST_OWNER');

      // With a second owner the first may step down; owner_id moves to the remaining owner.
      await api('PATCH', `/organizations/${org.orgId}/members/${org.admin.id}`, org.owner, { role: 'owner' });
      const stepDown = await api('PATCH', `/organizations/${org.orgId}/members/${org.owner.id}`, org.owner, { role: 'viewer' });
      expect(stepDown.statusCode).toBe(200);
      const after = await api('GET', `/organizations/${org.orgId}`, org.admin);
      expect(after.data.ownerId).toBe(org.admin.id);
      const last = await api('DELETE', `/organizations/${org.orgId}/members/${org.admin.id}`, org.admin);
      expect(last.data.error.code).toBe('LAST_OWNER');
    });

    it('keeps the account holder as owner of their personal organization', async () => {
      const holder = await createUser(t);
      const friend = await createUser(t);
      const orgId = holder.personalOrgId;
      expect((await api('POST', `/organizations/${orgId}/members`, holder, { email: friend.email, role: 'owner' })).statusCode).toBe(201);
      for (const res of [
        await api('DELETE', `/organizations/${orgId}/members/${holder.id}`, holder),
        await api('PATCH', `/organizations/${orgId}/members/${holder.id}`, holder, { role: 'admin' }),
        await api('DELETE', `/organizations/${orgId}/members/${holder.id}`, friend),
        await api('PATCH', `/organizations/${orgId}/members/${holder.id}`, friend, { role: 'viewer' }),
      ]) {
        expect(res.statusCode).toBe(409);
        expect(res.data.error.code).toBe('CONFLICT');
      }
      expect((await api('DELETE', `/organizations/${orgId}/members/${friend.id}`, friend)).statusCode).toBe(204);
      expect((await api('GET', `/organizations/${orgId}`, holder)).data.ownerId).toBe(holder.id);
    });

    it('two concurrent demotions of the last two owners cannot both pass', async () => {
      for (let round = 0; round < 3; round++) {
        const a = await createUser(t);
        const b = await createUser(t);
        const orgId = await createOrg(a, `Race ${round}`);
        await api('POST', `/organizations/${orgId}/members`, a, { email: b.email, role: 'owner' });
        const [first, second] = await Promise.all([
          api('PATCH', `/organizations/${orgId}/members/${a.id}`, a, { role: 'admin' }),
          api('PATCH', `/organizations/${orgId}/members/${b.id}`, b, { role: 'admin' }),
        ]);
        const statuses = [first.statusCode, second.statusCode].sort();
        expect(statuses).toEqual([200, 409]);
        const members = await api('GET', `/organizations/${orgId}/members`, a);
        const owners = members.data.items.filter((m: { role: string }) => m.role === 'owner');
        expect(owners).toHaveLength(1);
        const organization = await api('GET', `/organizations/${orgId}`, a);
        expect(organization.data.ownerId).toBe(owners[0].userId);
      }
    });
  });
});

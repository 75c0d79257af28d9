import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import { AppError } from '../src/core/errors.js';
import { newId } from '../src/core/ids.js';
import { appendRevision, createDocument, createProjectVersion, findLatestDocument } from '../src/modules/documents/index.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Role = 'owner' | 'admin' | 'editor' | 'viewer';
type Doc = {
  id: string;
  projectId: string;
  organizationId: string;
  type: string;
  status: string;
  title: string;
  slug: string;
  contentMarkdown: string;
  metadata: Record<string, unknown>;
  version: number;
  isLocked: boolean;
  currentRev: number;
  creatorId: string | null;
  generationId: string | null;
  publishedAt: string | null;
};
type Revision = { rev: number; title: string; note: string | null; createdBy: string | null; createdByName: string | null; restoredFrom: number | null; size: number };

describe.each(testDrivers)('documents on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, user: TestUser | undefined, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { ...(user ? { token: user.token } : {}), ...(body === undefined ? {} : { body }) });
  const actorOf = (user: TestUser) => ({ userId: user.id, ipAddress: '127.0.0.1', userAgent: 'documents test' });

  async function orgWithRoles(): Promise<{ orgId: string; projectId: string } & Record<Role, TestUser>> {
    const owner = await createUser(t);
    const org = await api('POST', '/organizations', owner, { name: 'Docs Inc' });
    expect(org.statusCode).toBe(201);
    const users = { owner } as Record<Role, TestUser>;
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      users[role] = await createUser(t);
      expect((await api('POST', `/organizations/${org.data.id}/members`, owner, { email: users[role].email, role })).statusCode).toBe(201);
    }
    const project = await api('POST', '/projects', owner, { organizationId: org.data.id, name: 'Shared project' });
    expect(project.statusCode).toBe(201);
    return { orgId: org.data.id, projectId: project.data.id, ...users };
  }

  async function createProject(user: TestUser, name = 'Docs project'): Promise<string> {
    const res = await api('POST', '/projects', user, { name });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data.id as string;
  }

  async function createDoc(user: TestUser, projectId: string, body: Record<string, unknown>): Promise<Doc> {
    const res = await api('POST', `/projects/${projectId}/documents`, user, { type: 'prd', ...body });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data;
  }

  async function edit(user: TestUser, projectId: string, doc: { id: string }, body: Record<string, unknown>) {
    return api('PATCH', `/projects/${projectId}/documents/${doc.id}`, user, body);
  }

  /** Follows nextCursor to the end of a list; returns every item in order and the number of pages. */
  async function walk<T>(user: TestUser, url: string, limit: number): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await api('GET', `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, user);
      expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
      expect(res.data.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.data.items);
      cursor = res.data.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(100);
    } while (cursor);
    return { items, pages };
  }

  async function orgAudit(user: TestUser, orgId: string): Promise<Array<{ action: string; resourceId: string; details: Record<string, unknown> }>> {
    const res = await api('GET', `/audit?organizationId=${orgId}&limit=200`, user);
    expect(res.statusCode).toBe(200);
    return res.data.items;
  }

  async function countRevisions(documentId: string): Promise<number> {
    const rows = await t.database.db.withAdmin((client) =>
      client.query<{ n: number }>('SELECT count(*)::int AS n FROM app.document_revisions WHERE document_id = $1', [documentId]),
    );
    return rows[0]!.n;
  }

  it('creates a document with revision 1, lists it with an excerpt and reads it latest or at a revision', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const markdown = '# Goals\n\nLet **customers** pay with their [phone](https://example.test).\n\n## Users\n\n- Shoppers\n';
    const res = await api('POST', `/projects/${projectId}/documents`, user, {
      type: 'prd',
      title: 'Mobile Payments PRD',
      contentMarkdown: markdown,
      metadata: { audience: 'product' },
    });
    expect(res.statusCode).toBe(201);
    const doc: Doc = res.data;
    expect(doc).toMatchObject({
      projectId,
      organizationId: user.personalOrgId,
      type: 'prd',
      status: 'draft',
      title: 'Mobile Payments PRD',
      slug: 'mobile-payments-prd',
      contentMarkdown: markdown,
      metadata: { audience: 'product' },
      version: 1,
      isLocked: false,
      currentRev: 1,
      creatorId: user.id,
      generationId: null,
      publishedAt: null,
    });

    const empty = await createDoc(user, projectId, { type: 'srs', title: 'Empty SRS' });
    expect(empty).toMatchObject({ contentMarkdown: '', currentRev: 1, slug: 'empty-srs' });

    const list = await api('GET', `/projects/${projectId}/documents`, user);
    expect(list.statusCode).toBe(200);
    expect(list.data.nextCursor).toBeNull();
    expect(list.data.items.map((d: Doc) => d.id)).toEqual([empty.id, doc.id]);
    const item = list.data.items[1];
    expect(item.contentMarkdown).toBeUndefined();
    expect(item.excerpt).toBe('Goals Let customers pay with their phone. Users Shoppers');
    // A first heading that repeats the title is not repeated in the excerpt.
    await createDoc(user, projectId, { type: 'other', title: 'Pricing Notes', contentMarkdown: '# Pricing Notes\n\nTiers start at ten euros.' });
    const titled = await api('GET', `/projects/${projectId}/documents?type=other`, user);
    expect(titled.data.items[0].excerpt).toBe('Tiers start at ten euros.');
    expect(item).toMatchObject({ title: 'Mobile Payments PRD', currentRev: 1, slug: 'mobile-payments-prd' });

    const byType = await api('GET', `/projects/${projectId}/documents?type=srs`, user);
    expect(byType.data.items.map((d: Doc) => d.id)).toEqual([empty.id]);
    const byStatus = await api('GET', `/projects/${projectId}/documents?status=published`, user);
    expect(byStatus.data.items).toEqual([]);

    const latest = await api('GET', `/projects/${projectId}/documents/${doc.id}`, user);
    expect(latest.statusCode).toBe(200);
    expect(latest.data).toMatchObject({ id: doc.id, rev: 1, currentRev: 1, contentMarkdown: markdown, content: null });
    expect(latest.data.revision).toMatchObject({ rev: 1, createdBy: user.id, createdByName: user.name, restoredFrom: null, note: null });

    const edited = await edit(user, projectId, doc, { baseRev: 1, title: 'Payments PRD', contentMarkdown: '# Goals\n\nPay.\n', note: 'shorter' });
    expect(edited.statusCode).toBe(200);
    expect(edited.data).toMatchObject({ currentRev: 2, title: 'Payments PRD', contentMarkdown: '# Goals\n\nPay.\n', slug: 'mobile-payments-prd' });
    const atOne = await api('GET', `/projects/${projectId}/documents/${doc.id}?rev=1`, user);
    expect(atOne.data).toMatchObject({ rev: 1, currentRev: 2, title: 'Mobile Payments PRD', contentMarkdown: markdown });
    const atTwo = await api('GET', `/projects/${projectId}/documents/${doc.id}?rev=2`, user);
    expect(atTwo.data).toMatchObject({ rev: 2, title: 'Payments PRD' });
    expect(atTwo.data.revision.note).toBe('shorter');
    const missing = await api('GET', `/projects/${projectId}/documents/${doc.id}?rev=3`, user);
    expect(missing.statusCode).toBe(404);
    expect(missing.data.error.details[0].field).toBe('rev');

    const actions = (await orgAudit(user, user.personalOrgId)).filter((e) => e.resourceId === doc.id).map((e) => e.action);
    expect(actions).toEqual(['document_revised', 'document_created']);
  });

  it('numbers edits consecutively and keeps every revision, newest first in the history', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const doc = await createDoc(user, projectId, { title: 'History', contentMarkdown: 'v1' });
    for (let rev = 1; rev <= 5; rev++) {
      const res = await edit(user, projectId, doc, { baseRev: rev, contentMarkdown: `v${rev + 1}`, note: `edit ${rev}` });
      expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
      expect(res.data.currentRev).toBe(rev + 1);
    }
    // A change of metadata alone makes no revision; an edit that changes nothing neither.
    const meta = await edit(user, projectId, doc, { baseRev: 6, metadata: { reviewed: true } });
    expect(meta.data).toMatchObject({ currentRev: 6, metadata: { reviewed: true } });
    const same = await edit(user, projectId, doc, { baseRev: 6, contentMarkdown: 'v6', title: 'History' });
    expect(same.data.currentRev).toBe(6);
    const history = await api('GET', `/projects/${projectId}/documents/${doc.id}/revisions`, user);
    expect(history.statusCode).toBe(200);
    const revisions: Revision[] = history.data.items;
    expect(revisions.map((r) => r.rev)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(revisions[0]).toMatchObject({ rev: 6, note: 'edit 5', createdBy: user.id, createdByName: user.name, size: 2, restoredFrom: null });
    expect(revisions[5]!.note).toBeNull();
    expect(await countRevisions(doc.id)).toBe(6);
    // Size counts bytes of UTF-8.
    const wide = await edit(user, projectId, doc, { baseRev: 6, contentMarkdown: 'é€' });
    expect(wide.statusCode).toBe(200);
    const top = await api('GET', `/projects/${projectId}/documents/${doc.id}/revisions?limit=1`, user);
    expect(top.data.items[0]).toMatchObject({ rev: 7, size: 5 });
  });

  it('lets one of two editors starting from the same revision win; the other gets 409 with the current document and loses nothing', async () => {
    const org = await orgWithRoles();
    const { projectId } = org;
    const doc = await createDoc(org.editor, projectId, { title: 'Contested', contentMarkdown: 'start' });
    const texts = { editor: 'editor text', admin: 'admin text' };
    const [a, b] = await Promise.all([
      edit(org.editor, projectId, doc, { baseRev: 1, contentMarkdown: texts.editor }),
      edit(org.admin, projectId, doc, { baseRev: 1, contentMarkdown: texts.admin }),
    ]);
    const results = [a, b].map((r) => r.statusCode).sort();
    expect(results).toEqual([200, 409]);
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
    const winnerText = winner.data.contentMarkdown as string;
    const loserText = winnerText === texts.editor ? texts.admin : texts.editor;
    expect(loser.data.error.code).toBe('CONFLICT');
    expect(loser.data.error.details).toMatchObject({
      field: 'baseRev',
      baseRev: 1,
      currentRev: 2,
      document: { id: doc.id, currentRev: 2, title: 'Contested', contentMarkdown: winnerText },
    });
    expect(await countRevisions(doc.id)).toBe(2);
    // The loser merges against the current revision the conflict carried and saves.
    const merged = `${winnerText}\n${loserText}`;
    const retry = await edit(loser === a ? org.editor : org.admin, projectId, doc, {
      baseRev: loser.data.error.details.currentRev,
      contentMarkdown: merged,
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.data).toMatchObject({ currentRev: 3, contentMarkdown: merged });

    // Many editors at once from the same revision: exactly one wins.
    const many = await Promise.all(
      Array.from({ length: 6 }, (_, i) => edit(i % 2 ? org.editor : org.owner, projectId, doc, { baseRev: 3, contentMarkdown: `racer ${i}` })),
    );
    expect(many.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(many.filter((r) => r.statusCode === 409)).toHaveLength(5);
    expect(await countRevisions(doc.id)).toBe(4);

    // Writers that name no base revision (generators) all land, numbered without gaps or duplicates.
    const appended = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withUser(t.database.db, org.editor.id, (tx) => appendRevision(tx, actorOf(org.editor), doc.id, { contentMarkdown: `appended ${i}` })),
      ),
    );
    expect(appended.map((d) => d.currentRev).sort((x, y) => x - y)).toEqual([5, 6, 7, 8, 9, 10]);
    const history = await walk<Revision>(org.viewer, `/projects/${projectId}/documents/${doc.id}/revisions`, 4);
    expect(history.items.map((r) => r.rev)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it.runIf(kind === 'postgres')('makes a writer that read the same revision wait for the row lock and then answers 409', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const doc = await createDoc(user, projectId, { title: 'Held', contentMarkdown: 'one' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const first = withUser(t.database.db, user.id, async (tx) => {
      const result = await appendRevision(tx, actorOf(user), doc.id, { baseRev: 1, contentMarkdown: 'first' });
      firstInserted();
      await held;
      return result;
    });
    await inserted;
    const second = withUser(t.database.db, user.id, (tx) =>
      appendRevision(tx, actorOf(user), doc.id, { baseRev: 1, contentMarkdown: 'second' }),
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    // The second writer is blocked on the first one's row lock until it commits.
    const early = await Promise.race([second, new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
    expect(early).toBe('waiting');
    release();
    expect((await first).currentRev).toBe(2);
    const error = await second;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).details).toMatchObject({ currentRev: 2, document: { contentMarkdown: 'first' } });
  });

  it('keeps revisions append-only in the database, even for the table owner, while deleting the organization cascades', async () => {
    const org = await orgWithRoles();
    const doc = await createDoc(org.editor, org.projectId, { title: 'Permanent', contentMarkdown: 'carved in stone' });
    await edit(org.editor, org.projectId, doc, { baseRev: 1, contentMarkdown: 'carved again' });
    const { db } = t.database;
    for (const statement of [
      sql`UPDATE app.document_revisions SET content_markdown = 'rewritten' WHERE document_id = ${doc.id}`,
      sql`DELETE FROM app.document_revisions WHERE document_id = ${doc.id}`,
    ]) {
      for (const user of [org.editor, org.owner]) {
        await expect(withUser(db, user.id, (tx) => tx.execute(statement))).rejects.toThrow();
      }
    }
    for (const statement of [
      `UPDATE app.document_revisions SET content_markdown = 'rewritten' WHERE document_id = '${doc.id}'`,
      `DELETE FROM app.document_revisions WHERE document_id = '${doc.id}'`,
      'TRUNCATE app.document_revisions CASCADE',
    ]) {
      await expect(db.withAdmin((client) => client.exec(statement)), statement).rejects.toThrow(/append-only|not allowed|refuse/i);
    }
    expect(await countRevisions(doc.id)).toBe(2);
    const rev1 = await api('GET', `/projects/${org.projectId}/documents/${doc.id}?rev=1`, org.viewer);
    expect(rev1.data.contentMarkdown).toBe('carved in stone');

    const deleted = await api('DELETE', `/organizations/${org.orgId}`, org.owner);
    expect(deleted.statusCode).toBe(204);
    expect(await countRevisions(doc.id)).toBe(0);
    const left = await db.withAdmin((client) =>
      client.query<{ n: number }>('SELECT count(*)::int AS n FROM app.documents WHERE id = $1', [doc.id]),
    );
    expect(left[0]!.n).toBe(0);
  });

  it('diffs two revisions and restores an old one as a new revision', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const v1 = '# Spec\n\nUsers log in with email.\n\n## Limits\n\nNone.\n';
    const v2 = '# Spec\n\nUsers log in with a passkey.\n\n## Limits\n\nNone.\n';
    const v3 = '# Spec\n\nUsers log in with a passkey.\n\n## Limits\n\nFive devices per user.\n';
    const doc = await createDoc(user, projectId, { type: 'spec', title: 'Login spec', contentMarkdown: v1 });
    await edit(user, projectId, doc, { baseRev: 1, contentMarkdown: v2 });
    await edit(user, projectId, doc, { baseRev: 2, contentMarkdown: v3, title: 'Login spec v3' });

    const diff = await api('GET', `/projects/${projectId}/documents/${doc.id}/diff?from=1&to=2`, user);
    expect(diff.statusCode).toBe(200);
    expect(diff.data).toMatchObject({ from: 1, to: 2, stats: { added: 1, removed: 1 } });
    expect(diff.data.unified).toContain('--- login-spec.md (rev 1)');
    expect(diff.data.unified).toContain('-Users log in with email.');
    expect(diff.data.unified).toContain('+Users log in with a passkey.');
    // Defaults: the latest against the one before.
    const latest = await api('GET', `/projects/${projectId}/documents/${doc.id}/diff`, user);
    expect(latest.data).toMatchObject({ from: 2, to: 3, stats: { added: 1, removed: 1 } });
    expect(latest.data.unified).toContain('+Five devices per user.');
    const backwards = await api('GET', `/projects/${projectId}/documents/${doc.id}/diff?from=3&to=1`, user);
    expect(backwards.data.stats).toEqual({ added: 2, removed: 2 });
    const same = await api('GET', `/projects/${projectId}/documents/${doc.id}/diff?from=2&to=2`, user);
    expect(same.data).toMatchObject({ unified: '', stats: { added: 0, removed: 0 } });
    const beyond = await api('GET', `/projects/${projectId}/documents/${doc.id}/diff?from=1&to=9`, user);
    expect(beyond.statusCode).toBe(404);
    expect(beyond.data.error.details[0].field).toBe('to');

    const stale = await api('POST', `/projects/${projectId}/documents/${doc.id}/restore`, user, { rev: 1, baseRev: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.details.currentRev).toBe(3);
    const restored = await api('POST', `/projects/${projectId}/documents/${doc.id}/restore`, user, { rev: 1, baseRev: 3 });
    expect(restored.statusCode).toBe(200);
    expect(restored.data).toMatchObject({ currentRev: 4, contentMarkdown: v1, title: 'Login spec' });
    const history = await api('GET', `/projects/${projectId}/documents/${doc.id}/revisions`, user);
    expect(history.data.items.map((r: Revision) => [r.rev, r.restoredFrom])).toEqual([[4, 1], [3, null], [2, null], [1, null]]);
    expect(history.data.items[0].note).toBe('Restored revision 1');
    const noChange = await api('GET', `/projects/${projectId}/documents/${doc.id}/diff?from=1&to=4`, user);
    expect(noChange.data.unified).toBe('');
    // Revision 3 is still there to go back to.
    const forward = await api('POST', `/projects/${projectId}/documents/${doc.id}/restore`, user, { rev: 3 });
    expect(forward.data).toMatchObject({ currentRev: 5, contentMarkdown: v3, title: 'Login spec v3' });
    const nowhere = await api('POST', `/projects/${projectId}/documents/${doc.id}/restore`, user, { rev: 6 });
    expect(nowhere.statusCode).toBe(404);
    const actions = (await orgAudit(user, user.personalOrgId)).filter((e) => e.resourceId === doc.id).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['document_restored', 'document_restored']);
    expect(actions).toContain('document_revised');
  });

  it('publishes, archives and locks: a locked document refuses every change with 423 until unlocked', async () => {
    const org = await orgWithRoles();
    const { projectId } = org;
    const doc = await createDoc(org.editor, projectId, { title: 'Release notes', contentMarkdown: 'Draft notes' });
    const path = `/projects/${projectId}/documents/${doc.id}`;
    const published = await api('POST', `${path}/publish`, org.editor, {});
    expect(published.statusCode).toBe(200);
    expect(published.data).toMatchObject({ status: 'published', currentRev: 1 });
    expect(Date.parse(published.data.publishedAt)).not.toBeNaN();
    expect((await api('POST', `${path}/publish`, org.editor)).data.publishedAt).toBe(published.data.publishedAt);
    const listed = await api('GET', `/projects/${projectId}/documents?status=published`, org.viewer);
    expect(listed.data.items.map((d: Doc) => d.id)).toEqual([doc.id]);

    // Only admins, owners and the creator lock.
    expect((await api('POST', `${path}/lock`, org.viewer)).statusCode).toBe(403);
    const other = await createDoc(org.owner, projectId, { title: 'Owner doc' });
    expect((await api('POST', `/projects/${projectId}/documents/${other.id}/lock`, org.editor)).statusCode).toBe(403);
    const locked = await api('POST', `${path}/lock`, org.editor);
    expect(locked.statusCode).toBe(200);
    expect(locked.data.isLocked).toBe(true);

    for (const [method, suffix, body] of [
      ['PATCH', '', { baseRev: 1, contentMarkdown: 'changed' }],
      ['PATCH', '', { baseRev: 1, metadata: { a: 1 } }],
      ['POST', '/restore', { rev: 1 }],
      ['POST', '/publish', {}],
      ['POST', '/archive', {}],
    ] as const) {
      const res = await api(method, `${path}${suffix}`, org.owner, body);
      expect(res.statusCode, `${method} ${suffix}`).toBe(423);
      expect(res.data.error.code).toBe('LOCKED');
    }
    await expect(
      withUser(t.database.db, org.editor.id, (tx) => appendRevision(tx, actorOf(org.editor), doc.id, { contentMarkdown: 'by a generator' })),
    ).rejects.toMatchObject({ code: 'LOCKED' });
    // Reading and exporting still work.
    expect((await api('GET', path, org.viewer)).data.contentMarkdown).toBe('Draft notes');
    expect((await api('GET', `${path}/export`, org.viewer)).statusCode).toBe(200);

    expect((await api('POST', `${path}/unlock`, org.editor, {})).statusCode).toBe(200);
    expect((await api('POST', `${path}/lock`, org.admin)).statusCode).toBe(200);
    expect((await api('POST', `${path}/unlock`, org.owner)).data.isLocked).toBe(false);
    const archived = await api('POST', `${path}/archive`, org.editor);
    expect(archived.data).toMatchObject({ status: 'archived', currentRev: 1 });
    // An archived document can still be edited, and keeps its status.
    const edited = await edit(org.editor, projectId, doc, { baseRev: 1, contentMarkdown: 'Final notes' });
    expect(edited.data).toMatchObject({ status: 'archived', currentRev: 2 });

    const actions = (await orgAudit(org.owner, org.orgId)).filter((e) => e.resourceId === doc.id).map((e) => e.action);
    expect(actions).toEqual([
      'document_revised',
      'document_archived',
      'document_unlocked',
      'document_locked',
      'document_unlocked',
      'document_locked',
      'document_published',
      'document_created',
    ]);
  });

  it('exports the Markdown as a file named after the slug', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const markdown = '# Überblick\n\nÄrger vermeiden — café.\n';
    const doc = await createDoc(user, projectId, { type: 'overview', title: 'Project Overview', contentMarkdown: markdown });
    await edit(user, projectId, doc, { baseRev: 1, contentMarkdown: `${markdown}\nMore.\n` });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/projects/${projectId}/documents/${doc.id}/export`,
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="project-overview.md"');
    expect(res.body).toBe(`${markdown}\nMore.\n`);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/v1/projects/${projectId}/documents/${doc.id}/export?rev=1`,
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(old.body).toBe(markdown);
    expect(old.headers['content-disposition']).toBe('attachment; filename="project-overview-rev-1.md"');
  });

  it('derives slugs unique per project, suffixing -2, -3 …, and refuses a taken explicit slug', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await createDoc(user, projectId, { title: 'Release Plan' })).slug);
    expect(slugs).toEqual(['release-plan', 'release-plan-2', 'release-plan-3']);
    expect((await createDoc(user, projectId, { title: '!!!', type: 'risk_register' })).slug).toBe('risk-register');
    expect((await createDoc(user, projectId, { title: 'Anything', slug: 'custom-slug' })).slug).toBe('custom-slug');
    const taken = await api('POST', `/projects/${projectId}/documents`, user, { type: 'prd', title: 'X', slug: 'release-plan-2' });
    expect(taken.statusCode).toBe(409);
    expect(taken.data.error.details[0].field).toBe('slug');
    // A derived slug skips an explicit one that took its place.
    expect((await createDoc(user, projectId, { title: 'Custom Slug' })).slug).toBe('custom-slug-2');
    // Another project has slugs of its own.
    const otherProject = await createProject(user, 'Other');
    expect((await createDoc(user, otherProject, { title: 'Release Plan' })).slug).toBe('release-plan');
    // Concurrent creations with the same title still get distinct slugs.
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => createDoc(user, otherProject, { title: 'Race' })));
    expect(new Set(concurrent.map((d) => d.slug)).size).toBe(4);
  });

  it('lets viewers read and not write, and answers 404 to strangers exactly as for missing ids', async () => {
    const org = await orgWithRoles();
    const { projectId } = org;
    const doc = await createDoc(org.editor, projectId, { title: 'Guarded', contentMarkdown: 'secret' });
    const path = `/projects/${projectId}/documents/${doc.id}`;
    for (const url of [`/projects/${projectId}/documents`, path, `${path}?rev=1`, `${path}/revisions`, `${path}/diff?from=1&to=1`, `${path}/export`, `/projects/${projectId}/versions`]) {
      expect((await api('GET', url, org.viewer)).statusCode, url).toBe(200);
    }
    const writes = [
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'By viewer' }],
      ['PATCH', path, { baseRev: 1, contentMarkdown: 'x' }],
      ['POST', `${path}/publish`, {}],
      ['POST', `${path}/archive`, {}],
      ['POST', `${path}/lock`, {}],
      ['POST', `${path}/unlock`, {}],
      ['POST', `${path}/restore`, { rev: 1 }],
      ['POST', `/projects/${projectId}/versions`, {}],
    ] as const;
    for (const [method, url, body] of writes) {
      const res = await api(method, url, org.viewer, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.data.error.code).toBe('FORBIDDEN');
    }
    await expect(
      withUser(t.database.db, org.viewer.id, (tx) => appendRevision(tx, actorOf(org.viewer), doc.id, { contentMarkdown: 'x' })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A stranger gets the answers of a missing project or document, for reads and writes alike.
    const stranger = await createUser(t);
    const strangerProject = await createProject(stranger);
    const strangerDoc = await createDoc(stranger, strangerProject, { title: 'Mine' });
    const everything = (p: string, d: string) =>
      [
        ['GET', `/projects/${p}/documents`, undefined],
        ['POST', `/projects/${p}/documents`, { type: 'prd', title: 'x' }],
        ['GET', `/projects/${p}/documents/${d}`, undefined],
        ['PATCH', `/projects/${p}/documents/${d}`, { baseRev: 1, contentMarkdown: 'x' }],
        ['GET', `/projects/${p}/documents/${d}/revisions`, undefined],
        ['GET', `/projects/${p}/documents/${d}/diff`, undefined],
        ['GET', `/projects/${p}/documents/${d}/export`, undefined],
        ['POST', `/projects/${p}/documents/${d}/publish`, {}],
        ['POST', `/projects/${p}/documents/${d}/archive`, {}],
        ['POST', `/projects/${p}/documents/${d}/lock`, {}],
        ['POST', `/projects/${p}/documents/${d}/unlock`, {}],
        ['POST', `/projects/${p}/documents/${d}/restore`, { rev: 1 }],
        ['GET', `/projects/${p}/versions`, undefined],
        ['POST', `/projects/${p}/versions`, {}],
      ] as const;
    const answers = async (user: TestUser, p: string, d: string) => {
      const out: string[] = [];
      for (const [method, url, body] of everything(p, d)) {
        const res = await api(method, url, user, body);
        out.push(`${method} ${url.replace(p, 'P').replace(d, 'D')} ${res.statusCode} ${res.data?.error?.message}`);
      }
      return out;
    };
    const foreign = await answers(stranger, projectId, doc.id);
    const missing = await answers(stranger, newId(), newId());
    expect(foreign).toEqual(missing);
    expect(foreign.every((line) => line.includes(' 404 Project not found'))).toBe(true);
    // Inside one's own project, another tenant's document id is as missing as an unknown one.
    const own = await answers(stranger, strangerProject, doc.id);
    const unknown = await answers(stranger, strangerProject, newId());
    const malformed = await answers(stranger, strangerProject, 'not-a-uuid');
    expect(own).toEqual(unknown);
    expect(own.filter((line) => / 404 Document not found/.test(line))).toHaveLength(10);
    expect(malformed.filter((line) => / 404 Document not found/.test(line))).toHaveLength(10);
    // A document of one project is not found under another project of the same tenant.
    const strangerOther = await createProject(stranger, 'Second');
    expect((await api('GET', `/projects/${strangerOther}/documents/${strangerDoc.id}`, stranger)).statusCode).toBe(404);
    await expect(
      withUser(t.database.db, stranger.id, (tx) => appendRevision(tx, actorOf(stranger), doc.id, { contentMarkdown: 'x' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Nothing leaked into the document.
    expect(await countRevisions(doc.id)).toBe(1);
    expect((await api('GET', `/projects/${projectId}/documents/${doc.id}`, org.owner)).data.contentMarkdown).toBe('secret');
  });

  it('validates input with 400 naming the field', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const doc = await createDoc(user, projectId, { title: 'Valid' });
    const path = `/projects/${projectId}/documents/${doc.id}`;
    const bodies: Array<['POST' | 'PATCH', string, unknown, string]> = [
      ['POST', `/projects/${projectId}/documents`, { title: 'No type' }, 'type'],
      ['POST', `/projects/${projectId}/documents`, { type: 'novel', title: 'Bad type' }, 'type'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd' }, 'title'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: '   ' }, 'title'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'x'.repeat(256) }, 'title'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'x', slug: 'Has Spaces' }, 'slug'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'x', slug: '-lead' }, 'slug'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'x', slug: 'a'.repeat(201) }, 'slug'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'x', metadata: [1] }, 'metadata'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'x', contentMarkdown: 5 }, 'contentMarkdown'],
      ['POST', `/projects/${projectId}/documents`, { type: 'prd', title: 'x', status: 'published' }, 'status'],
      ['PATCH', path, { contentMarkdown: 'no base' }, 'baseRev'],
      ['PATCH', path, { baseRev: -1, contentMarkdown: 'x' }, 'baseRev'],
      ['PATCH', path, { baseRev: 1.5, contentMarkdown: 'x' }, 'baseRev'],
      ['PATCH', path, { baseRev: '1', contentMarkdown: 'x' }, 'baseRev'],
      ['PATCH', path, { baseRev: 1, title: '' }, 'title'],
      ['PATCH', path, { baseRev: 1, note: 'n'.repeat(1001) }, 'note'],
      ['PATCH', path, { baseRev: 1, slug: 'renamed' }, 'slug'],
      ['POST', `${path}/restore`, {}, 'rev'],
      ['POST', `${path}/restore`, { rev: 0 }, 'rev'],
      ['POST', `${path}/restore`, { rev: 1, baseRev: 'x' }, 'baseRev'],
      ['POST', `/projects/${projectId}/versions`, { changeNote: 'c'.repeat(2001) }, 'changeNote'],
      ['POST', `/projects/${projectId}/versions`, { version: 3 }, 'version'],
    ];
    for (const [method, url, body, field] of bodies) {
      const res = await api(method, url, user, body);
      expect(res.statusCode, `${method} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.data.error.details) + res.data.error.message, JSON.stringify(body).slice(0, 60)).toContain(field);
    }
    const queries: Array<[string, string]> = [
      [`/projects/${projectId}/documents?type=novel`, 'type'],
      [`/projects/${projectId}/documents?status=gone`, 'status'],
      [`/projects/${projectId}/documents?limit=0`, 'limit'],
      [`/projects/${projectId}/documents?limit=201`, 'limit'],
      [`/projects/${projectId}/documents?cursor=garbage`, 'cursor'],
      [`/projects/${projectId}/documents?cursor=${Buffer.from('["7","7"]').toString('base64url')}`, 'cursor'],
      [`/projects/${projectId}/documents?unknown=1`, 'unknown'],
      [`${path}?rev=0`, 'rev'],
      [`${path}?rev=abc`, 'rev'],
      [`${path}/diff?from=x`, 'from'],
      [`${path}/diff?to=-2`, 'to'],
      [`${path}/revisions?cursor=${Buffer.from('["2025-01-01T00:00:00.000000Z","01900000-0000-7000-8000-000000000000"]').toString('base64url')}`, 'cursor'],
      [`${path}/export?rev=1.5`, 'rev'],
      [`/projects/${projectId}/versions?limit=x`, 'limit'],
    ];
    for (const [url, field] of queries) {
      const res = await api('GET', url, user);
      expect(res.statusCode, url).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.data.error.details) + res.data.error.message, url).toContain(field);
    }
    expect((await api('PATCH', path, user, [1])).statusCode).toBe(400);
    expect(await countRevisions(doc.id)).toBe(1);
  });

  it('numbers project versions, bumps the project’s current version, and stamps new documents with it', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const first = await api('POST', `/projects/${projectId}/versions`, user, { changeNote: 'Initial scope' });
    expect(first.statusCode).toBe(201);
    expect(first.data).toMatchObject({ projectId, version: 1, changeNote: 'Initial scope', createdBy: user.id });
    const second = await api('POST', `/projects/${projectId}/versions`, user);
    expect(second.statusCode).toBe(201);
    expect(second.data).toMatchObject({ version: 2, changeNote: null });
    expect((await api('GET', `/projects/${projectId}`, user)).data.currentVersion).toBe(2);
    const doc = await createDoc(user, projectId, { title: 'In version 2' });
    expect(doc.version).toBe(2);

    const byAi = await withUser(t.database.db, user.id, (tx) =>
      createProjectVersion(tx, actorOf(user), projectId, 'Generated workspace', { byAi: true }),
    );
    expect(byAi).toMatchObject({ version: 3, createdBy: null, changeNote: 'Generated workspace' });

    // Concurrent versions of one project: consecutive numbers, none twice.
    const concurrent = await Promise.all(Array.from({ length: 8 }, (_, i) => api('POST', `/projects/${projectId}/versions`, user, { changeNote: `c${i}` })));
    expect(concurrent.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(concurrent.map((r) => r.data.version as number).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect((await api('GET', `/projects/${projectId}`, user)).data.currentVersion).toBe(11);
    const all = await walk<{ version: number }>(user, `/projects/${projectId}/versions`, 3);
    expect(all.items.map((v) => v.version)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(all.pages).toBe(4);
    const audit = (await orgAudit(user, user.personalOrgId)).filter((e) => e.action === 'project_version_created' && e.resourceId === projectId);
    expect(audit).toHaveLength(11);
  });

  it('pages documents and revisions newest first without gaps or duplicates', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await createDoc(user, projectId, { title: `Paged ${i}`, type: i % 3 ? 'prd' : 'srs' })).id);
    // Documents made in one transaction share created_at; the id breaks the tie.
    const sameTime = await withUser(t.database.db, user.id, async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await createDocument(tx, actorOf(user), projectId, { type: 'tech', title: `Same ${i}`, contentMarkdown: '' })).id);
      return ids;
    });
    const expected = [...[...sameTime].sort().reverse(), ...[...created].reverse()];
    for (const limit of [1, 4, 5, 30]) {
      const page = await walk<Doc>(user, `/projects/${projectId}/documents`, limit);
      expect(page.items.map((d) => d.id), `limit ${limit}`).toEqual(expected);
      expect(page.pages).toBe(Math.ceil(expected.length / limit));
    }
    const srs = await walk<Doc>(user, `/projects/${projectId}/documents?type=srs`, 3);
    expect(srs.items.map((d) => d.id)).toEqual(created.filter((_, i) => i % 3 === 0).reverse());

    const doc = { id: created[0]! };
    for (let rev = 1; rev <= 11; rev++) await edit(user, projectId, doc, { baseRev: rev, contentMarkdown: `text ${rev + 1}` });
    for (const limit of [1, 5, 12, 50]) {
      const history = await walk<Revision>(user, `/projects/${projectId}/documents/${doc.id}/revisions`, limit);
      expect(history.items.map((r) => r.rev), `limit ${limit}`).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    }
  });

  it('offers generators createDocument with generation output, appendRevision with status, and findLatestDocument', async () => {
    const user = await createUser(t);
    const projectId = await createProject(user);
    const { db } = t.database;
    expect(await withUser(db, user.id, (tx) => findLatestDocument(tx, projectId, 'prd'))).toBeNull();
    const made = await withUser(db, user.id, (tx) =>
      createDocument(tx, actorOf(user), projectId, {
        type: 'prd',
        title: 'Generated PRD',
        contentMarkdown: '# PRD\n\nGoals.\n',
        status: 'generated',
        content: { sections: ['Goals'] },
        metadata: { citations: ['block-1'] },
        note: 'Generated from the idea',
      }),
    );
    expect(made).toMatchObject({ status: 'generated', currentRev: 1, metadata: { citations: ['block-1'] }, slug: 'generated-prd' });
    const read = await api('GET', `/projects/${projectId}/documents/${made.id}`, user);
    expect(read.data).toMatchObject({ content: { sections: ['Goals'] }, revision: { note: 'Generated from the idea' } });

    const stale = withUser(db, user.id, (tx) => appendRevision(tx, actorOf(user), made.id, { baseRev: 0, contentMarkdown: 'x' }));
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', details: { currentRev: 1, document: { contentMarkdown: '# PRD\n\nGoals.\n' } } });
    const revised = await withUser(db, user.id, (tx) =>
      appendRevision(tx, actorOf(user), made.id, { baseRev: 1, contentMarkdown: '# PRD\n\nBetter goals.\n', status: 'draft', note: 'regenerated', title: 'PRD' }),
    );
    expect(revised).toMatchObject({ currentRev: 2, status: 'draft', title: 'PRD', contentMarkdown: '# PRD\n\nBetter goals.\n' });
    const published = await withUser(db, user.id, (tx) =>
      appendRevision(tx, actorOf(user), made.id, { contentMarkdown: '# PRD\n\nFinal goals.\n', status: 'published', metadata: { citations: ['block-2'] } }),
    );
    expect(published).toMatchObject({ currentRev: 3, status: 'published', publishedAt: expect.any(String), metadata: { citations: ['block-2'] } });
    const latest = await withUser(db, user.id, (tx) => findLatestDocument(tx, projectId, 'prd'));
    expect(latest?.id).toBe(made.id);
    await api('POST', `/projects/${projectId}/documents/${made.id}/archive`, user);
    expect(await withUser(db, user.id, (tx) => findLatestDocument(tx, projectId, 'prd'))).toBeNull();
    // Another tenant's project shows nothing.
    const stranger = await createUser(t);
    expect(await withUser(db, stranger.id, (tx) => findLatestDocument(tx, projectId, 'prd'))).toBeNull();
  });
});

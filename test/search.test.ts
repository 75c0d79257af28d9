import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import { appendRevision, createDocument, type CreateDocumentInput } from '../src/modules/documents/index.js';
import { documents } from '../src/modules/documents/documents.schema.js';
import { documentSections } from '../src/modules/search/search.schema.js';
import { EMBEDDING_MODEL, retrieveSections } from '../src/modules/search/index.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Hit = {
  documentId: string;
  documentTitle: string;
  documentType: string;
  rev: number;
  blockId: string;
  heading: string | null;
  snippet: string;
  score: number;
  matchedBy: string[];
};

const SRS = `Prepared for the Acme web shop.

# Introduction
This document describes the web shop and its scope.

# Specific Requirements
## Authentication
Account holders authenticate with an email address and a password. After five failed attempts the account is locked
for fifteen minutes.

## Billing
Invoices are issued monthly; the checkout accepts credit cards and bank transfers.

## Response times
Pages render within 200 milliseconds at the 95th percentile under peak load.
`;

const PRD = `# Stock display
Use <b>bold</b> & "quotes" when the inventory count is < 5 or > 100. <script>alert('x')</script>

# Goals
Grow repeat purchases of loyal shoppers.
`;

describe.each(testDrivers)('search on %s', (kind) => {
  let t: TestApp;
  let owner: TestUser;
  let orgId: string;
  let projectId: string;
  let srsId: string;

  const api = (url: string, user: TestUser) => call(t.app, 'GET', `/api/v1${url}`, { token: user.token });
  const search = async (user: TestUser, q: string, extra = ''): Promise<Hit[]> => {
    const res = await api(`/projects/${projectId}/search?q=${encodeURIComponent(q)}${extra}`, user);
    expect(res.statusCode, JSON.stringify(res.data)).toBe(200);
    return res.data.items as Hit[];
  };

  async function newDocument(user: TestUser, project: string, input: Omit<CreateDocumentInput, 'contentMarkdown'> & { contentMarkdown: string }) {
    const actor = { userId: user.id, ipAddress: '127.0.0.1', userAgent: 'search.test' };
    return withUser(t.database.db, user.id, (tx) => createDocument(tx, actor, project, input));
  }

  async function revise(user: TestUser, documentId: string, contentMarkdown: string) {
    const actor = { userId: user.id, ipAddress: '127.0.0.1', userAgent: 'search.test' };
    return withUser(t.database.db, user.id, (tx) => appendRevision(tx, actor, documentId, { contentMarkdown }));
  }

  async function newProject(user: TestUser, organizationId: string, name: string): Promise<string> {
    const res = await call(t.app, 'POST', '/api/v1/projects', { token: user.token, body: { organizationId, name } });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = await createUser(t);
    const org = await call(t.app, 'POST', '/api/v1/organizations', { token: owner.token, body: { name: 'Acme' } });
    expect(org.statusCode).toBe(201);
    orgId = org.data.id as string;
    projectId = await newProject(owner, orgId, 'Web shop');
    srsId = (await newDocument(owner, projectId, { type: 'srs', title: 'Web shop SRS', contentMarkdown: SRS })).id;
    await newDocument(owner, projectId, { type: 'prd', title: 'Loyalty PRD', contentMarkdown: PRD });
  });
  afterAll(async () => t.close());

  it('stores each revision’s sections with embeddings of the builtin model', async () => {
    const rows = await withUser(t.database.db, owner.id, (tx) =>
      tx.select().from(documentSections).where(eq(documentSections.documentId, srsId)).orderBy(documentSections.position),
    );
    expect(rows.map((row) => row.blockId)).toEqual([
      'intro',
      'introduction',
      'specific-requirements',
      'specific-requirements/authentication',
      'specific-requirements/billing',
      'specific-requirements/response-times',
    ]);
    expect(rows.every((row) => row.rev === 1 && row.embeddingModel === EMBEDDING_MODEL && row.embedding?.length === 256)).toBe(true);
    expect(rows[0]!.heading).toBeNull();
  });

  it('finds a section by a word of its body, with the document, the section and a highlighted snippet', async () => {
    const items = await search(owner, 'password');
    expect(items[0]).toMatchObject({
      documentId: srsId,
      documentTitle: 'Web shop SRS',
      documentType: 'srs',
      rev: 1,
      blockId: 'specific-requirements/authentication',
      heading: 'Authentication',
    });
    expect(items[0]!.matchedBy).toContain('text');
    expect(items[0]!.snippet).toContain('<mark>password</mark>');
    expect(items[0]!.score).toBeGreaterThan(0);
    // Inflections match too (English stemming): "invoice" finds "Invoices".
    const billing = await search(owner, 'invoice');
    expect(billing[0]!.blockId).toBe('specific-requirements/billing');
    expect(billing[0]!.snippet).toContain('<mark>Invoices</mark>');
  });

  it('finds a section by a paraphrase that shares no word with it (vector similarity)', async () => {
    const signIn = await search(owner, 'how do customers sign in');
    expect(signIn[0]).toMatchObject({ blockId: 'specific-requirements/authentication', matchedBy: ['vector'] });
    expect(signIn[0]!.snippet).not.toContain('<mark>');
    const speed = await search(owner, 'is the site fast');
    expect(speed[0]).toMatchObject({ blockId: 'specific-requirements/response-times', matchedBy: ['vector'] });
    const pay = await search(owner, 'paying');
    expect(pay[0]!.blockId).toBe('specific-requirements/billing');
  });

  it('ranks a section that both rankings find above one that only one finds', async () => {
    const items = await search(owner, 'password attempts');
    expect(items[0]).toMatchObject({ blockId: 'specific-requirements/authentication' });
    expect(items[0]!.matchedBy.sort()).toEqual(['text', 'vector']);
    for (const item of items.slice(1)) expect(item.score).toBeLessThanOrEqual(items[0]!.score);
  });

  it('searches only the latest revision of each document, and no archived document', async () => {
    const doc = await newDocument(owner, projectId, { type: 'tech', title: 'Architecture', contentMarkdown: '# Transport\nParcels go by zeppelin.' });
    expect((await search(owner, 'zeppelin')).map((hit) => hit.documentId)).toEqual([doc.id]);
    await revise(owner, doc.id, '# Transport\nParcels go by airship.');
    expect(await search(owner, 'zeppelin')).toEqual([]);
    const airship = await search(owner, 'airship');
    expect(airship).toHaveLength(1);
    expect(airship[0]).toMatchObject({ documentId: doc.id, rev: 2, blockId: 'transport' });

    const archived = await newDocument(owner, projectId, { type: 'other', title: 'Old notes', contentMarkdown: 'The quasar launch plan.' });
    expect((await search(owner, 'quasar')).map((hit) => hit.documentId)).toEqual([archived.id]);
    await withUser(t.database.db, owner.id, (tx) => tx.update(documents).set({ status: 'archived' }).where(eq(documents.id, archived.id)));
    expect(await search(owner, 'quasar')).toEqual([]);
  });

  it('answers members with the viewer role, and only about the project asked for', async () => {
    const viewer = await createUser(t);
    const added = await call(t.app, 'POST', `/api/v1/organizations/${orgId}/members`, { token: owner.token, body: { email: viewer.email, role: 'viewer' } });
    expect(added.statusCode).toBe(201);
    const otherProject = await newProject(owner, orgId, 'Back office');
    await newDocument(owner, otherProject, { type: 'spec', title: 'Back office spec', contentMarkdown: '# Access\nStaff use a password too.' });
    const items = await search(viewer, 'password');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((hit) => hit.documentTitle !== 'Back office spec')).toBe(true);
  });

  it('answers 404 for another tenant’s project and never shows its sections', async () => {
    const stranger = await createUser(t);
    expect((await api(`/projects/${projectId}/search?q=password`, stranger)).statusCode).toBe(404);
    const strangerProject = await newProject(stranger, stranger.personalOrgId, 'Private');
    await newDocument(stranger, strangerProject, { type: 'srs', title: 'Secret SRS', contentMarkdown: '# Login\nThe password is hunter2.' });
    expect((await api(`/projects/${strangerProject}/search?q=password`, owner)).statusCode).toBe(404);
    expect((await api(`/projects/not-a-uuid/search?q=password`, owner)).statusCode).toBe(404);
    expect((await search(owner, 'hunter2')).length).toBe(0);
    expect((await call(t.app, 'GET', `/api/v1/projects/${projectId}/search?q=password`)).statusCode).toBe(401);
  });

  it('retrieves sections with their whole Markdown for generation context, members only', async () => {
    const sections = await withUser(t.database.db, owner.id, (tx) => retrieveSections(tx, owner.id, projectId, { q: 'billing and payment', limit: 3 }));
    expect(sections[0]).toMatchObject({ documentId: srsId, rev: 1, blockId: 'specific-requirements/billing', heading: 'Billing' });
    expect(sections[0]!.bodyMd).toBe('Invoices are issued monthly; the checkout accepts credit cards and bank transfers.');
    const stranger = await createUser(t);
    await expect(withUser(t.database.db, stranger.id, (tx) => retrieveSections(tx, stranger.id, projectId, { q: 'billing', limit: 3 }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('escapes the snippet’s HTML and marks only the matches', async () => {
    const [hit] = await search(owner, 'inventory');
    expect(hit).toMatchObject({ documentTitle: 'Loyalty PRD', blockId: 'stock-display' });
    expect(hit!.snippet).toContain('<mark>inventory</mark>');
    expect(hit!.snippet).toContain('&amp;');
    expect(hit!.snippet).toContain('&quot;quotes&quot;');
    expect(hit!.snippet).toContain('&lt; 5');
    expect(hit!.snippet).toContain('&gt; 100');
    const withoutMarks = hit!.snippet.replace(/<\/?mark>/g, '');
    expect(withoutMarks).not.toMatch(/[<>]/);
  });

  it('answers 400 naming the field for a bad q or limit, and honours limit', async () => {
    const bad = async (query: string, field: string) => {
      const res = await api(`/projects/${projectId}/search${query}`, owner);
      expect(res.statusCode, query).toBe(400);
      expect(res.data.error.code).toBe('VALIDATION_FAILED');
      expect(res.data.error.details.map((d: { field: string }) => d.field), query).toContain(field);
    };
    await bad('', 'q');
    await bad('?q=', 'q');
    await bad('?q=%20%20', 'q');
    await bad(`?q=${'a'.repeat(501)}`, 'q');
    await bad('?q=password&limit=0', 'limit');
    await bad('?q=password&limit=51', 'limit');
    await bad('?q=password&limit=many', 'limit');
    expect((await search(owner, 'a'.repeat(500))).length).toBe(0);
    expect(await search(owner, 'the of and')).toEqual([]);
    expect((await search(owner, 'requirements account password invoices pages', '&limit=2')).length).toBe(2);
  });
});

import { newId } from '../src/core/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/core/db/tenancy.js';
import { estimateTokens } from '../src/core/text/index.js';
import { saveProjectModel } from '../src/modules/project-model/index.js';
import { lendingLibraryModel } from './support/lending-library-model.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Citation = { id: string; kind: string; documentId: string | null; blockId: string | null };
type Message = {
  id: string;
  role: string;
  content: string;
  status: string;
  tokenCount: number | null;
  generationId: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
};
type SseEvent = { event: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .map((frame) => {
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      return event && data ? { event, data: JSON.parse(data) } : null;
    })
    .filter((entry): entry is SseEvent => entry !== null);
}

const SPEC = [
  '# Ticket booking service',
  '',
  '## Refund policy',
  '',
  'Customers can request a refund up to 48 hours before the concert starts. Refunds are paid back to the original card within five working days.',
  '',
  '## Seat selection',
  '',
  'The seat map shows every free seat of the venue. A selected seat is held for ten minutes while the customer pays.',
].join('\n');

const slowAnswer = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');

describe.each(testDrivers)('project chat on %s', (kind) => {
  let t: TestApp;
  let fake: FakeOpenAiServer;
  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-chat-test' });
    t = await createTestApp(kind, { AI_TIMEOUT_MS: '1500', AI_MAX_RETRIES: '0' });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user: TestUser | undefined, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { ...(user ? { token: user.token } : {}), ...(body === undefined ? {} : { body }) });

  async function projectOf(user: TestUser, withSpec = true): Promise<string> {
    const project = await api('POST', '/projects', user, { name: 'Tickets' });
    expect(project.statusCode, JSON.stringify(project.data)).toBe(201);
    if (withSpec) {
      const doc = await api('POST', `/projects/${project.data.id}/documents`, user, { type: 'srs', title: 'Booking SRS', contentMarkdown: SPEC });
      expect(doc.statusCode, JSON.stringify(doc.data)).toBe(201);
    }
    return project.data.id as string;
  }
  async function conversationIn(user: TestUser, projectId: string): Promise<string> {
    const res = await api('POST', `/projects/${projectId}/conversations`, user, {});
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data.id as string;
  }
  const creditsOf = async (user: TestUser) => (await api('GET', '/me/credits', user)).data.remaining as number;
  const messagesOf = async (user: TestUser, projectId: string, conversationId: string) =>
    (await api('GET', `/projects/${projectId}/conversations/${conversationId}/messages?limit=200`, user)).data.items as Message[];
  async function useFakeModel(user: TestUser): Promise<void> {
    const saved = await api('PATCH', `/organizations/${user.personalOrgId}/ai-settings`, user, {
      provider: 'openai-compatible',
      baseUrl: fake.url,
      model: 'fake-gpt',
      apiKey: 'sk-chat-test',
    });
    expect(saved.statusCode, JSON.stringify(saved.data)).toBe(200);
  }

  it('creates, lists, renames and deletes conversations; viewers read, strangers get 404', async () => {
    const owner = await createUser(t);
    const org = await api('POST', '/organizations', owner, { name: 'Chat Co' });
    const viewer = await createUser(t);
    expect((await api('POST', `/organizations/${org.data.id}/members`, owner, { email: viewer.email, role: 'viewer' })).statusCode).toBe(201);
    const project = await api('POST', '/projects', owner, { organizationId: org.data.id, name: 'Shared' });
    const projectId = project.data.id as string;
    const base = `/projects/${projectId}/conversations`;

    const untitled = await api('POST', base, owner, {});
    expect(untitled.statusCode).toBe(201);
    expect(untitled.data.title).toBe('New conversation');
    const named = await api('POST', base, owner, { title: '  Launch plan ' });
    expect(named.data.title).toBe('Launch plan');
    expect((await api('POST', base, owner, { title: '' })).data.error.details[0].field).toBe('title');

    const list = await api('GET', `${base}?limit=1`, viewer);
    expect(list.statusCode).toBe(200);
    expect(list.data.items.map((c: { id: string }) => c.id)).toEqual([named.data.id]);
    const rest = await api('GET', `${base}?limit=1&cursor=${list.data.nextCursor}`, viewer);
    expect(rest.data.items.map((c: { id: string }) => c.id)).toEqual([untitled.data.id]);
    expect(rest.data.nextCursor).toBeNull();

    const renamed = await api('PATCH', `${base}/${untitled.data.id}`, owner, { title: 'Renamed' });
    expect(renamed.data.title).toBe('Renamed');
    expect((await api('GET', `${base}/${untitled.data.id}`, viewer)).data.title).toBe('Renamed');
    expect((await api('PATCH', `${base}/${untitled.data.id}`, viewer, { title: 'Nope' })).statusCode).toBe(403);
    expect((await api('POST', base, viewer, {})).statusCode).toBe(403);
    expect((await api('DELETE', `${base}/${untitled.data.id}`, viewer)).statusCode).toBe(403);

    const stranger = await createUser(t);
    expect((await api('GET', `${base}/${named.data.id}`, stranger)).statusCode).toBe(404);
    expect((await api('GET', base, stranger)).statusCode).toBe(404);
    expect((await api('GET', `${base}/${named.data.id}/messages`, stranger)).statusCode).toBe(404);
    expect((await api('POST', `${base}/${named.data.id}/messages`, stranger, { content: 'Hi' })).statusCode).toBe(404);
    const asViewer = await api('POST', `${base}/${named.data.id}/messages`, viewer, { content: 'Refund policy?' });
    expect(asViewer.statusCode).toBe(403);
    expect(await messagesOf(owner, projectId, named.data.id)).toEqual([]);

    expect((await api('DELETE', `${base}/${untitled.data.id}`, owner)).statusCode).toBe(204);
    expect((await api('GET', `${base}/${untitled.data.id}`, owner)).statusCode).toBe(404);
    expect((await api('GET', `${base}/not-a-uuid`, owner)).statusCode).toBe(404);
  });

  it('pages 25 messages by 10 both ways, each exactly once and in order', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner, false);
    const conversationId = await conversationIn(owner, projectId);
    // Two messages share a timestamp, so the id has to break the tie.
    await t.database.db.withAdmin((client) =>
      client.query(
        `INSERT INTO app.messages (id, conversation_id, organization_id, project_id, role, content, created_at)
         SELECT gen_random_uuid(), c.id, c.organization_id, c.project_id, CASE WHEN n % 2 = 0 THEN 'user' ELSE 'assistant' END,
                'message ' || n, timestamptz '2026-01-01' + make_interval(secs => CASE WHEN n = 13 THEN 12 ELSE n END)
         FROM app.conversations c, generate_series(1, 25) n WHERE c.id = $1`,
        [conversationId],
      ),
    );
    const url = `/projects/${projectId}/conversations/${conversationId}/messages?limit=10`;
    const backward: Message[][] = [];
    let page = await api('GET', url, owner);
    expect(page.data.newerCursor).toBeNull();
    backward.unshift(page.data.items);
    while (page.data.olderCursor) {
      page = await api('GET', `${url}&before=${page.data.olderCursor}`, owner);
      expect(page.statusCode).toBe(200);
      backward.unshift(page.data.items);
    }
    expect(backward.map((items) => items.length)).toEqual([5, 10, 10]);
    const forward: Message[][] = [];
    page = await api('GET', `${url}&from=oldest`, owner);
    expect(page.data.olderCursor).toBeNull();
    forward.push(page.data.items);
    while (page.data.newerCursor) {
      page = await api('GET', `${url}&after=${page.data.newerCursor}`, owner);
      forward.push(page.data.items);
    }
    expect(forward.map((items) => items.length)).toEqual([10, 10, 5]);
    const ids = (pages: Message[][]) => pages.flat().map((m) => m.id);
    expect(new Set(ids(forward)).size).toBe(25);
    expect(ids(backward)).toEqual(ids(forward));
    const keys = forward.flat().map((m) => `${m.createdAt}|${m.id}`);
    expect([...keys].sort()).toEqual(keys);

    const bad = await api('GET', `${url}&before=garbage`, owner);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details[0].field).toBe('before');
  });

  it('streams a cited answer from the project’s documents, stores both messages and charges one credit', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner);
    const conversationId = await conversationIn(owner, projectId);
    const before = await creditsOf(owner);
    const question = 'How long do customers have to request a refund?';
    const res = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, { content: question });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = parseSse(res.body);
    expect(events[0]!.event).toBe('user');
    expect(events[1]!.event).toBe('citations');
    expect(events.filter((e) => e.event === 'delta').length).toBeGreaterThan(3);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const answer = done.data as Message;
    expect(answer.status).toBe('complete');
    expect(answer.content).toBe(events.filter((e) => e.event === 'delta').map((e) => e.data.text).join(''));
    expect(answer.content).toContain('says:');
    expect(answer.content).toContain('48 hours');
    const offered = (events[1]!.data.items as Citation[]).map((c) => c.id);
    const cited = answer.metadata['citations'] as Citation[];
    expect(cited.length).toBeGreaterThan(0);
    for (const citation of cited) {
      expect(offered).toContain(citation.id);
      expect(answer.content).toContain(`[${citation.id}]`);
    }
    expect(cited[0]).toMatchObject({ kind: 'section', blockId: expect.stringContaining('refund') });

    const stored = await messagesOf(owner, projectId, conversationId);
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(stored[0]!.content).toBe(question);
    expect(stored[0]!.tokenCount).toBe(estimateTokens(question));
    const generation = await api('GET', `/ai/generations/${stored[1]!.generationId}`, owner);
    expect(generation.statusCode, generation.body).toBe(200);
    expect(stored[1]!.tokenCount).toBe(generation.data.tokensOut);
    expect(stored[1]!.tokenCount).toBeGreaterThan(0);
    expect(await creditsOf(owner)).toBe(before - 1);

    // The first question names the conversation.
    expect((await api('GET', `/projects/${projectId}/conversations/${conversationId}`, owner)).data.title).toBe(question);
  });

  const ask = async (user: TestUser, projectId: string, conversationId: string, content: string) => {
    const res = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, user, { content });
    expect(res.statusCode, res.body).toBe(200);
    const events = parseSse(res.body);
    return { done: events.at(-1)!.data as Message, offered: (events[1]!.data.items as Array<Citation & { title: string; heading: string | null }>) };
  };

  it('answers facts from the project model with the number or the name, saying and citing where each was read', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner, false);
    await withUser(t.database.db, owner.id, (tx) => saveProjectModel(tx, owner.id, owner.personalOrgId, projectId, lendingLibraryModel(), { note: 'Corrected in the Model tab' }));
    const conversationId = await conversationIn(owner, projectId);

    const length = await ask(owner, projectId, conversationId, 'How long does a loan last?');
    expect(length.done.content).toContain('According to the idea: A loan lasts one week.');
    const lengthCited = length.done.metadata['citations'] as Array<Citation & { title: string; heading: string | null }>;
    expect(lengthCited[0]).toMatchObject({ kind: 'model', title: 'the idea', heading: 'Rule' });
    expect(length.done.content).toContain(`[${lengthCited[0]!.id}]`);

    const approver = await ask(owner, projectId, conversationId, 'Who approves bookings of a loan?');
    expect(approver.done.content).toContain('According to your answer to “Who approves a loan?”: A coordinator approves every loan request.');

    const platform = await ask(owner, projectId, conversationId, 'Which platform?');
    expect(platform.done.content).toContain('mobile web app');
    expect((platform.done.metadata['citations'] as Array<{ title: string }>)[0]!.title).toBe('your answer to “Which platform should it run on?”');
  });

  it('says plainly that it found nothing, without a model call and without charging a credit', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner);
    await withUser(t.database.db, owner.id, (tx) => saveProjectModel(tx, owner.id, owner.personalOrgId, projectId, lendingLibraryModel(), { note: 'Corrected in the Model tab' }));
    const conversationId = await conversationIn(owner, projectId);
    const before = await creditsOf(owner);
    const { done, offered } = await ask(owner, projectId, conversationId, 'What colour are the dragons?');
    expect(done.content).toBe('I found nothing about that in this project.');
    expect(done.status).toBe('complete');
    expect(done.generationId).toBeNull();
    expect(done.metadata).toMatchObject({ nothingFound: true, citations: [] });
    expect(offered).toEqual([]);
    expect(await creditsOf(owner)).toBe(before);
    // A question about something the project holds is charged as usual.
    await ask(owner, projectId, conversationId, 'How long does a loan last?');
    expect(await creditsOf(owner)).toBe(before - 1);
  });

  it('cites a diagram and a wireframe that answer the question, with the ids that open them', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner, false);
    const conversationId = await conversationIn(owner, projectId);
    await t.database.db.withAdmin(async (client) => {
      await client.query(
        `INSERT INTO app.diagrams (id, organization_id, project_id, diagram_type, title, description, mermaid_code)
         SELECT gen_random_uuid(), organization_id, id, 'sequence', 'Checkout payment sequence',
                'The shopper pays for the basket by card; the payment gateway confirms the charge.',
                'sequenceDiagram
  Shopper->>Shop: pay by card
  Shop->>Gateway: charge card'
         FROM app.projects WHERE id = $1`,
        [projectId],
      );
      await client.query(
        `INSERT INTO app.wireframes (id, organization_id, project_id, title, description, html_content)
         SELECT gen_random_uuid(), organization_id, id, 'Checkout payment screen', 'Where the shopper enters the card to pay.',
                '<main><h1>Pay for your basket</h1><label>Card number</label><button>Pay now</button></main>'
         FROM app.projects WHERE id = $1`,
        [projectId],
      );
    });
    const res = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, {
      content: 'How does the shopper pay by card at checkout?',
    });
    const events = parseSse(res.body);
    const offered = events.find((e) => e.event === 'citations')!.data.items as Array<Citation & { diagramId: string | null; wireframeId: string | null }>;
    expect(offered.map((c) => c.kind).sort()).toEqual(['diagram', 'wireframe']);
    const done = events.at(-1)!.data as Message;
    const cited = done.metadata['citations'] as Array<Citation & { diagramId: string | null; wireframeId: string | null }>;
    expect(cited.map((c) => c.kind).sort()).toEqual(['diagram', 'wireframe']);
    expect(cited.find((c) => c.kind === 'diagram')!.diagramId).toMatch(/^[0-9a-f-]{36}$/);
    expect(cited.find((c) => c.kind === 'wireframe')!.wireframeId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives wireframes made in the same moment different citation ids', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner, false);
    const conversationId = await conversationIn(owner, projectId);
    // Time-ordered ids made together share their first characters; the citation ids must still differ.
    const ids = [newId(), newId()];
    await t.database.db.withAdmin(async (client) => {
      for (const [index, id] of ids.entries()) {
        await client.query(
          `INSERT INTO app.wireframes (id, organization_id, project_id, title, description, html_content)
           SELECT $2, organization_id, id, $3, 'Where the shopper pays by card at checkout.',
                  '<main><h1>Pay for your basket</h1><label>Card number</label><button>Pay now</button></main>'
           FROM app.projects WHERE id = $1`,
          [projectId, id, `Checkout payment screen ${index + 1}`],
        );
      }
    });
    const res = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, {
      content: 'How does the shopper pay by card at checkout?',
    });
    const offered = parseSse(res.body).find((e) => e.event === 'citations')!.data.items as Array<Citation & { wireframeId: string | null }>;
    expect(offered.map((c) => c.wireframeId).sort()).toEqual([...ids].sort());
    expect(new Set(offered.map((c) => c.id)).size).toBe(2);
  });

  it('answers 402 with no credit left, keeping the question as failed and writing no answer', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner);
    const conversationId = await conversationIn(owner, projectId);
    await creditsOf(owner);
    await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, { content: 'Seat selection?' });
    await t.database.db.withAdmin((client) => client.query('UPDATE app.chat_credits SET remaining = 0 WHERE user_id = $1', [owner.id]));
    const res = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, { content: 'Refund policy?' });
    expect(res.statusCode).toBe(402);
    expect(res.data.error.code).toBe('OUT_OF_CREDITS');
    const stored = await messagesOf(owner, projectId, conversationId);
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
      ['user', 'failed'],
    ]);
    expect(stored[2]!.metadata['errorCode']).toBe('OUT_OF_CREDITS');
    expect(await creditsOf(owner)).toBe(0);
  });

  it('keeps the partial answer as interrupted when the model fails midway, charging the credit once', async () => {
    const owner = await createUser(t);
    await useFakeModel(owner);
    const projectId = await projectOf(owner);
    const conversationId = await conversationIn(owner, projectId);
    const before = await creditsOf(owner);
    // 60 words at 60 ms each outlast the 1.5 s timeout.
    fake.queue({ content: slowAnswer, delayMs: 60 });
    const res = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, { content: 'Refund policy?' });
    expect(res.statusCode).toBe(200);
    const events = parseSse(res.body);
    const error = events.find((e) => e.event === 'error');
    expect(error?.data.error.code).toBe('AI_TIMEOUT');
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.status).toBe('interrupted');
    const stored = await messagesOf(owner, projectId, conversationId);
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'interrupted'],
    ]);
    const partial = stored[1]!.content;
    expect(partial.length).toBeGreaterThan(0);
    expect(slowAnswer.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(slowAnswer.length);
    expect(stored[1]!.metadata['errorCode']).toBe('AI_TIMEOUT');
    expect(stored[1]!.tokenCount).toBe(estimateTokens(partial));
    expect(await creditsOf(owner)).toBe(before - 1);
    // The partial answer links the ledger row of the call that broke off, which kept the same text.
    const ledger = await api('GET', `/ai/generations/${stored[1]!.generationId}`, owner);
    expect(ledger.statusCode, JSON.stringify(ledger.data)).toBe(200);
    expect(ledger.data).toMatchObject({ status: 'failed', errorCode: 'AI_TIMEOUT', response: partial });

    // A model that fails before any text: the question is failed, the credit comes back, no answer is stored.
    fake.queue({ content: 'upstream broke', status: 500 });
    const failed = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, { content: 'Seats?' });
    expect(failed.statusCode).toBe(502);
    const after = await messagesOf(owner, projectId, conversationId);
    expect(after.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'interrupted'],
      ['user', 'failed'],
    ]);
    expect(await creditsOf(owner)).toBe(before - 1);
  });

  it('keeps the partial answer as interrupted when the client leaves midway', async () => {
    const owner = await createUser(t);
    await useFakeModel(owner);
    const projectId = await projectOf(owner);
    const conversationId = await conversationIn(owner, projectId);
    const before = await creditsOf(owner);
    fake.queue({ content: slowAnswer, delayMs: 40 });
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const response = await fetch(`${base}/api/v1/projects/${projectId}/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'Refund policy?' }),
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = '';
    while ((received.match(/event: delta/g) ?? []).length < 5) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    // While it streams, the answer's row is live and holds the text flushed so far (at most half a second behind).
    let midway: Message | undefined;
    for (let i = 0; i < 40 && !midway?.content; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      midway = (await messagesOf(owner, projectId, conversationId))[1];
    }
    expect(midway?.status).toBe('streaming');
    expect(midway?.content.length).toBeGreaterThan(0);
    abort.abort();
    await reader.cancel().catch(() => undefined);

    let stored: Message[] = [];
    for (let i = 0; i < 100; i++) {
      stored = await messagesOf(owner, projectId, conversationId);
      if (stored[1]?.status === 'interrupted') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'interrupted'],
    ]);
    const partial = stored[1]!.content;
    expect(partial.split(' ').length).toBeGreaterThanOrEqual(5);
    expect(partial.length).toBeLessThan(slowAnswer.length);
    expect(slowAnswer.startsWith(partial)).toBe(true);
    expect(stored[1]!.metadata['interruptedBy']).toBe('client');
    expect(await creditsOf(owner)).toBe(before - 1);
    const ledger = await api('GET', `/ai/generations/${stored[1]!.generationId}`, owner);
    expect(ledger.statusCode, JSON.stringify(ledger.data)).toBe(200);
    expect(ledger.data.status).toBe('cancelled');

    // The conversation is free again for the next question.
    const next = await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, { content: 'Seats?' });
    expect(next.statusCode).toBe(200);
  });

  it('shows an answer whose writer is gone as interrupted and closes it on the next question', async () => {
    const owner = await createUser(t);
    const projectId = await projectOf(owner);
    const conversationId = await conversationIn(owner, projectId);
    await t.database.db.withAdmin((client) =>
      client.query(
        `INSERT INTO app.messages (id, conversation_id, organization_id, project_id, role, content, status, created_at)
         SELECT gen_random_uuid(), c.id, c.organization_id, c.project_id, 'assistant', 'Half an ans', 'streaming', now() - interval '5 minutes'
         FROM app.conversations c WHERE c.id = $1`,
        [conversationId],
      ),
    );
    expect((await messagesOf(owner, projectId, conversationId)).map((m) => m.status)).toEqual(['interrupted']);
    await api('POST', `/projects/${projectId}/conversations/${conversationId}/messages`, owner, { content: 'Refund policy?' });
    const rows = await t.database.db.withAdmin((client) =>
      client.query<{ status: string }>(`SELECT status FROM app.messages WHERE conversation_id = $1 ORDER BY created_at`, [conversationId]),
    );
    expect(rows.map((r) => r.status)).toEqual(['interrupted', 'complete', 'complete']);
  });
});

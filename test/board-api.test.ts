import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/core/ids.js';
import { addPersonas, decide, registerIdleDeliberation, setSession } from './support/board-fixtures.js';
import { createUser, type TestUser } from './support/factories.js';
import { call, createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const panelCodes = ['cfo_test', 'pm_test', 'growth_test'];
const problem = 'Should we launch in one city or three?';

describe.each(testDrivers)('board API on %s', (kind) => {
  let t: TestApp;
  let alice: TestUser; // owner of the team organization
  let admin: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let bob: TestUser; // another tenant
  let teamOrg: string;
  let project: string;
  let bobProject: string;

  const api = (method: Method, url: string, user: TestUser, body?: unknown) =>
    call(t.app, method, `/api/v1${url}`, { token: user.token, ...(body === undefined ? {} : { body }) });

  /** A new session of `user` (201 expected). */
  async function ask(user: TestUser, body: Record<string, unknown> = {}) {
    const res = await api('POST', '/board/sessions', user, { problemStatement: problem, ...body });
    expect(res.statusCode, JSON.stringify(res.data)).toBe(201);
    return res.data;
  }

  /** The audit actions recorded on a session, oldest first. */
  async function auditOf(user: TestUser, organizationId: string, sessionId: string): Promise<string[]> {
    const res = await api('GET', `/audit?organizationId=${organizationId}&limit=200`, user);
    expect(res.statusCode).toBe(200);
    return (res.data.items as Array<{ action: string; resourceId: string | null }>)
      .filter((event) => event.resourceId === sessionId)
      .map((event) => event.action)
      .reverse();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    registerIdleDeliberation();
    alice = await createUser(t, { name: 'Alice' });
    admin = await createUser(t, { name: 'Ada' });
    editor = await createUser(t, { name: 'Eddie' });
    viewer = await createUser(t, { name: 'Vera' });
    bob = await createUser(t, { name: 'Bob' });
    teamOrg = (await api('POST', '/organizations', alice, { name: 'Courier Co' })).data.id;
    for (const [user, role] of [
      [admin, 'admin'],
      [editor, 'editor'],
      [viewer, 'viewer'],
    ] as const) {
      expect((await api('POST', `/organizations/${teamOrg}/members`, alice, { email: user.email, role })).statusCode).toBe(201);
    }
    project = (await api('POST', '/projects', alice, { organizationId: teamOrg, name: 'Courier launch' })).data.id;
    bobProject = (await api('POST', '/projects', bob, { name: 'Bob things' })).data.id;
    await addPersonas(t, alice.id, teamOrg);
    await addPersonas(t, alice.id, alice.personalOrgId);
    await addPersonas(t, bob.id, bob.personalOrgId);
  });
  afterAll(async () => t.close());

  describe('asking the board', () => {
    it('takes caps, rounds, vote rule and persona models from the organization’s board settings, and queues the deliberation', async () => {
      const settings = await api('PUT', `/board/settings/${teamOrg}`, alice, {
        defaultBudgetUsd: 2.5,
        defaultTokenCap: 50_000,
        defaultMaxRounds: 4,
        voteRule: 'approval',
        personaModels: { '*': 'gpt-4o-mini', cfo_test: 'claude-sonnet' },
      });
      expect(settings.statusCode, JSON.stringify(settings.data)).toBe(200);

      const session = await ask(alice, { projectId: project, personaCodes: panelCodes, problemContext: { cities: ['Lyon', 'Lille', 'Nantes'] } });
      expect(session).toMatchObject({
        organizationId: teamOrg,
        projectId: project,
        userId: alice.id,
        problemStatement: problem,
        problemContext: { cities: ['Lyon', 'Lille', 'Nantes'] },
        status: 'active',
        phase: 'problem_decomposition',
        budgetUsd: 2.5,
        tokenCap: 50_000,
        maxRounds: 4,
        voteRule: 'approval',
        roundNumber: 0,
        totalCost: 0,
        spentUsd: 0,
        contributions: [],
        votes: [],
        decision: null,
        lastEventSeq: 1,
      });
      expect(session.panel).toEqual([
        { code: 'cfo_test', name: 'Chief Financial Officer', family: 'finance', expertise: 'Chief Financial Officer expertise', reason: 'Chosen by Alice', model: 'claude-sonnet' },
        { code: 'pm_test', name: 'Product Manager', family: 'product', expertise: 'Product Manager expertise', reason: 'Chosen by Alice', model: 'gpt-4o-mini' },
        { code: 'growth_test', name: 'Growth Marketer', family: 'marketing', expertise: 'Growth Marketer expertise', reason: 'Chosen by Alice', model: 'gpt-4o-mini' },
      ]);
      const job = await api('GET', `/jobs/${session.jobId}`, alice);
      expect(job.data).toMatchObject({ type: 'board.deliberate', status: 'queued', organizationId: teamOrg, projectId: project });
      expect(await auditOf(alice, teamOrg, session.id)).toEqual(['board_session_created']);

      // What the request gives wins over the settings.
      const own = await ask(alice, { projectId: project, maxRounds: 2, budgetUsd: 0.25, voteRule: 'plurality', tokenCap: 900 });
      expect(own).toMatchObject({ maxRounds: 2, budgetUsd: 0.25, voteRule: 'plurality', tokenCap: 900, panel: [] });
    });

    it('puts a session without a project in the personal organization, with the table’s defaults', async () => {
      const session = await ask(alice);
      expect(session).toMatchObject({ organizationId: alice.personalOrgId, projectId: null, budgetUsd: 1, tokenCap: null, maxRounds: 6, voteRule: 'borda' });
    });

    it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
      const before = (await api('GET', '/board/sessions?limit=200', alice)).data.items.length;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ problemStatement: '' }, 'problemStatement'],
        [{ problemStatement: 42 }, 'problemStatement'],
        [{ maxRounds: 11 }, 'maxRounds'],
        [{ maxRounds: 2.5 }, 'maxRounds'],
        [{ budgetUsd: -1 }, 'budgetUsd'],
        [{ personaCodes: ['cfo_test', 'pm_test'] }, 'personaCodes'],
        [{ personaCodes: ['cfo_test', 'pm_test', 'pm_test'] }, 'personaCodes'],
        [{ personaCodes: ['cfo_test', 'pm_test', 'moderator'] }, 'personaCodes.2'],
        [{ projectId: 'not-a-uuid' }, 'projectId'],
        [{ voteRule: 'dictator' }, 'voteRule'],
        [{ surprise: true }, 'surprise'],
      ];
      for (const [body, field] of cases) {
        const res = await api('POST', '/board/sessions', alice, { problemStatement: problem, ...body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.data.error.details.map((d: { field: string }) => d.field), JSON.stringify(body)).toContain(field);
      }
      const unknown = await api('POST', '/board/sessions', alice, { problemStatement: problem, personaCodes: ['cfo_test', 'pm_test', 'wizard'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.data.error.details).toEqual([{ field: 'personaCodes', message: expect.stringContaining('"wizard"'), in: 'body' }]);
      // Another organization's persona is unknown here too.
      const foreign = await api('POST', '/board/sessions', bob, { problemStatement: problem, personaCodes: ['cfo_test', 'pm_test', 'sre_test'], organizationId: bob.personalOrgId });
      expect(foreign.statusCode).toBe(201);
      const mismatch = await api('POST', '/board/sessions', alice, { problemStatement: problem, projectId: project, organizationId: alice.personalOrgId });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.data.error.details[0].field).toBe('organizationId');
      expect((await api('GET', '/board/sessions?limit=200', alice)).data.items.length).toBe(before);
    });

    it('answers 404 for another tenant’s project or organization, 403 for a viewer', async () => {
      const other = await api('POST', '/board/sessions', alice, { problemStatement: problem, projectId: bobProject });
      expect(other.statusCode).toBe(404);
      const missing = await api('POST', '/board/sessions', alice, { problemStatement: problem, projectId: newId() });
      expect(other.data.error.message).toBe(missing.data.error.message);
      expect((await api('POST', '/board/sessions', alice, { problemStatement: problem, organizationId: bob.personalOrgId })).statusCode).toBe(404);
      const asViewer = await api('POST', '/board/sessions', viewer, { problemStatement: problem, projectId: project });
      expect(asViewer.statusCode).toBe(403);
    });
  });

  describe('reading sessions', () => {
    it('lists the sessions one may see newest first, page by page, and hides the others (404)', async () => {
      const mine = [await ask(alice, { projectId: project }), await ask(alice, { projectId: project }), await ask(alice, { projectId: project })];
      const privateOne = await ask(alice, { organizationId: teamOrg });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof api>> = await api('GET', `/board/sessions?projectId=${project}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, alice);
        expect(page.statusCode).toBe(200);
        expect(page.data.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.items.map((s: { id: string }) => s.id));
        cursor = page.data.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.slice(0, 3)).toEqual(mine.map((s) => s.id).reverse());

      // A project's sessions are visible to its members; a session without a project only to its owner and admins.
      const asEditor = await api('GET', `/board/sessions?organizationId=${teamOrg}&limit=200`, editor);
      const editorIds = asEditor.data.items.map((s: { id: string }) => s.id);
      expect(editorIds).toEqual(expect.arrayContaining(mine.map((s) => s.id)));
      expect(editorIds).not.toContain(privateOne.id);
      expect((await api('GET', `/board/sessions/${privateOne.id}`, editor)).statusCode).toBe(404);
      expect((await api('GET', `/board/sessions/${privateOne.id}`, admin)).statusCode).toBe(200);
      expect((await api('GET', `/board/sessions/${mine[0].id}`, editor)).data.problemStatement).toBe(problem);

      expect((await api('GET', '/board/sessions?limit=200', bob)).data.items.every((s: { userId: string }) => s.userId === bob.id)).toBe(true);
      const foreign = await api('GET', `/board/sessions/${mine[0].id}`, bob);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.data.error.message).toBe((await api('GET', `/board/sessions/${newId()}`, bob)).data.error.message);
      expect((await api('GET', `/board/sessions?organizationId=${teamOrg}`, bob)).statusCode).toBe(404);
      expect((await api('GET', '/board/sessions?cursor=bogus', alice)).statusCode).toBe(400);
    });

    it('shows contributions oldest first with the persona’s name, the moderator as Moderator, and the votes', async () => {
      const session = await ask(alice, { projectId: project, personaCodes: panelCodes });
      await decide(t, alice.id, session.id);
      const detail = (await api('GET', `/board/sessions/${session.id}`, alice)).data;
      expect(detail.contributions.map((c: { personaName: string; roundNumber: number }) => [c.roundNumber, c.personaName])).toEqual([
        [1, 'Chief Financial Officer'],
        [1, 'Product Manager'],
        [1, 'Growth Marketer'],
        [2, 'Moderator'],
        [2, 'Product Manager'],
      ]);
      expect(detail.votes.map((v: { personaName: string; voteChoice: string }) => [v.personaName, v.voteChoice])).toEqual([
        ['Chief Financial Officer', 'A'],
        ['Product Manager', 'A'],
        ['Growth Marketer', 'B'],
      ]);
      expect(detail).toMatchObject({ status: 'completed', recommendation: 'Launch in one city', stopReason: 'low_novelty' });
    });
  });

  describe('pause, resume and kill', () => {
    it('moves active → paused → active → killed, refusing the moves the status does not allow with 409', async () => {
      const session = await ask(alice, { projectId: project });
      const paused = await api('POST', `/board/sessions/${session.id}/pause`, alice);
      expect(paused.statusCode).toBe(200);
      expect(paused.data).toMatchObject({ status: 'paused', lastEventSeq: 2 });
      const again = await api('POST', `/board/sessions/${session.id}/pause`, alice);
      expect(again.statusCode).toBe(409);
      expect(again.data.error.message).toMatch(/only an active session can be paused; this one is paused/i);

      const resumed = await api('POST', `/board/sessions/${session.id}/resume`, alice);
      expect(resumed.statusCode).toBe(200);
      expect(resumed.data.status).toBe('active');
      expect(resumed.data.jobId).not.toBe(session.jobId);
      expect((await api('GET', `/jobs/${resumed.data.jobId}`, alice)).data.status).toBe('queued');
      expect((await api('POST', `/board/sessions/${session.id}/resume`, alice)).statusCode).toBe(409);

      const killed = await api('POST', `/board/sessions/${session.id}/kill`, alice, {});
      expect(killed.statusCode).toBe(200);
      expect(killed.data).toMatchObject({ status: 'killed', killedBy: alice.id, killReason: 'Stopped by Alice' });
      expect(killed.data.killedAt).toEqual(expect.any(String));
      // The queued job will never start.
      expect((await api('GET', `/jobs/${resumed.data.jobId}`, alice)).data.status).toBe('cancelled');

      for (const action of ['pause', 'resume', 'kill']) {
        const res = await api('POST', `/board/sessions/${session.id}/${action}`, alice);
        expect(res.statusCode, action).toBe(409);
      }
      expect(await auditOf(alice, teamOrg, session.id)).toEqual(['board_session_created', 'board_session_paused', 'board_session_resumed', 'board_session_killed']);
      const events = (await api('GET', `/board/sessions/${session.id}`, alice)).data.lastEventSeq;
      expect(events).toBe(4);
    });

    it('keeps the reason given, and a completed session cannot be killed', async () => {
      const session = await ask(alice, { projectId: project });
      const killed = await api('POST', `/board/sessions/${session.id}/kill`, alice, { reason: 'Wrong question' });
      expect(killed.data.killReason).toBe('Wrong question');
      const done = await ask(alice, { projectId: project, personaCodes: panelCodes });
      await decide(t, alice.id, done.id);
      const refused = await api('POST', `/board/sessions/${done.id}/kill`, alice);
      expect(refused.statusCode).toBe(409);
      expect(refused.data.error.message).toMatch(/already completed/);
      expect((await api('POST', `/board/sessions/${session.id}/kill`, alice, { reason: '' })).statusCode).toBe(400);
    });

    it('lets the owner and organization admins run a session; other members get 403, strangers 404', async () => {
      const shared = await ask(alice, { projectId: project });
      const personal = await ask(alice, { organizationId: teamOrg });
      expect((await api('POST', `/board/sessions/${shared.id}/pause`, editor)).statusCode).toBe(403);
      expect((await api('POST', `/board/sessions/${shared.id}/kill`, viewer)).statusCode).toBe(403);
      expect((await api('POST', `/board/sessions/${personal.id}/kill`, editor)).statusCode).toBe(404);
      expect((await api('POST', `/board/sessions/${shared.id}/kill`, bob)).statusCode).toBe(404);
      expect((await api('GET', `/board/sessions/${shared.id}`, alice)).data.status).toBe('active');

      const byAdmin = await api('POST', `/board/sessions/${personal.id}/kill`, admin);
      expect(byAdmin.statusCode).toBe(200);
      expect(byAdmin.data).toMatchObject({ status: 'killed', killedBy: admin.id, killReason: 'Stopped by Ada' });
    });

    it('kills every active or paused session of the organization for an admin', async () => {
      const org = (await api('POST', '/organizations', alice, { name: 'Kill-all Co' })).data.id;
      expect((await api('POST', `/organizations/${org}/members`, alice, { email: editor.email, role: 'editor' })).statusCode).toBe(201);
      const active = await ask(alice, { organizationId: org });
      const paused = await ask(editor, { organizationId: org });
      await api('POST', `/board/sessions/${paused.id}/pause`, editor);
      const stopped = await ask(alice, { organizationId: org });
      await api('POST', `/board/sessions/${stopped.id}/kill`, alice, { reason: 'Earlier' });
      const elsewhere = await ask(alice, { projectId: project });

      expect((await api('POST', '/board/sessions/kill-all', editor, { organizationId: org })).statusCode).toBe(403);
      expect((await api('POST', '/board/sessions/kill-all', bob, { organizationId: org })).statusCode).toBe(404);
      expect((await api('POST', '/board/sessions/kill-all', alice, {})).statusCode).toBe(400);

      const res = await api('POST', '/board/sessions/kill-all', alice, { organizationId: org, reason: 'Budget freeze' });
      expect(res.statusCode).toBe(200);
      expect(res.data.killed.sort()).toEqual([active.id, paused.id].sort());
      for (const id of [active.id, paused.id]) {
        expect((await api('GET', `/board/sessions/${id}`, alice)).data).toMatchObject({ status: 'killed', killedBy: 'admin', killReason: 'Budget freeze' });
      }
      expect((await api('GET', `/board/sessions/${stopped.id}`, alice)).data).toMatchObject({ killedBy: alice.id, killReason: 'Earlier' });
      expect((await api('GET', `/board/sessions/${elsewhere.id}`, alice)).data.status).toBe('active');
      expect((await api('POST', '/board/sessions/kill-all', alice, { organizationId: org })).data.killed).toEqual([]);
    });
  });

  describe('clarifying questions', () => {
    const asked = [
      { id: 'q1', question: 'What is the launch budget?', why: 'It decides how many cities are affordable.', answer: null, skipped: false },
      { id: 'q2', question: 'Is there a courier partner?', why: 'Supply limits the cities.', answer: null, skipped: false },
    ];

    async function waiting(): Promise<string> {
      const session = await ask(alice, { projectId: project });
      await setSession(t, alice.id, session.id, { status: 'paused', phase: 'awaiting_input', clarifications: asked });
      return session.id;
    }

    it('stores answers (questions left out count as skipped), then resumes the decomposition with a new job', async () => {
      const id = await waiting();
      const resume = await api('POST', `/board/sessions/${id}/resume`, alice);
      expect(resume.statusCode).toBe(409);
      expect(resume.data.error.message).toMatch(/answer or skip the clarifying questions/);

      const wrong = await api('POST', `/board/sessions/${id}/answers`, alice, { answers: [{ id: 'q1', answer: '200k' }, { id: 'q9', answer: 'x' }] });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.data.error.details[0]).toMatchObject({ field: 'answers.1.id', message: expect.stringContaining('"q9"') });
      const twice = await api('POST', `/board/sessions/${id}/answers`, alice, { answers: [{ id: 'q1', answer: 'a' }, { id: 'q1', answer: 'b' }] });
      expect(twice.data.error.details[0].field).toBe('answers.1.id');
      expect((await api('POST', `/board/sessions/${id}/answers`, alice, { answers: [] })).statusCode).toBe(400);
      expect((await api('POST', `/board/sessions/${id}/answers`, editor, { skip: true })).statusCode).toBe(403);

      const before = (await api('GET', `/board/sessions/${id}`, alice)).data;
      const res = await api('POST', `/board/sessions/${id}/answers`, alice, { answers: [{ id: 'q1', answer: '200k euros' }] });
      expect(res.statusCode).toBe(200);
      expect(res.data).toMatchObject({ status: 'active', phase: 'problem_decomposition' });
      expect(res.data.clarifications).toEqual([
        { ...asked[0], answer: '200k euros', skipped: false },
        { ...asked[1], answer: null, skipped: true },
      ]);
      expect(res.data.jobId).not.toBe(before.jobId);
      expect(res.data.lastEventSeq).toBe(before.lastEventSeq + 2);
      expect((await api('POST', `/board/sessions/${id}/answers`, alice, { skip: true })).statusCode).toBe(409);
    });

    it('skips every question with {skip: true}', async () => {
      const id = await waiting();
      const res = await api('POST', `/board/sessions/${id}/answers`, alice, { skip: true });
      expect(res.statusCode).toBe(200);
      expect(res.data.clarifications.map((q: { skipped: boolean; answer: string | null }) => [q.skipped, q.answer])).toEqual([
        [true, null],
        [true, null],
      ]);
      expect((await api('POST', `/board/sessions/${id}/answers`, alice, { skip: false })).statusCode).toBe(400);
    });
  });

  describe('swapping the panel', () => {
    it('replaces the panel only while paused and before round 2', async () => {
      const session = await ask(alice, { projectId: project, personaCodes: panelCodes });
      const swap = { personaCodes: ['sre_test', 'counsel_test', 'ops_test', 'cfo_test'] };
      const active = await api('PUT', `/board/sessions/${session.id}/panel`, alice, swap);
      expect(active.statusCode).toBe(409);
      expect(active.data.error.message).toMatch(/pause the session/i);

      await api('POST', `/board/sessions/${session.id}/pause`, alice);
      await setSession(t, alice.id, session.id, { roundNumber: 1 });
      expect((await api('PUT', `/board/sessions/${session.id}/panel`, alice, { personaCodes: ['sre_test', 'counsel_test', 'nobody'] })).data.error.details[0].field).toBe('personaCodes');
      expect((await api('PUT', `/board/sessions/${session.id}/panel`, editor, swap)).statusCode).toBe(403);
      const res = await api('PUT', `/board/sessions/${session.id}/panel`, alice, swap);
      expect(res.statusCode).toBe(200);
      expect(res.data.panel.map((seat: { code: string }) => seat.code)).toEqual(swap.personaCodes);
      expect(res.data.lastEventSeq).toBe(3);

      await setSession(t, alice.id, session.id, { roundNumber: 2 });
      const late = await api('PUT', `/board/sessions/${session.id}/panel`, alice, { personaCodes: panelCodes });
      expect(late.statusCode).toBe(409);
      expect(late.data.error.message).toMatch(/before round 2/);
      expect((await api('GET', `/board/sessions/${session.id}`, alice)).data.panel.map((seat: { code: string }) => seat.code)).toEqual(swap.personaCodes);
    });
  });

  describe('the decision record', () => {
    it('answers 409 before the decision, then the Markdown record', async () => {
      const session = await ask(alice, { projectId: project, personaCodes: panelCodes, problemContext: { market: 'France' } });
      const early = await api('GET', `/board/sessions/${session.id}/decision.md`, alice);
      expect(early.statusCode).toBe(409);
      expect(early.data.error.message).toMatch(/no decision yet/);

      await decide(t, alice.id, session.id);
      const res = await api('GET', `/board/sessions/${session.id}/decision.md`, editor);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/markdown/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="should-we-launch-in-one-city-or-three.md"');
      const md = res.body;
      expect(md).toMatch(/^# Decision: Should we launch in one city or three\?\n/);
      expect(md).toContain('- **market**: France');
      expect(md).toContain('| Chief Financial Officer | finance | claude-sonnet | Chosen by Alice |');
      expect(md).toContain('- **B. Launch in three cities** (proposed by Growth Marketer): Lyon, Lille and Nantes at once.');
      // Each persona's final claim: the product manager's round 2 claim, not its round 1 one.
      expect(md).toContain('- **Product Manager** (round 2, confidence 0.65) — for Launch in one city: Courier churn makes one city the safer test');
      expect(md).not.toContain('Three cities test more segments');
      expect(md).toContain('- Round 2: What does courier churn say about three cities?');
      expect(md).toMatch(/Rule: Borda count.*3 ballots/);
      expect(md).toContain('| A. Launch in one city | 2 | 2 |');
      expect(md).toContain('1 ballot entry not counted');
      expect(md).toContain('**Launch in one city**\n\nOne city first: the courier supply is unproven.');
      expect(md).toContain('**Growth Marketer** argues for **Launch in three cities**');
      expect(md).toContain('- Courier supply grows 10% a month');
      expect(md).toContain('- **A single model** (atelier-offline-1, asked once): Launch in three cities — Scale wins markets.');
      expect(md).toContain('- **Round 1’s majority** (blind answers): Launch in three cities (Launch in one city: 1, Launch in three cities: 2)');
      expect(md).toContain('- Product Manager moved from Launch in three cities to Launch in one city: the courier churn figures');
      expect(md).toMatch(/- Contributions: \d+, costing \$0\.0800 and 800 tokens; votes: \d+/);
      expect(md).toContain('$0.1000 of a $2.50 cap, 1000 tokens of a 50000 cap');
      expect(md).toContain('Stopped because new contributions stopped adding new arguments.');
      expect((await api('GET', `/board/sessions/${session.id}/decision.md`, bob)).statusCode).toBe(404);
    });

    it('saves the record to the project: once as a document, again as its next revision', async () => {
      const session = await ask(alice, { projectId: project, personaCodes: panelCodes });
      expect((await api('POST', `/board/sessions/${session.id}/save`, alice)).statusCode).toBe(409);
      await decide(t, alice.id, session.id);
      expect((await api('POST', `/board/sessions/${session.id}/save`, viewer)).statusCode).toBe(403);
      expect((await api('POST', `/board/sessions/${session.id}/save`, bob)).statusCode).toBe(404);

      const first = await api('POST', `/board/sessions/${session.id}/save`, alice);
      expect(first.statusCode, JSON.stringify(first.data)).toBe(201);
      expect(first.data).toEqual({ documentId: expect.any(String), projectId: project, title: 'Decision: Should we launch in one city or three?' });
      const second = await api('POST', `/board/sessions/${session.id}/save`, editor);
      expect(second.statusCode).toBe(200);
      expect(second.data.documentId).toBe(first.data.documentId);

      const docs = await api('GET', `/projects/${project}/documents?type=decision_record&limit=200`, alice);
      expect(docs.data.items.filter((d: { metadata: { boardSessionId?: string } }) => d.metadata.boardSessionId === session.id)).toHaveLength(1);
      const doc = await api('GET', `/projects/${project}/documents/${first.data.documentId}`, alice);
      expect(doc.data).toMatchObject({ type: 'decision_record', currentRev: 2 });
      expect(doc.data.contentMarkdown).toBe((await api('GET', `/board/sessions/${session.id}/decision.md`, alice)).body);
      expect(await auditOf(alice, teamOrg, session.id)).toEqual(['board_session_created', 'board_decision_saved', 'board_decision_saved']);

      const unattached = await ask(alice);
      await decide(t, alice.id, unattached.id);
      const refused = await api('POST', `/board/sessions/${unattached.id}/save`, alice);
      expect(refused.statusCode).toBe(409);
      expect(refused.data.error.message).toMatch(/not tied to a project/);
    });
  });

  describe('board settings', () => {
    it('lets members read and admins change the defaults', async () => {
      const fresh = await api('GET', `/board/settings/${alice.personalOrgId}`, alice);
      expect(fresh.data).toEqual({ organizationId: alice.personalOrgId, defaultBudgetUsd: 1, defaultTokenCap: null, defaultMaxRounds: 6, voteRule: 'borda', personaModels: {} });
      expect((await api('GET', `/board/settings/${teamOrg}`, viewer)).statusCode).toBe(200);
      expect((await api('PUT', `/board/settings/${teamOrg}`, editor, { defaultBudgetUsd: 9 })).statusCode).toBe(403);
      expect((await api('GET', `/board/settings/${teamOrg}`, bob)).statusCode).toBe(404);
      expect((await api('PUT', `/board/settings/${teamOrg}`, bob, { defaultBudgetUsd: 9 })).statusCode).toBe(404);
      const bad = await api('PUT', `/board/settings/${teamOrg}`, admin, { defaultMaxRounds: 12 });
      expect(bad.statusCode).toBe(400);
      expect(bad.data.error.details[0].field).toBe('defaultMaxRounds');

      const changed = await api('PUT', `/board/settings/${teamOrg}`, admin, { defaultTokenCap: null, defaultBudgetUsd: 3 });
      expect(changed.statusCode).toBe(200);
      expect(changed.data).toMatchObject({ defaultBudgetUsd: 3, defaultTokenCap: null, defaultMaxRounds: 4, voteRule: 'approval' });
      expect((await api('GET', `/board/settings/${teamOrg}`, viewer)).data).toEqual(changed.data);
      const audit = await api('GET', `/audit?organizationId=${teamOrg}&limit=200`, alice);
      expect(audit.data.items.filter((e: { action: string }) => e.action === 'board_settings_updated')).toHaveLength(2);
    });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, moduleRegistry } from '../src/app.js';
import { withUser } from '../src/core/db/tenancy.js';
import { createJobRunner, requestCancel, type JobRunner } from '../src/core/jobs/index.js';
import type { BoardDecision, PanelSeat } from '../src/modules/board/board.contract.js';
import { boardSessions, boardSettings } from '../src/modules/board/board.schema.js';
import { answerClarifications } from '../src/modules/board/sessions/session-control.service.js';
import { addTestPersonas, adminRows, sql, startTestSession } from './support/board-sessions.js';
import { scriptedBoard, USAGE } from './support/board-script.js';
import { startFakeOpenAi, type FakeOpenAiServer } from './support/fake-openai-server.js';
import { createUser, type TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The deliberation job end to end: a scripted board on the fake OpenAI server (priced, so every call costs), the
 * caps, a kill in the middle of a round, and the built-in engine without configuration.
 */

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function runnerFor(t: TestApp): JobRunner {
  const context = createAppContext({ config: t.config, db: t.database.db, mailer: { send: async () => undefined }, ai: t.ai });
  return createJobRunner({ db: t.database.db, handlers: moduleRegistry.jobHandlers(context), log: quiet, concurrency: 1, pollIntervalMs: 20, heartbeatMs: 100, staleAfterMs: 30_000 });
}

type SessionRow = {
  status: string;
  phase: string;
  round_number: number;
  stop_reason: string | null;
  total_cost: number;
  total_tokens: number;
  spent_usd: number;
  spent_tokens: number;
  budget_usd: number;
  decision: BoardDecision | null;
  panel: PanelSeat[];
  options: Array<{ id: string; label: string; proposedBy: string | null }>;
  killed_by: string | null;
  kill_reason: string | null;
  clarifications: Array<{ id: string; question: string }>;
  job_id: string | null;
};
type ContributionRow = {
  id: number;
  persona_code: string;
  round_number: number;
  phase: string;
  position: string | null;
  position_changed: boolean;
  duplicate_of: number | null;
  cost: number;
  tokens: number;
  model: string;
  generation_id: string | null;
  content: string;
};

const sessionOf = async (t: TestApp, id: string) =>
  (await adminRows<SessionRow>(t.database.db, 'SELECT *, total_cost::float8 AS total_cost, spent_usd::float8 AS spent_usd, budget_usd::float8 AS budget_usd FROM board.sessions WHERE id = $1', [id]))[0]!;
const contributionsOf = (t: TestApp, id: string) =>
  adminRows<ContributionRow>(t.database.db, `SELECT id::int AS id, persona_code, round_number, phase, position, position_changed, duplicate_of::int AS duplicate_of,
            cost::float8 AS cost, tokens, model, generation_id, content
     FROM board.contributions WHERE session_id = $1 ORDER BY contributions.id`, [id]);
const votesOf = (t: TestApp, id: string) =>
  adminRows<{ persona_code: string; ranking: string[]; derived: boolean; cost: number; tokens: number; model: string; generation_id: string | null }>(
    t.database.db,
    'SELECT persona_code, ranking, derived, cost::float8 AS cost, tokens, model, generation_id FROM board.votes WHERE session_id = $1 ORDER BY votes.id',
    [id],
  );
const ledgerOf = (t: TestApp, jobId: string) =>
  adminRows<{ id: string; cost: number; tokens: number; model: string }>(
    t.database.db,
    `SELECT id, cost::float8 AS cost, tokens_in + tokens_out AS tokens, model FROM app.ai_generations WHERE job_id = $1 AND status = 'succeeded'`,
    [jobId],
  );

/** 1000 prompt tokens at $2/M and 200 completion tokens at $10/M. */
const CALL_COST = (USAGE.promptTokens * 2 + USAGE.completionTokens * 10) / 1e6;
const MINI_COST = (USAGE.promptTokens * 1 + USAGE.completionTokens * 4) / 1e6;

describe('board deliberation on a scripted OpenAI server', () => {
  let fake: FakeOpenAiServer;
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-board', fallback: scriptedBoard() });
    const pricingFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-board-pricing-')), 'pricing.json');
    fs.writeFileSync(pricingFile, JSON.stringify({ 'fake-gpt': { inputPerMillion: 2, outputPerMillion: 10 }, 'fake-gpt-mini': { inputPerMillion: 1, outputPerMillion: 4 } }));
    t = await createTestApp('pglite', {
      AI_PROVIDER: 'openai',
      AI_BASE_URL: fake.url,
      AI_MODEL: 'fake-gpt',
      AI_API_KEY: 'sk-board',
      AI_MAX_RETRIES: '0',
      AI_PRICING_FILE: pricingFile,
    });
    user = await createUser(t);
    await addTestPersonas(t.database.db, user.id, user.personalOrgId);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('runs the rounds, lets the moderator challenge a unanimous panel, counts the ballots by Borda and writes the decision', async () => {
    // A panel of different models: the Growth lead runs on a smaller one.
    await withUser(t.database.db, user.id, (tx) => tx.insert(boardSettings).values({ organizationId: user.personalOrgId, personaModels: { growth_test: 'fake-gpt-mini' } }));
    const { sessionId, jobId } = await startTestSession(t.database.db, user.id, { organizationId: user.personalOrgId, maxRounds: 3 });
    await runnerFor(t).drain();

    const session = await sessionOf(t, sessionId);
    expect(session.status, JSON.stringify(session)).toBe('completed');
    expect(session.phase).toBe('done');
    expect(session.round_number).toBe(3);
    expect(session.stop_reason).toBe('max_rounds');
    const contributions = await contributionsOf(t, sessionId);
    // Each persona's calls ran on its model: the ledger's model is recorded on its contributions.
    const modelsOf = (code: string) => [...new Set(contributions.filter((c) => c.persona_code === code).map((c) => c.model))];
    expect([modelsOf('cfo_test'), modelsOf('growth_test'), modelsOf('ops_test')]).toEqual([['fake-gpt'], ['fake-gpt-mini'], ['fake-gpt']]);
    const byRound = (round: number, phase = round === 1 ? 'initial_round' : 'deliberation') => contributions.filter((c) => c.round_number === round && c.phase === phase);
    expect(byRound(1)).toHaveLength(3);
    expect(byRound(2).map((c) => c.position)).toEqual(['A', 'A', 'A']);
    // Unanimous with nothing new after round 2: the moderator spoke once, after round 2, and round 3 read its challenge.
    const moderator = contributions.filter((c) => c.phase === 'moderator_intervention');
    expect(moderator.map((c) => [c.persona_code, c.round_number])).toEqual([['moderator', 2]]);
    const roundThreePrompts = fake.requests.filter((r) => JSON.stringify(r.body.messages).includes('Round 3 ('));
    expect(roundThreePrompts).toHaveLength(3);
    for (const request of roundThreePrompts) expect(JSON.stringify(request.body.messages)).toContain('what does waiting cost?');
    // Round 1 was blind; later rounds read the others anonymously, never themselves.
    for (const request of fake.requests.filter((r) => JSON.stringify(r.body.messages).includes('Round 1 ('))) {
      expect(JSON.stringify(request.body.messages)).not.toContain('<panel>');
    }
    const cfoRoundTwo = fake.requests.find((r) => JSON.stringify(r.body.messages).includes('Round 2 (') && JSON.stringify(r.body.messages).includes('Finance lead'))!;
    const cfoPrompt = JSON.stringify(cfoRoundTwo.body.messages);
    expect(cfoPrompt).toContain('Expert A');
    expect(cfoPrompt).not.toContain('Expert C');
    expect(cfoPrompt).not.toContain('growth_test');
    // The Operations lead repeated the Finance lead's round-2 text: kept, marked, and left out of the debate.
    const repeat = byRound(3).find((c) => c.persona_code === 'ops_test')!;
    expect(repeat.duplicate_of).toBe(byRound(2).find((c) => c.persona_code === 'cfo_test')!.id);
    // The Growth lead moved to A in round 2 and back to B in round 3.
    expect(contributions.filter((c) => c.persona_code === 'growth_test').map((c) => [c.position, c.position_changed])).toEqual([
      ['B', false],
      ['A', true],
      ['B', true],
    ]);
    // The Finance lead's proposal became option C.
    expect(session.options.map((o) => [o.id, o.proposedBy])).toEqual([
      ['A', null],
      ['B', null],
      ['C', 'cfo_test'],
    ]);
    // Each persona's contributions and ballot ran on its own model, and record it.
    expect(new Set(contributions.filter((c) => c.persona_code === 'growth_test').map((c) => c.model))).toEqual(new Set(['fake-gpt-mini']));
    expect(new Set(contributions.filter((c) => c.persona_code === 'cfo_test').map((c) => c.model))).toEqual(new Set(['fake-gpt']));

    // Borda by hand (3 options: 2, 1, 0 points; the Finance lead's own proposal C gets nothing from its own ballot):
    //   Finance lead  C > A > B   → A 1, B 0          (C's 2 points excluded)
    //   Growth lead   B > C > A   → B 2, C 1, A 0
    //   Operations    A > C > B   → A 2, C 1, B 0
    //   A = 3, B = 2, C = 2; B and C tie on points, B has one first choice, C none (the Finance lead's first counted
    //   choice is A), so B comes before C.
    const decision = session.decision!;
    expect(decision.tally).toEqual({
      rule: 'borda',
      scores: [
        { optionId: 'A', label: 'Launch in one city', points: 3, firstChoices: 2 },
        { optionId: 'B', label: 'Launch in three cities', points: 2, firstChoices: 1 },
        { optionId: 'C', label: 'Launch in one city with a second ready', points: 2, firstChoices: 0 },
      ],
      winner: 'A',
      tiedWith: [],
      ballots: 3,
      selfVotesExcluded: 1,
    });
    expect(decision.recommendation).toMatchObject({ optionId: 'A', label: 'Launch in one city' });
    expect(decision.recommendation.summary).toContain('one city first');
    expect(decision.minorityReport).toMatchObject({ personaCode: 'growth_test', optionId: 'B' });
    expect(decision.minorityReport!.argument).toContain('waitlists');
    expect(decision.baselines.singleModel).toMatchObject({ optionId: 'B', model: 'fake-gpt' });
    expect(decision.baselines.roundOneMajority).toEqual({ optionId: 'A', label: 'Launch in one city', counts: { A: 2, B: 1 } });
    expect(decision.changes.positionChanges.map((c) => [c.personaCode, c.from, c.to])).toEqual([
      ['growth_test', 'Launch in three cities', 'Launch in one city'],
      ['growth_test', 'Launch in one city', 'Launch in three cities'],
    ]);
    expect(decision.assumptions.length).toBeGreaterThan(0);
    expect(decision.stopReason).toBe('max_rounds');
    expect(decision.budgetReached).toBe(false);

    // sessions.total_* is the sum of every call the session kept: contributions (moderator included) + votes + framing +
    // single-model baseline + synthesis; each contribution and vote links its own ledger row.
    const votes = await votesOf(t, sessionId);
    const ledger = await ledgerOf(t, jobId);
    const linked = new Set([...contributions, ...votes].map((row) => row.generation_id));
    expect(linked.size).toBe(contributions.length + votes.length);
    const others = ledger.filter((row) => !linked.has(row.id));
    expect(others).toHaveLength(3);
    const sum = (rows: Array<{ cost: number }>) => rows.reduce((total, row) => total + row.cost, 0);
    const tokens = (rows: Array<{ tokens: number }>) => rows.reduce((total, row) => total + Number(row.tokens), 0);
    // Seed 001's totals are the contributions' sums; what the session spent is every call, as the ledger has it.
    expect(session.total_cost).toBeCloseTo(sum(contributions), 6);
    expect(session.total_tokens).toBe(tokens(contributions));
    expect(session.spent_usd).toBeCloseTo(sum(contributions) + sum(votes) + sum(others), 6);
    expect(session.spent_tokens).toBe(tokens(contributions) + tokens(votes) + tokens(others));
    expect(session.spent_usd).toBeCloseTo(sum(ledger), 6);
    // 16 calls: framing, 3 + 3 + 3 contributions, the moderator, 3 ballots, the baseline, the synthesis; the Growth
    // lead's 4 on the smaller model.
    expect(ledger).toHaveLength(16);
    expect(session.spent_usd).toBeCloseTo(12 * CALL_COST + 4 * MINI_COST, 6);
    expect(session.total_cost).toBeGreaterThan(0);

    const events = await adminRows<{ seq: number; type: string }>(t.database.db, 'SELECT seq, type FROM board.session_events WHERE session_id = $1 ORDER BY seq', [sessionId]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'contribution')).toHaveLength(contributions.length);
    expect(events.filter((e) => e.type === 'vote')).toHaveLength(3);
    expect(events.at(-1)!.type).toBe('session');
    expect(events.some((e) => e.type === 'decision')).toBe(true);
    const audit = await adminRows(t.database.db, `SELECT 1 FROM app.audit_log WHERE action = 'board_session_completed' AND resource_id = $1`, [sessionId]);
    expect(audit).toHaveLength(1);
  });

  describe('with a cost cap smaller than the session', () => {
    let other: TestUser;
    beforeAll(async () => {
      other = await createUser(t);
      await addTestPersonas(t.database.db, other.id, other.personalOrgId);
    });

    it.each([
      // After framing ($0.004) only $0.005 is left: round 1 may run two calls, not three.
      { budget: 0.009, label: 'in round 1' },
      { budget: 0.03, label: 'in the middle of the rounds' },
    ])('goes straight to synthesis when the cap is reached $label, passing it by at most one call', async ({ budget }) => {
      const { sessionId, jobId } = await startTestSession(t.database.db, other.id, { organizationId: other.personalOrgId, maxRounds: 3, budgetUsd: budget });
      await runnerFor(t).drain();
      const session = await sessionOf(t, sessionId);
      expect(session.status, JSON.stringify(session)).toBe('completed');
      expect(session.stop_reason).toBe('budget');
      expect(session.decision!.budgetReached).toBe(true);
      expect(session.spent_usd).toBeGreaterThanOrEqual(budget);
      expect(session.spent_usd).toBeLessThanOrEqual(budget + CALL_COST + 1e-9);
      expect(session.total_cost).toBeLessThanOrEqual(session.spent_usd);
      const ledger = await ledgerOf(t, jobId);
      expect(session.spent_usd).toBeCloseTo(ledger.reduce((total, row) => total + row.cost, 0), 6);
      // No vote was a call: each persona with a position voted it, derived, for nothing.
      const votes = await votesOf(t, sessionId);
      expect(votes.length).toBeGreaterThan(0);
      expect(votes.every((v) => v.derived && v.cost === 0 && v.generation_id === null)).toBe(true);
      expect(session.decision!.tally.ballots).toBe(votes.length);
      expect(session.decision!.baselines.singleModel).toBeNull();
      if (budget === 0.009) expect((await contributionsOf(t, sessionId)).filter((c) => c.round_number === 1)).toHaveLength(2);
    });
  });

  it('stops for good when killed in the middle of a round: status killed with the reason, no contribution after', async () => {
    // Each call takes a while, so the kill lands between a round's first answers and its last.
    const original = fake.fallback;
    fake.fallback = scriptedBoard({ delayMs: 300 });
    const killer = await createUser(t);
    await addTestPersonas(t.database.db, killer.id, killer.personalOrgId);
    const { sessionId, jobId } = await startTestSession(t.database.db, killer.id, { organizationId: killer.personalOrgId, maxRounds: 4 });
    const runner = runnerFor(t);
    runner.start();
    try {
      for (let i = 0; i < 200 && (await contributionsOf(t, sessionId)).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await contributionsOf(t, sessionId)).length).toBeGreaterThan(0);
      // What the kill route does: the session first (conditional on being live), then the job's cancellation.
      await withUser(t.database.db, killer.id, async (tx) => {
        await tx
          .update(boardSessions)
          .set({ status: 'killed', killedAt: new Date(), killedBy: killer.id, killReason: 'We decided already' })
          .where(sql`${boardSessions.id} = ${sessionId} AND ${boardSessions.status} IN ('active', 'paused')`);
        await requestCancel(tx, jobId);
      });
      const atKill = (await contributionsOf(t, sessionId)).length;
      let job: { status: string } | undefined;
      for (let i = 0; i < 100; i++) {
        [job] = await adminRows<{ status: string }>(t.database.db, 'SELECT status FROM app.jobs WHERE id = $1', [jobId]);
        if (job!.status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(job!.status).toBe('cancelled');
      await new Promise((resolve) => setTimeout(resolve, 800));
      const session = await sessionOf(t, sessionId);
      expect(session).toMatchObject({ status: 'killed', killed_by: killer.id, kill_reason: 'We decided already', decision: null });
      expect((await contributionsOf(t, sessionId)).length).toBe(atKill);
      expect(await votesOf(t, sessionId)).toHaveLength(0);
    } finally {
      await runner.stop();
      fake.fallback = original;
    }
  });
});

describe('board deliberation offline (built-in engine, no configuration)', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    user = await createUser(t);
    await addTestPersonas(t.database.db, user.id, user.personalOrgId);
  });
  afterAll(async () => t.close());

  it('asks what is decisive, then completes: a panel of three, at least two rounds, a ballot each, a Borda tally, both baselines', async () => {
    // The context gives runway and team but no evidence of demand, which decides between one city and three.
    const { sessionId, jobId } = await startTestSession(t.database.db, user.id, { organizationId: user.personalOrgId });
    await runnerFor(t).drain();
    const waiting = await sessionOf(t, sessionId);
    expect(waiting).toMatchObject({ status: 'paused', phase: 'awaiting_input' });
    expect(waiting.clarifications.map((c) => c.question).join(' ')).toMatch(/demand/i);
    const answers = waiting.clarifications.map((c) => ({ id: c.id, answer: 'A waiting list of 1,200 people, most of them in the first city.' }));
    await withUser(t.database.db, user.id, (tx) => answerClarifications(tx, { userId: user.id, ipAddress: null, userAgent: null }, sessionId, { answers }));
    await runnerFor(t).drain();
    const jobs = await adminRows<{ id: string; status: string }>(t.database.db, "SELECT id, status FROM app.jobs WHERE type = 'board.deliberate' AND payload->>'sessionId' = $1", [sessionId]);
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
    const session = await sessionOf(t, sessionId);
    expect(session).toMatchObject({ status: 'completed', phase: 'done', total_cost: 0 });
    expect(session.panel).toHaveLength(3);
    expect(session.round_number).toBeGreaterThanOrEqual(2);
    expect(session.decision!.tally).toMatchObject({ rule: 'borda', ballots: 3 });
    expect(session.decision!.baselines.singleModel).not.toBeNull();
    expect(session.decision!.baselines.roundOneMajority).not.toBeNull();
    const contributions = await contributionsOf(t, sessionId);
    expect(contributions.filter((c) => c.round_number === 1)).toHaveLength(3);
    // The built-in engine costs nothing but counts its tokens, like any call.
    const ledger = [...(await ledgerOf(t, jobId)), ...(await ledgerOf(t, session.job_id!))];
    expect(session.spent_tokens).toBe(ledger.reduce((n, r) => n + Number(r.tokens), 0));
    expect(session.total_tokens).toBe(contributions.reduce((n, c) => n + Number(c.tokens), 0));
    expect(session.total_tokens).toBeGreaterThan(0);
    // The answer reached the panel.
    expect(contributions.some((c) => /1,200/.test(c.content))).toBe(true);
  });
});

import { eq } from 'drizzle-orm';
import { withUser } from '../../src/core/db/tenancy.js';
import { registerJobTypes } from '../../src/core/jobs/index.js';
import type { BoardDecision, PersonaFamily } from '../../src/modules/board/board.contract.js';
import { boardSessions, contributions, personas, votes } from '../../src/modules/board/board.schema.js';
import { DELIBERATE_JOB, deliberatePayloadSchema } from '../../src/modules/board/deliberation/start-deliberation.js';
import type { TestApp } from './test-app.js';

/**
 * What the board's API tests share: the deliberation job type known to enqueueJob but never run (no runner is
 * started, so a session stays where the test puts it), personas of an organization, and a decided session written
 * straight into the tables.
 */
export function registerIdleDeliberation(): void {
  registerJobTypes([
    {
      type: DELIBERATE_JOB,
      payload: deliberatePayloadSchema,
      async run() {
        throw new Error('The board API tests never run the deliberation');
      },
    },
  ]);
}

export const testPersonas: Array<{ code: string; name: string; family: PersonaFamily }> = [
  { code: 'cfo_test', name: 'Chief Financial Officer', family: 'finance' },
  { code: 'pm_test', name: 'Product Manager', family: 'product' },
  { code: 'sre_test', name: 'Site Reliability Engineer', family: 'engineering' },
  { code: 'counsel_test', name: 'General Counsel', family: 'legal' },
  { code: 'growth_test', name: 'Growth Marketer', family: 'marketing' },
  { code: 'ops_test', name: 'Operations Lead', family: 'operations' },
];

/** The test personas as the organization's own (written by an editor of it). */
export async function addPersonas(t: TestApp, userId: string, organizationId: string): Promise<void> {
  await withUser(t.database.db, userId, (tx) =>
    tx.insert(personas).values(
      testPersonas.map((persona) => ({
        organizationId,
        code: persona.code,
        name: persona.name,
        family: persona.family,
        expertise: `${persona.name} expertise`,
        systemPrompt: `You are the ${persona.name}.`,
        lens: `What does this mean for ${persona.family}?`,
        checks: ['The numbers', 'The risks'],
        createdBy: userId,
      })),
    ),
  );
}

/** Changes a session's columns directly, as the deliberation job would (as its owner). */
export async function setSession(t: TestApp, ownerId: string, sessionId: string, changes: Partial<typeof boardSessions.$inferInsert>): Promise<void> {
  await withUser(t.database.db, ownerId, (tx) => tx.update(boardSessions).set(changes).where(eq(boardSessions.id, sessionId)));
}

export const decidedOptions = [
  { id: 'A', label: 'Launch in one city', description: 'Start in Lyon and learn.', proposedBy: null },
  { id: 'B', label: 'Launch in three cities', description: 'Lyon, Lille and Nantes at once.', proposedBy: 'growth_test' },
];

export const testDecision: BoardDecision = {
  recommendation: { optionId: 'A', label: 'Launch in one city', summary: 'One city first: the courier supply is unproven.' },
  tally: {
    rule: 'borda',
    scores: [
      { optionId: 'A', label: 'Launch in one city', points: 2, firstChoices: 2 },
      { optionId: 'B', label: 'Launch in three cities', points: 1, firstChoices: 1 },
    ],
    winner: 'A',
    tiedWith: [],
    ballots: 3,
    selfVotesExcluded: 1,
  },
  minorityReport: { personaCode: 'growth_test', personaName: 'Growth Marketer', optionId: 'B', label: 'Launch in three cities', argument: 'Three cities split the fixed marketing cost.' },
  assumptions: ['Courier supply grows 10% a month'],
  baselines: {
    singleModel: { optionId: 'B', label: 'Launch in three cities', reasoning: 'Scale wins markets.', model: 'atelier-offline-1' },
    roundOneMajority: { optionId: 'B', label: 'Launch in three cities', counts: { A: 1, B: 2 } },
  },
  changes: {
    summary: 'The panel moved from three cities to one once the courier numbers came up.',
    positionChanges: [{ personaCode: 'pm_test', personaName: 'Product Manager', from: 'B', to: 'A', because: 'the courier churn figures' }],
  },
  stopReason: 'low_novelty',
  rounds: 2,
  budgetReached: false,
};

/** Gives a session two rounds of contributions, a moderator intervention, votes and the decision above. */
export async function decide(t: TestApp, ownerId: string, sessionId: string): Promise<void> {
  await withUser(t.database.db, ownerId, async (tx) => {
    const [session] = await tx.select().from(boardSessions).where(eq(boardSessions.id, sessionId));
    const organizationId = session!.organizationId;
    const base = { sessionId, organizationId, model: 'atelier-offline-1', cost: 0.01, tokens: 100 };
    await tx.insert(contributions).values([
      { ...base, personaCode: 'cfo_test', roundNumber: 1, phase: 'initial_round', content: 'Cash first.', claim: 'One city keeps the burn under control', position: 'A', confidence: 0.7 },
      { ...base, personaCode: 'pm_test', roundNumber: 1, phase: 'initial_round', content: 'Go wide.', claim: 'Three cities test more segments', position: 'B', confidence: 0.6 },
      { ...base, personaCode: 'growth_test', roundNumber: 1, phase: 'initial_round', content: 'Go wide.', claim: 'Three cities share the ad spend', position: 'B', confidence: 0.8 },
      { ...base, personaCode: 'moderator', roundNumber: 2, phase: 'moderator_intervention', content: 'Nobody cited the courier churn.', claim: 'What does courier churn say about three cities?' },
      { ...base, personaCode: 'pm_test', roundNumber: 2, phase: 'deliberation', content: 'Churn changes it.', claim: 'Courier churn makes one city the safer test', position: 'A', positionChanged: true, changeReason: 'the courier churn figures', confidence: 0.65 },
    ]);
    await tx.insert(votes).values([
      { ...base, personaCode: 'cfo_test', voteChoice: 'A', reasoning: 'Burn.', ranking: ['A', 'B'] },
      { ...base, personaCode: 'pm_test', voteChoice: 'A', reasoning: 'Churn.', ranking: ['A', 'B'] },
      { ...base, personaCode: 'growth_test', voteChoice: 'B', reasoning: 'Spend.', ranking: ['B', 'A'] },
    ]);
    await tx
      .update(boardSessions)
      .set({ options: decidedOptions, decision: testDecision, status: 'completed', phase: 'done', completedAt: new Date(), roundNumber: 2, stopReason: 'low_novelty', totalCost: 0.08, totalTokens: 800, spentUsd: 0.1, spentTokens: 1000 })
      .where(eq(boardSessions.id, sessionId));
  });
}

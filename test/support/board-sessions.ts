import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/core/db/database.js';
import { withUser } from '../../src/core/db/tenancy.js';
import { boardSessions, personas } from '../../src/modules/board/board.schema.js';
import { enqueueDeliberation } from '../../src/modules/board/deliberation/start-deliberation.js';

/**
 * Board sessions made straight in the database, the way the create route will: the session row and its deliberation
 * job in one transaction. Personas are the organization's own, so the tests do not depend on the built-in catalog.
 */

export const TEST_PERSONAS = [
  { code: 'cfo_test', name: 'Finance lead', family: 'finance', riskAppetite: -0.6, lens: 'What does it cost and when does it pay back?', keywords: ['cost', 'budget'] },
  { code: 'growth_test', name: 'Growth lead', family: 'marketing', riskAppetite: 0.7, lens: 'How fast can we reach the people who need this?', keywords: ['market', 'launch'] },
  { code: 'ops_test', name: 'Operations lead', family: 'operations', riskAppetite: -0.2, lens: 'Can we run it every day without heroics?', keywords: ['city', 'operations'] },
] as const;

export async function addTestPersonas(db: Database, userId: string, organizationId: string, codes = TEST_PERSONAS): Promise<void> {
  await withUser(db, userId, (tx) =>
    tx.insert(personas).values(
      codes.map((p) => ({
        organizationId,
        code: p.code,
        name: p.name,
        expertise: `${p.name}: ${p.lens}`,
        systemPrompt: `You are the ${p.name}. ${p.lens}`,
        family: p.family,
        lens: p.lens,
        checks: ['the numbers', 'the risks'],
        riskAppetite: p.riskAppetite,
        keywords: [...p.keywords],
        createdBy: userId,
      })),
    ),
  );
}

export type NewTestSession = {
  organizationId: string;
  projectId?: string | null;
  problemStatement?: string;
  problemContext?: Record<string, unknown>;
  maxRounds?: number;
  budgetUsd?: number;
  tokenCap?: number | null;
  seed?: number;
};

/** A new active session and its queued job; returns both ids. */
export async function startTestSession(db: Database, userId: string, input: NewTestSession): Promise<{ sessionId: string; jobId: string }> {
  const id = crypto.randomUUID();
  return withUser(db, userId, async (tx) => {
    await tx.insert(boardSessions).values({
      id,
      organizationId: input.organizationId,
      projectId: input.projectId ?? null,
      userId,
      problemStatement: input.problemStatement ?? 'Should we launch in one city or three?',
      problemContext: input.problemContext ?? { runway: '14 months', team: '9 people' },
      maxRounds: input.maxRounds ?? 6,
      budgetUsd: input.budgetUsd ?? 1,
      tokenCap: input.tokenCap ?? null,
      seed: input.seed ?? 7,
    });
    const jobId = await enqueueDeliberation(tx, { id, organizationId: input.organizationId, projectId: input.projectId ?? null }, userId);
    return { sessionId: id, jobId };
  });
}

/** Rows as the admin role reads them (no RLS), for assertions. */
export async function adminRows<Row>(db: Database, text: string, params: unknown[] = []): Promise<Row[]> {
  return db.withAdmin((client) => client.query<Row>(text, params));
}

export { sql };

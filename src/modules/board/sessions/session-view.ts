import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { MODERATOR_CODE, type Contribution, type SessionDetail, type SessionSummary, type Vote } from '../board.contract.js';
import { boardSessions, contributions, personas, votes } from '../board.schema.js';

export type SessionRow = typeof boardSessions.$inferSelect;

/** What the moderator's contributions are signed with. */
export const MODERATOR_NAME = 'Moderator';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toSessionSummary(row: SessionRow): SessionSummary {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    userId: row.userId,
    problemStatement: row.problemStatement,
    status: row.status,
    phase: row.phase,
    roundNumber: row.roundNumber,
    maxRounds: row.maxRounds,
    totalCost: row.totalCost,
    totalTokens: row.totalTokens,
    budgetUsd: row.budgetUsd,
    tokenCap: row.tokenCap,
    voteRule: row.voteRule,
    stopReason: (row.stopReason as SessionSummary['stopReason']) ?? null,
    recommendation: row.decision?.recommendation.label ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: iso(row.completedAt),
    killedAt: iso(row.killedAt),
    killedBy: row.killedBy,
    killReason: row.killReason,
  };
}

/** A session the acting user may see (RLS: owner, org admins, members when tied to a project), or 404. */
export async function loadSession(tx: Tx, sessionId: string, forUpdate = false): Promise<SessionRow> {
  if (!isUuid(sessionId)) throw notFound('Board session');
  const query = tx.select().from(boardSessions).where(eq(boardSessions.id, sessionId));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Board session');
  return row;
}

/**
 * Persona names by code: the panel first (what the person saw seated), then the persona catalog for anyone who spoke
 * before a panel swap, the moderator as "Moderator".
 */
async function personaNames(tx: Tx, row: SessionRow, codes: string[]): Promise<(code: string) => string> {
  const names = new Map<string, string>(row.panel.map((seat) => [seat.code, seat.name]));
  names.set(MODERATOR_CODE, MODERATOR_NAME);
  const missing = [...new Set(codes)].filter((code) => !names.has(code));
  if (missing.length > 0) {
    const found = await tx.select({ code: personas.code, name: personas.name, organizationId: personas.organizationId }).from(personas).where(inArray(personas.code, missing));
    // The organization's own persona wins over a built-in one of the same code.
    for (const persona of found.sort((a, b) => (a.organizationId === row.organizationId ? 1 : 0) - (b.organizationId === row.organizationId ? 1 : 0))) {
      if (persona.organizationId === null || persona.organizationId === row.organizationId) names.set(persona.code, persona.name);
    }
  }
  return (code) => names.get(code) ?? code;
}

/** The session with its contributions (oldest first) and votes. */
export async function toSessionDetail(tx: Tx, row: SessionRow): Promise<SessionDetail> {
  const contributionRows = await tx.select().from(contributions).where(eq(contributions.sessionId, row.id)).orderBy(asc(contributions.id));
  const voteRows = await tx.select().from(votes).where(eq(votes.sessionId, row.id)).orderBy(asc(votes.id));
  const nameOf = await personaNames(tx, row, [...contributionRows.map((c) => c.personaCode), ...voteRows.map((v) => v.personaCode)]);
  return {
    ...toSessionSummary(row),
    problemContext: row.problemContext,
    subQuestions: row.subQuestions,
    options: row.options,
    clarifications: row.clarifications,
    panel: row.panel,
    decision: row.decision,
    error: row.error,
    jobId: row.jobId,
    lastEventSeq: row.lastEventSeq,
    contributions: contributionRows.map(
      (c): Contribution => ({
        id: c.id,
        personaCode: c.personaCode,
        personaName: nameOf(c.personaCode),
        content: c.content,
        roundNumber: c.roundNumber,
        phase: c.phase,
        claim: c.claim,
        evidence: c.evidence,
        assumptions: c.assumptions,
        confidence: c.confidence,
        position: c.position,
        positionChanged: c.positionChanged,
        changeReason: c.changeReason,
        duplicateOf: c.duplicateOf,
        cost: c.cost,
        tokens: c.tokens,
        model: c.model,
        generationId: c.generationId,
        createdAt: c.createdAt.toISOString(),
      }),
    ),
    votes: voteRows.map(
      (v): Vote => ({
        personaCode: v.personaCode,
        personaName: nameOf(v.personaCode),
        voteChoice: v.voteChoice,
        reasoning: v.reasoning,
        confidence: v.confidence,
        ranking: v.ranking,
        approved: v.approved,
        derived: v.derived,
        cost: v.cost,
        tokens: v.tokens,
        model: v.model,
        createdAt: v.createdAt.toISOString(),
      }),
    ),
  };
}

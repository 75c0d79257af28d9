import type { Contribution, SessionSummary, StopReason, Vote } from './board.contract.js';
import type { boardSessions, contributions, votes } from './board.schema.js';

/**
 * Rows of the board's tables as the API shows them. The routes answer with these and the deliberation sends them as
 * events, so a board room sees the same shape either way.
 */

export type SessionRow = typeof boardSessions.$inferSelect;
export type ContributionRow = typeof contributions.$inferSelect;
export type VoteRow = typeof votes.$inferSelect;

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
    spentUsd: row.spentUsd,
    spentTokens: row.spentTokens,
    budgetUsd: row.budgetUsd,
    tokenCap: row.tokenCap,
    voteRule: row.voteRule,
    stopReason: (row.stopReason as StopReason | null) ?? null,
    recommendation: row.decision?.recommendation.label ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: iso(row.completedAt),
    killedAt: iso(row.killedAt),
    killedBy: row.killedBy,
    killReason: row.killReason,
  };
}

export function toContribution(row: ContributionRow, personaName: string): Contribution {
  return {
    id: row.id,
    personaCode: row.personaCode,
    personaName,
    content: row.content,
    roundNumber: row.roundNumber,
    phase: row.phase,
    claim: row.claim,
    evidence: row.evidence,
    assumptions: row.assumptions,
    confidence: row.confidence,
    position: row.position,
    positionChanged: row.positionChanged,
    changeReason: row.changeReason,
    duplicateOf: row.duplicateOf,
    cost: row.cost,
    tokens: row.tokens,
    model: row.model,
    generationId: row.generationId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toVote(row: VoteRow, personaName: string): Vote {
  return {
    personaCode: row.personaCode,
    personaName,
    voteChoice: row.voteChoice,
    reasoning: row.reasoning,
    confidence: row.confidence,
    ranking: row.ranking,
    approved: row.approved,
    derived: row.derived,
    cost: row.cost,
    tokens: row.tokens,
    model: row.model,
    createdAt: row.createdAt.toISOString(),
  };
}

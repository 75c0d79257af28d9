import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { MODERATOR_CODE, type SessionDetail } from '../board.contract.js';
import { MODERATOR_NAME, toContribution, toSessionSummary, toVote, type SessionRow } from '../board-views.js';
import { boardSessions, contributions, personas, votes } from '../board.schema.js';

export type { SessionRow };
export { MODERATOR_NAME, toSessionSummary };

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
    contributions: contributionRows.map((c) => toContribution(c, nameOf(c.personaCode))),
    votes: voteRows.map((v) => toVote(v, nameOf(v.personaCode))),
  };
}

import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/database.js';
import type { DeliberationOption } from '../board.contract.js';
import { toContribution, toSessionSummary, toVote, type ContributionRow, type SessionRow, type VoteRow } from '../board-views.js';
import { boardSessions, contributions, votes } from '../board.schema.js';
import { appendSessionEvent } from '../session-events.js';

/**
 * The deliberation's writes. Every UPDATE of the session is conditional on `status = 'active'`: a pause or a kill
 * from a request wins the race, and the job's write (with whatever rode in its transaction) rolls back.
 */

export type { ContributionRow, SessionRow, VoteRow };
/**
 * What one call cost: added to what the session spent in the transaction that keeps its result, and — for a
 * contribution — to seed 001's totals too (`contribution: true`).
 */
export type CallSpend = { cost: number; tokens: number; contribution?: boolean };

/** The session is no longer active (paused, killed, …): the job ends cleanly and writes nothing more. */
export class SessionNotActive extends Error {
  constructor(readonly status: string) {
    super(`The board session is ${status}`);
    this.name = 'SessionNotActive';
  }
}

export async function loadSession(tx: Tx, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await tx.select().from(boardSessions).where(eq(boardSessions.id, sessionId));
  return row;
}

export async function loadContributions(tx: Tx, sessionId: string): Promise<ContributionRow[]> {
  return tx.select().from(contributions).where(eq(contributions.sessionId, sessionId)).orderBy(asc(contributions.id));
}

export async function loadVotes(tx: Tx, sessionId: string): Promise<VoteRow[]> {
  return tx.select().from(votes).where(eq(votes.sessionId, sessionId)).orderBy(asc(votes.id));
}

/** Throws SessionNotActive (rolling the transaction back) unless the session is still active. */
async function notActive(tx: Tx, sessionId: string): Promise<never> {
  const [row] = await tx.select({ status: boardSessions.status }).from(boardSessions).where(eq(boardSessions.id, sessionId));
  throw new SessionNotActive(row?.status ?? 'gone');
}

/**
 * Updates the active session (adding `spend` to what it spent when given) and returns it as it is now; throws
 * SessionNotActive when a request paused or ended it first.
 */
export async function updateActiveSession(
  tx: Tx,
  sessionId: string,
  values: Partial<typeof boardSessions.$inferInsert>,
  spend?: CallSpend,
): Promise<SessionRow> {
  const [row] = await tx
    .update(boardSessions)
    .set({
      ...values,
      ...(spend ? { spentUsd: sql`${boardSessions.spentUsd} + ${spend.cost}::numeric`, spentTokens: sql`${boardSessions.spentTokens} + ${spend.tokens}::int` } : {}),
      ...(spend?.contribution
        ? { totalCost: sql`${boardSessions.totalCost} + ${spend.cost}::numeric`, totalTokens: sql`${boardSessions.totalTokens} + ${spend.tokens}::int` }
        : {}),
    })
    .where(and(eq(boardSessions.id, sessionId), eq(boardSessions.status, 'active')))
    .returning();
  return row ?? notActive(tx, sessionId);
}

/** A status, phase or round change of the active session, with its `session` event. */
export async function advanceSession(tx: Tx, sessionId: string, values: Partial<typeof boardSessions.$inferInsert>, spend?: CallSpend): Promise<SessionRow> {
  const row = await updateActiveSession(tx, sessionId, values, spend);
  await appendSessionEvent(tx, sessionId, 'session', toSessionSummary(row));
  return row;
}

export type NewContribution = Omit<typeof contributions.$inferInsert, 'id' | 'createdAt'>;

/**
 * The checkpoint of a contribution: the row, the session's totals and the `contribution` event in one transaction.
 * A contribution already stored for (round, persona, phase) — a resumed job redoing a call that finished before a
 * crash — is not stored or counted again: undefined. A proposal becomes the session's next option (`options` event).
 */
export async function storeContribution(
  tx: Tx,
  values: NewContribution,
  personaName: string,
  proposal: { label: string; description: string } | null,
): Promise<{ row: ContributionRow; session: SessionRow } | undefined> {
  const [row] = await tx.insert(contributions).values(values).onConflictDoNothing().returning();
  if (!row) return undefined;
  let session = await updateActiveSession(tx, values.sessionId, {}, { cost: values.cost ?? 0, tokens: values.tokens ?? 0, contribution: true });
  if (proposal) session = await addProposedOption(tx, session, proposal, values.personaCode);
  await appendSessionEvent(tx, values.sessionId, 'contribution', toContribution(row, personaName));
  return { row, session };
}

/** At most this many options: the tasks' inputs take eight. */
const MAX_OPTIONS = 8;

async function addProposedOption(tx: Tx, session: SessionRow, proposal: { label: string; description: string }, personaCode: string): Promise<SessionRow> {
  const label = proposal.label.trim();
  const taken = session.options.some((option) => option.label.trim().toLowerCase() === label.toLowerCase());
  if (taken || session.options.length >= MAX_OPTIONS || label.length === 0) return session;
  const option: DeliberationOption = {
    id: String.fromCharCode(65 + session.options.length),
    label: label.slice(0, 120),
    description: proposal.description.slice(0, 600),
    proposedBy: personaCode,
  };
  const updated = await updateActiveSession(tx, session.id, { options: [...session.options, option] });
  await appendSessionEvent(tx, session.id, 'options', { options: updated.options });
  return updated;
}

export type NewVote = Omit<typeof votes.$inferInsert, 'id' | 'createdAt'>;

/** A ballot, the session's totals and the `vote` event in one transaction; undefined when this persona already voted. */
export async function storeVote(tx: Tx, values: NewVote, personaName: string): Promise<{ row: VoteRow; session: SessionRow } | undefined> {
  const [row] = await tx.insert(votes).values(values).onConflictDoNothing().returning();
  if (!row) return undefined;
  const session = await updateActiveSession(tx, values.sessionId, {}, { cost: values.cost ?? 0, tokens: values.tokens ?? 0 });
  await appendSessionEvent(tx, values.sessionId, 'vote', toVote(row, personaName));
  return { row, session };
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { appendRevision, createDocument, documents, documentSlug } from '../../documents/index.js';
import { requireProjectAccess } from '../../projects/index.js';
import type { SessionDetail } from '../board.contract.js';
import { decisionTitle, renderDecisionRecord } from '../decision-record.js';
import { loadSession, toSessionDetail } from './session-view.js';
import { wrongState } from './sessions.service.js';

async function decidedSession(tx: Tx, sessionId: string): Promise<SessionDetail> {
  const session = await toSessionDetail(tx, await loadSession(tx, sessionId));
  if (!session.decision) throw wrongState(`The session has no decision yet; it is ${session.status} in ${session.phase.replaceAll('_', ' ')}`);
  return session;
}

/** GET …/decision.md: the decision record, named after the problem. */
export async function decisionMarkdown(tx: Tx, sessionId: string): Promise<{ fileName: string; markdown: string }> {
  const session = await decidedSession(tx, sessionId);
  return { fileName: `${documentSlug(session.problemStatement, 'decision')}.md`, markdown: renderDecisionRecord(session) };
}

/**
 * POST …/save: the decision record as a document of the session's project (editors of it). Saving again appends a
 * revision to the document saved before (found by its metadata), so a project holds one record per session.
 */
export async function saveDecision(tx: Tx, actor: UserActor, sessionId: string): Promise<{ created: boolean; result: { documentId: string; projectId: string; title: string } }> {
  const session = await decidedSession(tx, sessionId);
  if (!session.projectId) throw wrongState('The session is not tied to a project; only a project’s session can be saved to it');
  await requireProjectAccess(tx, actor.userId, session.projectId, 'write', 'The project is deleted; restore it before saving a decision to it');
  const title = decisionTitle(session.problemStatement);
  const contentMarkdown = renderDecisionRecord(session);
  const [existing] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.projectId, session.projectId), eq(documents.type, 'decision_record'), sql`${documents.metadata}->>'boardSessionId' = ${session.id}`))
    .orderBy(asc(documents.createdAt))
    .limit(1);
  const metadata = { boardSessionId: session.id, recommendation: session.decision!.recommendation.label, voteRule: session.voteRule };
  const document = existing
    ? await appendRevision(tx, actor, existing.id, { title, contentMarkdown, metadata, note: 'Saved again from the board' })
    : await createDocument(tx, actor, session.projectId, { type: 'decision_record', title, contentMarkdown, metadata, note: 'Saved from the board' });
  await recordAudit(tx, actor, {
    action: 'board_decision_saved',
    resourceType: 'board_session',
    resourceId: session.id,
    organizationId: session.organizationId,
    details: { projectId: session.projectId, documentId: document.id, revision: document.currentRev },
  });
  return { created: !existing, result: { documentId: document.id, projectId: session.projectId, title: document.title } };
}

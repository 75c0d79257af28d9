import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import { DEFAULT_CONVERSATION_TITLE } from '../../shared/chat-messages.js';
import type { UserActor } from '../organizations/index.js';
import { requireProjectAccess, type ProjectRow } from '../projects/index.js';
import type { Conversation, ListConversationsQuery } from './chat.contract.js';
import { conversations } from './chat.schema.js';

export type ConversationRow = typeof conversations.$inferSelect;

/** Where a conversation's title came from: only a default title is replaced by the first question. */
type TitleSource = 'default' | 'user' | 'question';

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    title: row.title,
    metadata: row.metadata,
    creatorId: row.creatorId,
    lastMessageAt: row.lastMessageAt ? row.lastMessageAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Readers are the organization's members; writers are its editors and up, on a project that is not deleted. */
export async function requireChatAccess(tx: Tx, userId: string, projectId: string, access: 'read' | 'write'): Promise<ProjectRow> {
  const { project } = await requireProjectAccess(tx, userId, projectId, access, 'The project is deleted; restore it to chat in it');
  return project;
}

/** A conversation of the project, or 404 (missing, malformed, another project's or another tenant's). */
export async function loadConversation(tx: Tx, projectId: string, conversationId: string): Promise<ConversationRow> {
  if (!isUuid(conversationId)) throw notFound('Conversation');
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.projectId, projectId)));
  if (!row) throw notFound('Conversation');
  return row;
}

export async function createConversation(tx: Tx, actor: UserActor, projectId: string, title: string | undefined): Promise<Conversation> {
  const project = await requireChatAccess(tx, actor.userId, projectId, 'write');
  const titleSource: TitleSource = title ? 'user' : 'default';
  const [row] = await tx
    .insert(conversations)
    .values({
      id: newId(),
      organizationId: project.organizationId,
      projectId: project.id,
      title: title ?? DEFAULT_CONVERSATION_TITLE,
      metadata: { titleSource },
      creatorId: actor.userId,
    })
    .returning();
  return toConversation(row!);
}

/**
 * The activity a conversation sorts by: its last message, or its creation while it has none. A stored column, not the
 * expression, so that a deep page's row comparison is an index condition under row level security.
 */
const activity = conversations.activityAt;

/** Most recent activity first, keyset-paged on (activity, id). */
export async function listConversations(tx: Tx, userId: string, projectId: string, query: ListConversationsQuery): Promise<Page<Conversation>> {
  const project = await requireChatAccess(tx, userId, projectId, 'read');
  const cursor = decodeTimestampCursor(query.cursor);
  const rows = await tx
    .select({
      row: conversations,
      cursorAt: cursorTimestamp(activity),
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.projectId, project.id),
        cursor ? afterCursor(activity, conversations.id, cursor, 'desc') : undefined,
      ),
    )
    .orderBy(sql`${activity} DESC`, sql`${conversations.id} DESC`)
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ row }) => toConversation(row),
    ({ row, cursorAt }) => ({ sort: cursorAt, id: row.id }),
  );
}

export async function getConversation(tx: Tx, userId: string, projectId: string, conversationId: string): Promise<Conversation> {
  const project = await requireChatAccess(tx, userId, projectId, 'read');
  return toConversation(await loadConversation(tx, project.id, conversationId));
}

export async function renameConversation(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  conversationId: string,
  title: string,
): Promise<Conversation> {
  const project = await requireChatAccess(tx, actor.userId, projectId, 'write');
  const current = await loadConversation(tx, project.id, conversationId);
  const [row] = await tx
    .update(conversations)
    .set({ title, metadata: { ...current.metadata, titleSource: 'user' satisfies TitleSource } })
    .where(eq(conversations.id, current.id))
    .returning();
  return toConversation(row!);
}

export async function deleteConversation(tx: Tx, actor: UserActor, projectId: string, conversationId: string): Promise<void> {
  const project = await requireChatAccess(tx, actor.userId, projectId, 'write');
  const current = await loadConversation(tx, project.id, conversationId);
  await tx.delete(conversations).where(eq(conversations.id, current.id));
  await recordAudit(tx, actor, {
    action: 'conversation_deleted',
    resourceType: 'conversation',
    resourceId: current.id,
    organizationId: current.organizationId,
    details: { title: current.title, projectId: current.projectId },
  });
}

/** The first question names a conversation that still has its default title. */
export async function titleFromQuestion(tx: Tx, conversation: ConversationRow, question: string): Promise<void> {
  if (conversation.metadata['titleSource'] !== 'default') return;
  await tx
    .update(conversations)
    .set({ title: shortTitle(question), metadata: { ...conversation.metadata, titleSource: 'question' satisfies TitleSource } })
    .where(eq(conversations.id, conversation.id));
}

function shortTitle(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

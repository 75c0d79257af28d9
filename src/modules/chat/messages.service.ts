import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { encodeCursor } from '../../core/http/pagination.js';
import { newId } from '../../core/ids.js';
import { estimateTokens } from '../../core/text/index.js';
import type { UserActor } from '../organizations/index.js';
import type { ListMessagesQuery, Message, MessagePage } from './chat.contract.js';
import { messages, type MessageStatus } from './chat.schema.js';
import { loadConversation, requireChatAccess, titleFromQuestion, type ConversationRow } from './conversations.service.js';

export type MessageRow = typeof messages.$inferSelect;

/**
 * A `streaming` message nobody has written to for this long, in a conversation without a live stream in this
 * process, belongs to a writer that is gone (a crash, a restart): it is shown, and on the next send stored, as
 * interrupted with the text that was flushed.
 */
export const STALE_STREAM_MS = 2 * 60 * 1000;

/** Whether a conversation has an answer being written by this process right now. */
export type LiveCheck = (conversationId: string) => boolean;

function lastWriteOf(row: MessageRow): number {
  const flushed = row.metadata['flushedAt'];
  const at = typeof flushed === 'string' ? Date.parse(flushed) : NaN;
  return Number.isNaN(at) ? row.createdAt.getTime() : at;
}

function isStale(row: MessageRow, isLive: LiveCheck, now = Date.now()): boolean {
  return row.status === 'streaming' && !isLive(row.conversationId) && now - lastWriteOf(row) > STALE_STREAM_MS;
}

export function toMessage(row: MessageRow, isLive: LiveCheck = () => false): Message {
  const stale = isStale(row, isLive);
  return {
    id: row.id,
    conversationId: row.conversationId,
    role: row.role,
    content: row.content,
    status: stale ? 'interrupted' : row.status,
    metadata: stale ? { ...row.metadata, interruptedBy: 'lost-writer' } : row.metadata,
    tokenCount: row.tokenCount,
    authorId: row.authorId,
    generationId: row.generationId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A page of a conversation, oldest first. Without a cursor, the newest (or with from=oldest, the oldest) messages;
 * `before` the messages just older than a page, `after` the ones just newer. Both seek on (conversation_id,
 * created_at, id), so a deep page costs what the first does.
 */
export async function listMessages(
  tx: Tx,
  userId: string,
  projectId: string,
  conversationId: string,
  query: ListMessagesQuery,
  isLive: LiveCheck,
): Promise<MessagePage> {
  const project = await requireChatAccess(tx, userId, projectId, 'read');
  const conversation = await loadConversation(tx, project.id, conversationId);
  return pageOfMessages(tx, conversation.id, query, isLive);
}

/** The page query alone, for callers that checked access already (and for the benchmark). */
export async function pageOfMessages(tx: Tx, conversationId: string, query: ListMessagesQuery, isLive: LiveCheck): Promise<MessagePage> {
  const before = decodeTimestampCursor(query.before, 'before');
  const after = decodeTimestampCursor(query.after, 'after');
  // Reading towards the past (newest page, before=) walks the index backwards; towards the future, forwards.
  const backwards = after === undefined && (before !== undefined || query.from === 'newest');
  const seek = before ? afterCursor(messages.createdAt, messages.id, before, 'desc') : after ? afterCursor(messages.createdAt, messages.id, after, 'asc') : undefined;
  const rows = await tx
    .select({ row: messages, cursorAt: cursorTimestamp(messages.createdAt) })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), seek))
    .orderBy(...(backwards ? [desc(messages.createdAt), desc(messages.id)] : [asc(messages.createdAt), asc(messages.id)]))
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const cursorOf = (entry: (typeof page)[number]) => encodeCursor({ sort: entry.cursorAt, id: entry.row.id });
  // The side the page was read towards has more when the extra row came back; the side it came from has the
  // cursor's own message and everything past it.
  const hasOlder = backwards ? more : after !== undefined;
  const hasNewer = backwards ? before !== undefined : more;
  return {
    items: page.map(({ row }) => toMessage(row, isLive)),
    olderCursor: hasOlder && first ? cursorOf(first) : null,
    newerCursor: hasNewer && last ? cursorOf(last) : null,
  };
}

export type StoredQuestion = { conversation: ConversationRow; message: MessageRow };

/**
 * The user's message, stored before the model is called (one short transaction): status complete, its token count
 * from the built-in engine's tokenizer. Streams that lost their writer are closed as interrupted first, and the
 * first question names a conversation that still has the default title. The caller holds the conversation (one
 * answer at a time per conversation), so a second question while one is being answered never gets this far.
 */
export async function storeQuestion(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  conversationId: string,
  content: string,
): Promise<StoredQuestion> {
  const project = await requireChatAccess(tx, actor.userId, projectId, 'write');
  const conversation = await loadConversation(tx, project.id, conversationId);
  await repairStaleStreams(tx, conversation.id);
  const [message] = await tx
    .insert(messages)
    .values({
      id: newId(),
      conversationId: conversation.id,
      organizationId: conversation.organizationId,
      projectId: conversation.projectId,
      role: 'user',
      content,
      status: 'complete',
      tokenCount: estimateTokens(content),
      authorId: actor.userId,
    })
    .returning();
  await titleFromQuestion(tx, conversation, content);
  return { conversation, message: message! };
}

/** The caller holds the conversation, so no answer in it is being written by this process. */
async function repairStaleStreams(tx: Tx, conversationId: string): Promise<void> {
  const streaming = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.status, 'streaming')));
  for (const row of streaming) {
    if (!isStale(row, () => false)) continue;
    await tx
      .update(messages)
      .set({ status: 'interrupted', metadata: { ...row.metadata, interruptedBy: 'lost-writer' } })
      .where(and(eq(messages.id, row.id), eq(messages.status, 'streaming')));
  }
}

/** A question that was never answered (no credit left, the model unreachable): kept, marked failed with why. */
export async function markQuestionFailed(tx: Tx, messageId: string, errorCode: string, errorMessage: string): Promise<MessageRow | undefined> {
  const [row] = await tx
    .update(messages)
    .set({ status: 'failed', metadata: sql`${messages.metadata} || ${JSON.stringify({ errorCode, errorMessage })}::jsonb` })
    .where(eq(messages.id, messageId))
    .returning();
  return row;
}

/** The answer's row, inserted as `streaming` before its first text so a crash keeps what was flushed. */
export async function startAnswer(tx: Tx, question: StoredQuestion, metadata: Record<string, unknown>): Promise<MessageRow> {
  const [row] = await tx
    .insert(messages)
    .values({
      id: newId(),
      conversationId: question.conversation.id,
      organizationId: question.conversation.organizationId,
      projectId: question.conversation.projectId,
      role: 'assistant',
      content: '',
      status: 'streaming',
      metadata: { ...metadata, flushedAt: new Date().toISOString() },
    })
    .returning();
  return row!;
}

/** The text so far; only a row still streaming is written. */
export async function flushAnswer(tx: Tx, messageId: string, content: string): Promise<void> {
  await tx
    .update(messages)
    .set({
      content,
      metadata: sql`${messages.metadata} || jsonb_build_object('flushedAt', ${new Date().toISOString()}::text)`,
    })
    .where(and(eq(messages.id, messageId), eq(messages.status, 'streaming')));
}

export type AnswerEnd = {
  status: Extract<MessageStatus, 'complete' | 'interrupted'>;
  content: string;
  tokenCount: number;
  generationId: string | null;
  metadata: Record<string, unknown>;
};

/** The answer's final state: complete, or interrupted with what arrived. */
export async function finishAnswer(tx: Tx, messageId: string, end: AnswerEnd): Promise<MessageRow | undefined> {
  const [row] = await tx
    .update(messages)
    .set({
      status: end.status,
      content: end.content,
      tokenCount: end.tokenCount,
      generationId: end.generationId,
      metadata: sql`(${messages.metadata} - 'flushedAt') || ${JSON.stringify(end.metadata)}::jsonb`,
    })
    .where(and(eq(messages.id, messageId), eq(messages.status, 'streaming')))
    .returning();
  return row;
}

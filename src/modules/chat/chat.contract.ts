import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import { DEFAULT_CONVERSATION_TITLE, MAX_QUESTION_LENGTH, messageRoles, messageStatuses } from '../../shared/chat-messages.js';

/** Request and response schemas of /projects/{projectId}/conversations and their messages. */

const titleSchema = z.string(requiredAs('Title', 'text')).trim().min(1, isRequired('Title')).max(255, atMost('Title', 255));

export const projectConversationsParams = z.object({ projectId: z.string() });
export const conversationParams = z.object({ projectId: z.string(), conversationId: z.string() });

export const createConversationBody = z
  .object({ title: titleSchema.optional().describe(`defaults to “${DEFAULT_CONVERSATION_TITLE}”, then to the first question`) })
  .strict();
export type CreateConversationBody = z.infer<typeof createConversationBody>;

export const renameConversationBody = z.object({ title: titleSchema }).strict();

export const listConversationsQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

export const listMessagesQuery = z
  .object({
    limit: limitSchema,
    before: cursorSchema.describe('the olderCursor of a page: the messages just before it'),
    after: cursorSchema.describe('the newerCursor of a page: the messages just after it'),
    from: z.enum(['newest', 'oldest'], oneOf('From', ['newest', 'oldest'])).default('newest').describe('without a cursor: the newest page (default) or the oldest'),
  })
  .strict()
  .refine((query) => !(query.before && query.after), { message: 'Pass either before or after, not both', path: ['after'] });
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;

export const sendMessageBody = z
  .object({
    content: z
      .string(requiredAs('Question', 'text'))
      .trim()
      .min(1, isRequired('Question'))
      .max(MAX_QUESTION_LENGTH, atMost('Question', MAX_QUESTION_LENGTH)),
  })
  .strict();
export type SendMessageBody = z.infer<typeof sendMessageBody>;

export const conversationSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string(),
  title: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  creatorId: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;
export const conversationPageSchema = pageSchema(conversationSchema);

/** `model`: a fact of the project model; its title says where it was read (the idea, an answer, a document). */
export const citationKinds = ['section', 'diagram', 'wireframe', 'model'] as const;
export type CitationKind = (typeof citationKinds)[number];

export const citationSchema = z.object({
  id: z.string().describe('what the answer writes in square brackets, e.g. [doc-1a2b3c4d-overview]'),
  kind: z.enum(citationKinds),
  title: z.string().describe('the document, diagram or wireframe title; for a model fact, where it was read'),
  heading: z.string().nullable().describe('the section heading; for a model fact, what it is ("Rule", an actor or entity name)'),
  documentId: z.string().nullable(),
  blockId: z.string().nullable(),
  rev: z.number().int().nullable(),
  diagramId: z.string().nullable(),
  wireframeId: z.string().nullable(),
});
export type Citation = z.infer<typeof citationSchema>;

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: z.enum(messageRoles),
  content: z.string(),
  status: z.enum(messageStatuses).describe('a streaming message whose writer is gone for 2 minutes is shown as interrupted'),
  metadata: z.record(z.string(), z.unknown()),
  tokenCount: z.number().int().nullable(),
  authorId: z.string().nullable(),
  generationId: z.string().nullable(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

export const messagePageSchema = z.object({
  items: z.array(messageSchema).describe('oldest first'),
  olderCursor: z.string().nullable().describe('pass as before= for the page of older messages; null at the start'),
  newerCursor: z.string().nullable().describe('pass as after= for the page of newer messages; null at the end'),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

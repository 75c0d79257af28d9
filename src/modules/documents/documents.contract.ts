import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import { documentStatuses, documentTypes } from '../../shared/document-kinds.js';
import { SLUG_PATTERN } from '../../shared/document-slugs.js';

/** Request and response schemas of /projects/{projectId}/documents and /projects/{projectId}/versions. */

export const documentTypeSchema = z.enum(documentTypes, oneOf('Type', documentTypes));
export const documentStatusSchema = z.enum(documentStatuses, oneOf('Status', documentStatuses));

/** Markdown bodies up to 2 MB of text; larger documents belong in attachments, not in a revision history. */
export const MAX_MARKDOWN_LENGTH = 2_000_000;

const titleSchema = z.string(requiredAs('Title', 'text')).trim().min(1, isRequired('Title')).max(255, atMost('Title', 255));
const markdownSchema = z.string(requiredAs('Content', 'text')).max(MAX_MARKDOWN_LENGTH, atMost('Content', MAX_MARKDOWN_LENGTH));
const noteSchema = z.string(requiredAs('Note', 'text')).trim().max(1000, atMost('Note', 1000));
const slugSchema = z
  .string(requiredAs('Slug', 'text'))
  .regex(SLUG_PATTERN, 'Use 1–200 lowercase letters, digits or hyphens, starting with a letter or digit (e.g. product-spec)');
const metadataSchema = z
  .record(z.string(), z.unknown(), { error: 'Metadata must be an object' })
  .refine((value) => JSON.stringify(value).length <= 100_000, 'Metadata must be at most 100000 characters as JSON');
/** A revision number in the query string (`?rev=`, `?from=`, `?to=`). */
const revNumberSchema = (label: string) =>
  z.coerce
    .number(`${label} must be a number`)
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be 1 or more`)
    .max(2_147_483_647, `${label} is too large`);
const revBodySchema = (label: string) =>
  z.number(requiredAs(label, 'a number')).int(`${label} must be a whole number`).min(0, `${label} must be 0 or more`).max(2_147_483_647, `${label} is too large`);

export const createDocumentBody = z
  .object({
    type: documentTypeSchema,
    title: titleSchema,
    contentMarkdown: markdownSchema.optional().describe('defaults to an empty document'),
    metadata: metadataSchema.optional(),
    slug: slugSchema.optional().describe('derived from the title when absent; a derived slug that is taken gets -2, -3, …'),
  })
  .strict();
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

export const updateDocumentBody = z
  .object({
    baseRev: revBodySchema('Base revision').describe('the revision the edit started from; a stale one answers 409 with the current document'),
    title: titleSchema.optional(),
    contentMarkdown: markdownSchema.optional(),
    note: noteSchema.optional().describe('what changed, shown in the history'),
    metadata: metadataSchema.optional().describe('replaces the metadata; a change of metadata alone makes no revision'),
  })
  .strict();
export type UpdateDocumentBody = z.infer<typeof updateDocumentBody>;

export const restoreDocumentBody = z
  .object({
    rev: revBodySchema('Revision').min(1, 'Revision must be 1 or more').describe('the revision whose content becomes the new latest revision'),
    baseRev: revBodySchema('Base revision').optional().describe('when given, a stale one answers 409 like an edit'),
    note: noteSchema.optional(),
  })
  .strict();
export type RestoreDocumentBody = z.infer<typeof restoreDocumentBody>;

export const listDocumentsQuery = z
  .object({
    type: documentTypeSchema.optional(),
    status: documentStatusSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;

export const getDocumentQuery = z
  .object({ rev: revNumberSchema('Revision').optional().describe('a revision number; the latest when absent') })
  .strict();

export const listRevisionsQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();
export type ListRevisionsQuery = z.infer<typeof listRevisionsQuery>;

export const diffQuery = z
  .object({
    from: revNumberSchema('From').optional().describe('default: the revision before `to`'),
    to: revNumberSchema('To').optional().describe('default: the latest revision'),
  })
  .strict();
export type DiffQuery = z.infer<typeof diffQuery>;

export const projectDocumentsParams = z.object({ projectId: z.string() });
export const documentParams = z.object({ projectId: z.string(), documentId: z.string() });

export const documentSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string(),
  type: documentTypeSchema,
  status: documentStatusSchema,
  title: z.string(),
  slug: z.string(),
  contentMarkdown: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  version: z.number().int().describe('the project version the document belongs to'),
  isLocked: z.boolean(),
  currentRev: z.number().int(),
  creatorId: z.string().nullable(),
  generationId: z.string().nullable().describe('the AI call that produced the latest generated revision'),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Document = z.infer<typeof documentSchema>;

export const revisionSummarySchema = z.object({
  rev: z.number().int(),
  title: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable().describe('null when the author’s account is gone or no longer shares an organization with you'),
  generationId: z.string().nullable(),
  restoredFrom: z.number().int().nullable(),
  createdAt: z.string(),
  size: z.number().int().describe('length of the Markdown in bytes (UTF-8)'),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;
export const revisionPageSchema = pageSchema(revisionSummarySchema);

/** GET /documents/{id}: the document as of one revision (the latest unless ?rev=). */
export const documentAtRevisionSchema = documentSchema.extend({
  rev: z.number().int().describe('the revision shown: title and contentMarkdown are this revision’s'),
  content: z.unknown().nullable().describe('the structured form a generator produced for this revision, if any'),
  revision: revisionSummarySchema,
});
export type DocumentAtRevision = z.infer<typeof documentAtRevisionSchema>;

export const documentListItemSchema = documentSchema.omit({ contentMarkdown: true }).extend({
  excerpt: z.string().describe('the start of the text, without Markdown syntax'),
});
export type DocumentListItem = z.infer<typeof documentListItemSchema>;
export const documentPageSchema = pageSchema(documentListItemSchema);

export const diffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  unified: z.string().describe('unified diff of the Markdown (empty when the two revisions have the same text)'),
  stats: z.object({ added: z.number().int(), removed: z.number().int() }).describe('lines added and removed'),
});
export type DocumentDiff = z.infer<typeof diffSchema>;

export const exportQuery = z.object({ rev: revNumberSchema('Revision').optional() }).strict();

// Project versions (seed 003).
export const createProjectVersionBody = z
  .object({ changeNote: z.string(requiredAs('Change note', 'text')).trim().max(2000, atMost('Change note', 2000)).optional() })
  .strict();
export const listProjectVersionsQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();
export type ListProjectVersionsQuery = z.infer<typeof listProjectVersionsQuery>;
export const projectVersionSchema = z.object({
  projectId: z.string(),
  version: z.number().int(),
  changeNote: z.string().nullable(),
  createdBy: z.string().nullable().describe('null when the AI pipeline made the version'),
  createdAt: z.string(),
});
export type ProjectVersion = z.infer<typeof projectVersionSchema>;
export const projectVersionPageSchema = pageSchema(projectVersionSchema);

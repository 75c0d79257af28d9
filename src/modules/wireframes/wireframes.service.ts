import { and, desc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Tx } from '../../core/db/database.js';
import { AppError, notFound } from '../../core/errors.js';
import { afterCursor, cursorTimestamp, decodeTimestampCursor } from '../../core/http/keyset-cursor.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { isUuid, newId } from '../../core/ids.js';
import { latestDocumentOfTypes } from '../documents/index.js';
import type { UserActor } from '../organizations/index.js';
import { requireProjectAccess, type ProjectRow } from '../projects/index.js';
import type { CleanMarkup } from './sanitize-off-thread.js';
import { MAX_HTML_LENGTH, type CreateWireframeBody, type ListWireframesQuery, type SavedWireframe, type UpdateWireframeBody, type Wireframe } from './wireframes.contract.js';
import { wireframes, type WireframeTemplate } from './wireframes.schema.js';

export type WireframeRow = typeof wireframes.$inferSelect;

export function toWireframe(row: Omit<WireframeRow, 'searchVector'>): Wireframe {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    title: row.title,
    description: row.description,
    htmlContent: row.htmlContent,
    cssContent: row.cssContent,
    templateType: row.templateType,
    metadata: row.metadata,
    sourceDocumentId: row.sourceDocumentId,
    creatorId: row.creatorId,
    generationId: row.generationId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's project: members read; editors and up write, and only while the project is not deleted. */
export async function requireWireframesAccess(tx: Tx, userId: string, projectId: string, access: 'read' | 'write'): Promise<ProjectRow> {
  const { project } = await requireProjectAccess(tx, userId, projectId, access, 'The project is deleted; restore it before changing its wireframes');
  return project;
}

/** A wireframe of the project, or 404 (missing, malformed, another project's or another tenant's). */
export async function loadWireframe(tx: Tx, projectId: string, wireframeId: string, options: { forUpdate?: boolean } = {}): Promise<WireframeRow> {
  if (!isUuid(wireframeId)) throw notFound('Wireframe');
  const query = tx
    .select()
    .from(wireframes)
    .where(and(eq(wireframes.id, wireframeId), eq(wireframes.projectId, projectId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Wireframe');
  return row;
}

/** The newest SRS, else PRD, of the project: what screens are drawn from when the author names no document. */
export async function defaultSourceDocument(tx: Tx, projectId: string): Promise<{ id: string; title: string; contentMarkdown: string } | null> {
  const [row] = await latestDocumentOfTypes(tx, projectId, ['srs', 'prd']);
  return row ? { id: row.id, title: row.title, contentMarkdown: row.contentMarkdown } : null;
}

export type NewWireframe = {
  title: string;
  description?: string | null;
  htmlContent: string;
  cssContent?: string | null;
  templateType?: WireframeTemplate | null;
  metadata?: Record<string, unknown>;
  sourceDocumentId?: string | null;
  generationId?: string | null;
};

/** Escaping on serialization can lengthen markup (`<` in an attribute becomes `&lt;`): the stored form must still fit. */
function checkSanitizedSize(html: string): void {
  if (html.length <= MAX_HTML_LENGTH) return;
  throw new AppError('VALIDATION_FAILED', `Invalid body: htmlContent: must be at most ${MAX_HTML_LENGTH} characters once sanitized`, {
    details: [{ field: 'htmlContent', message: `must be at most ${MAX_HTML_LENGTH} characters once sanitized`, in: 'body' }],
  });
}

function emptyAfterSanitizing(): AppError {
  return new AppError('VALIDATION_FAILED', 'Invalid body: htmlContent: nothing is left after removing scripts and external resources', {
    details: [{ field: 'htmlContent', message: 'nothing is left after removing scripts and external resources', in: 'body' }],
  });
}

/**
 * Submitted markup that sanitizing (sanitizeOffThread) left empty is refused, and so is sanitized markup that grew
 * too long to store.
 */
function checkSanitizedMarkup(cleanHtml: string, submittedHtml: string): void {
  if (cleanHtml.trim() === '' && submittedHtml.trim() !== '') throw emptyAfterSanitizing();
  checkSanitizedSize(cleanHtml);
}

/**
 * Inserts a wireframe with its markup as sanitized beforehand (`clean`, from sanitizeOffThread of the input's HTML and
 * CSS); returns it with what the sanitizer removed. The audit names the removals' count.
 */
export async function insertWireframe(
  tx: Tx,
  actor: UserActor,
  project: ProjectRow,
  input: NewWireframe,
  clean: CleanMarkup,
  audit: Record<string, unknown> = {},
): Promise<SavedWireframe> {
  checkSanitizedMarkup(clean.html, input.htmlContent);
  const [row] = await tx
    .insert(wireframes)
    .values({
      id: newId(),
      organizationId: project.organizationId,
      projectId: project.id,
      title: input.title,
      description: input.description ?? null,
      htmlContent: clean.html,
      cssContent: clean.css,
      templateType: input.templateType ?? null,
      // Generated markup keeps a note of what the sanitizer took out, since nobody saw the response to that save.
      metadata: input.generationId && clean.removed.length ? { ...input.metadata, sanitized: { removed: clean.removed } } : (input.metadata ?? {}),
      sourceDocumentId: input.sourceDocumentId ?? null,
      creatorId: actor.userId,
      generationId: input.generationId ?? null,
    })
    .returning();
  if (!row) throw new Error('The wireframe was not inserted');
  await recordAudit(tx, actor, {
    action: 'wireframe_created',
    resourceType: 'wireframe',
    resourceId: row.id,
    organizationId: row.organizationId,
    details: { projectId: row.projectId, title: row.title, templateType: row.templateType, sanitizedRemovals: clean.removed.length, ...audit },
  });
  return { ...toWireframe(row), sanitized: { removed: clean.removed } };
}

/** POST /wireframes (editors and up); `clean` is the body's markup sanitized. */
export async function createWireframe(tx: Tx, actor: UserActor, projectId: string, body: CreateWireframeBody, clean: CleanMarkup): Promise<SavedWireframe> {
  const project = await requireWireframesAccess(tx, actor.userId, projectId, 'write');
  return insertWireframe(tx, actor, project, body, clean);
}

/** GET /wireframes: newest first, keyset on (created_at, id), optionally one template type. */
export async function listWireframes(tx: Tx, userId: string, projectId: string, query: ListWireframesQuery): Promise<Page<Wireframe>> {
  await requireWireframesAccess(tx, userId, projectId, 'read');
  const cursor = decodeTimestampCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    eq(wireframes.projectId, projectId),
    query.templateType ? eq(wireframes.templateType, query.templateType) : undefined,
    cursor ? afterCursor(wireframes.createdAt, wireframes.id, cursor, 'desc') : undefined,
  ];
  const { searchVector: _omitted, ...columns } = getTableColumns(wireframes);
  const rows = await tx
    .select({
      ...columns,
      cursorAt: cursorTimestamp(wireframes.createdAt),
    })
    .from(wireframes)
    .where(and(...filters))
    .orderBy(desc(wireframes.createdAt), desc(wireframes.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ cursorAt: _cursorAt, ...row }) => toWireframe(row),
    (row) => ({ sort: row.cursorAt, id: row.id }),
  );
}

export async function getWireframe(tx: Tx, userId: string, projectId: string, wireframeId: string): Promise<Wireframe> {
  await requireWireframesAccess(tx, userId, projectId, 'read');
  return toWireframe(await loadWireframe(tx, projectId, wireframeId));
}

function staleEdit(row: WireframeRow, base: string): AppError {
  return new AppError(
    'CONFLICT',
    `The wireframe changed since ${base}: it was saved again at ${row.updatedAt.toISOString()}. Merge your change and send that time as baseUpdatedAt`,
    { details: { field: 'baseUpdatedAt', baseUpdatedAt: base, updatedAt: row.updatedAt.toISOString(), wireframe: toWireframe(row) } },
  );
}

/**
 * PATCH /wireframes/{id} (editors and up): the submitted HTML and CSS are sanitized like a create (`clean`: the body's
 * htmlContent, or nothing, with its cssContent, sanitized; undefined when the body has neither); a stale
 * baseUpdatedAt answers 409.
 */
export async function updateWireframe(
  tx: Tx,
  actor: UserActor,
  projectId: string,
  wireframeId: string,
  body: UpdateWireframeBody,
  clean: CleanMarkup | undefined,
): Promise<SavedWireframe> {
  await requireWireframesAccess(tx, actor.userId, projectId, 'write');
  const row = await loadWireframe(tx, projectId, wireframeId, { forUpdate: true });
  if (body.baseUpdatedAt !== undefined && new Date(body.baseUpdatedAt).getTime() !== row.updatedAt.getTime()) throw staleEdit(row, body.baseUpdatedAt);
  const changes: Partial<typeof wireframes.$inferInsert> = {};
  let removed: string[] = [];
  if (clean) {
    removed = clean.removed;
    if (body.htmlContent !== undefined) {
      checkSanitizedMarkup(clean.html, body.htmlContent);
      if (clean.html !== row.htmlContent) changes.htmlContent = clean.html;
    }
    if (body.cssContent !== undefined && clean.css !== row.cssContent) changes.cssContent = clean.css;
  }
  if (body.title !== undefined && body.title !== row.title) changes.title = body.title;
  if (body.description !== undefined && body.description !== row.description) changes.description = body.description;
  if (body.templateType !== undefined && body.templateType !== row.templateType) changes.templateType = body.templateType;
  if (body.metadata !== undefined && JSON.stringify(body.metadata) !== JSON.stringify(row.metadata)) changes.metadata = body.metadata;
  if (Object.keys(changes).length === 0) return { ...toWireframe(row), sanitized: { removed } };
  const [updated] = await tx.update(wireframes).set(changes).where(eq(wireframes.id, row.id)).returning();
  if (!updated) throw notFound('Wireframe');
  await recordAudit(tx, actor, {
    action: 'wireframe_updated',
    resourceType: 'wireframe',
    resourceId: row.id,
    organizationId: row.organizationId,
    details: { projectId, fields: Object.keys(changes), sanitizedRemovals: removed.length },
  });
  return { ...toWireframe(updated), sanitized: { removed } };
}

/** DELETE /wireframes/{id} (editors and up). */
export async function deleteWireframe(tx: Tx, actor: UserActor, projectId: string, wireframeId: string): Promise<void> {
  await requireWireframesAccess(tx, actor.userId, projectId, 'write');
  const row = await loadWireframe(tx, projectId, wireframeId, { forUpdate: true });
  await tx.delete(wireframes).where(eq(wireframes.id, row.id));
  await recordAudit(tx, actor, {
    action: 'wireframe_deleted',
    resourceType: 'wireframe',
    resourceId: row.id,
    organizationId: row.organizationId,
    details: { projectId, title: row.title, templateType: row.templateType },
  });
}

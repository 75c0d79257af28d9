import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../core/db/database.js';
import { type auditLog, organizations, projects, users } from '../../core/db/platform.schema.js';
import { isUuid } from '../../core/ids.js';
import { auditResourceGone } from '../../shared/audit-actions.js';
import { conversations } from '../chat/index.js';
import { diagrams } from '../diagrams/index.js';
import { documents } from '../documents/index.js';
import { wireframes } from '../wireframes/index.js';

type AuditRow = typeof auditLog.$inferSelect;

/** A table whose rows have a name people know them by, looked up a page's ids at a time. */
type Titled = { table: PgTable; id: PgColumn; title: PgColumn };

const people: Titled = { table: users, id: users.id, title: users.name };

/**
 * Where the current name of each kind of resource lives. A member event's resource id is the member's user id.
 * Kinds missing here (sessions, jobs) have no title.
 */
const titledResources: Record<string, Titled> = {
  user: people,
  organization_member: people,
  organization: { table: organizations, id: organizations.id, title: organizations.name },
  project: { table: projects, id: projects.id, title: projects.name },
  document: { table: documents, id: documents.id, title: documents.title },
  diagram: { table: diagrams, id: diagrams.id, title: diagrams.title },
  wireframe: { table: wireframes, id: wireframes.id, title: wireframes.title },
  conversation: { table: conversations, id: conversations.id, title: conversations.title },
};

export type AuditNames = { actorName: string | null; resourceTitle: string | null };

/**
 * The actor's name and the resource's title for each event of a page: one query per kind of resource on the page
 * (people, whether actors or resources, share one). Lookups run under the reader's row level security, so a
 * resource the reader can no longer see reads like a deleted one: the name recorded with the event, if any.
 */
export async function resolveAuditNames(tx: Tx, rows: AuditRow[]): Promise<(row: AuditRow) => AuditNames> {
  const wanted = new Map<Titled, Set<string>>([[people, new Set()]]);
  const want = (source: Titled, id: string | null) => {
    if (!id || !isUuid(id)) return;
    const ids = wanted.get(source) ?? new Set<string>();
    ids.add(id);
    wanted.set(source, ids);
  };
  for (const row of rows) {
    want(people, row.userId);
    const source = titledResources[row.resourceType];
    if (source) want(source, row.resourceId);
  }

  const found = new Map<Titled, Map<string, string>>();
  for (const [source, ids] of wanted) {
    if (ids.size === 0) continue;
    const titled = await tx
      .select({ id: source.id, title: source.title })
      .from(source.table)
      .where(inArray(source.id, [...ids]));
    found.set(source, new Map(titled.map((row) => [String(row.id), String(row.title)])));
  }

  return (row) => {
    const source = titledResources[row.resourceType];
    const current = source && row.resourceId ? found.get(source)?.get(row.resourceId) : undefined;
    return {
      actorName: row.userId ? (found.get(people)?.get(row.userId) ?? null) : null,
      resourceTitle: !source || !row.resourceId ? null : (current ?? recordedTitle(row.details) ?? auditResourceGone(row.resourceType)),
    };
  };
}

/** The name an event recorded for its resource: `title` (or the new one of a rename), else `name`. */
function recordedTitle(details: Record<string, unknown> | null): string | null {
  if (!details) return null;
  const { title, name } = details;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && typeof (title as { to?: unknown }).to === 'string') return (title as { to: string }).to;
  return typeof name === 'string' ? name : null;
}

import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/postgres-error.js';
import { organizationMembers } from '../../../core/db/platform.schema.js';
import { AppError, notFound } from '../../../core/errors.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import type { PersonaProfile } from '../ai/inputs.js';
import type { CreatePersonaBody, Persona, PersonaFamily } from '../board.contract.js';
import { personas } from '../board.schema.js';
import type { PanelCandidate } from './select-panel.js';

export type PersonaRow = typeof personas.$inferSelect;

/** The API's view of a persona. */
export function toPersona(row: PersonaRow): Persona {
  return {
    code: row.code,
    name: row.name,
    expertise: row.expertise,
    systemPrompt: row.systemPrompt,
    family: row.family,
    lens: row.lens,
    checks: row.checks,
    riskAppetite: Number(row.riskAppetite),
    keywords: row.keywords,
    organizationId: row.organizationId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the board's AI tasks read of a persona (src/modules/board/ai/inputs.ts). */
export function toPersonaProfile(row: PersonaRow): PersonaProfile {
  return {
    code: row.code,
    name: row.name,
    family: row.family,
    expertise: row.expertise,
    lens: row.lens,
    checks: row.checks.slice(0, 6),
    riskAppetite: Number(row.riskAppetite),
    systemPrompt: row.systemPrompt,
  };
}

/** What panel selection reads of a persona. */
export function toPanelCandidate(row: PersonaRow): PanelCandidate {
  return {
    code: row.code,
    name: row.name,
    family: row.family,
    expertise: row.expertise,
    riskAppetite: Number(row.riskAppetite),
    keywords: row.keywords,
  };
}

/** Built-in personas first, in the catalog's order, then an organization's own in the order they were added. */
const catalogOrder = [sql`${personas.organizationId} IS NOT NULL`, asc(personas.createdAt), asc(personas.id)];

/**
 * The personas a session of the organization may seat: the built-in ones and the organization's own. The caller's
 * transaction runs as a member of the organization (RLS shows nothing else).
 */
export async function loadPanelCandidates(tx: Tx, organizationId: string): Promise<PersonaRow[]> {
  return tx
    .select()
    .from(personas)
    .where(or(isNull(personas.organizationId), eq(personas.organizationId, organizationId)))
    .orderBy(...catalogOrder);
}

/**
 * GET /board/personas: the built-in personas and those of the caller's organizations, or of one organization
 * (404 when the caller is not a member); optionally of one family.
 */
export async function listPersonas(tx: Tx, userId: string, query: { organizationId?: string | undefined; family?: PersonaFamily | undefined }): Promise<Persona[]> {
  let own: SQL;
  if (query.organizationId) {
    await requireOrganizationRole(tx, userId, query.organizationId, 'viewer');
    own = eq(personas.organizationId, query.organizationId);
  } else {
    const memberships = tx.select({ id: organizationMembers.organizationId }).from(organizationMembers).where(eq(organizationMembers.userId, userId));
    own = inArray(personas.organizationId, memberships);
  }
  const rows = await tx
    .select()
    .from(personas)
    .where(and(or(isNull(personas.organizationId), own), query.family ? eq(personas.family, query.family) : undefined))
    .orderBy(...catalogOrder);
  return rows.map(toPersona);
}

function codeTaken(code: string, byBuiltIn: boolean): AppError {
  const message = byBuiltIn
    ? `Persona code "${code}" is taken by a built-in persona; choose another code`
    : `Persona code "${code}" is already used by a persona of this organization; choose another code`;
  return new AppError('CONFLICT', message, { details: [{ field: 'code', message, in: 'body' }] });
}

async function builtInExists(tx: Tx, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: personas.id })
    .from(personas)
    .where(and(isNull(personas.organizationId), eq(personas.code, code)));
  return row !== undefined;
}

/** Keywords as selection matches them: lower case, trimmed, each once. */
function normalizeKeywords(keywords: readonly string[] | undefined): string[] {
  return [...new Set((keywords ?? []).map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0))];
}

/** POST /board/personas: editors and up add a persona to their organization; a code in use answers 409. */
export async function createPersona(tx: Tx, actor: UserActor, input: CreatePersonaBody): Promise<Persona> {
  await requireOrganizationRole(tx, actor.userId, input.organizationId, 'editor');
  if (await builtInExists(tx, input.code)) throw codeTaken(input.code, true);
  let row: PersonaRow | undefined;
  try {
    // A savepoint, so a concurrent create of the same code leaves the caller's transaction usable for the 409.
    row = await tx.transaction(async (sp) => {
      const [inserted] = await sp
        .insert(personas)
        .values({
          organizationId: input.organizationId,
          code: input.code,
          name: input.name,
          expertise: input.expertise,
          systemPrompt: input.systemPrompt,
          family: input.family,
          lens: input.lens,
          checks: input.checks,
          riskAppetite: input.riskAppetite ?? 0,
          keywords: normalizeKeywords(input.keywords),
          createdBy: actor.userId,
        })
        .returning();
      return inserted;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code, false);
    throw error;
  }
  if (!row) throw new Error('The persona was not inserted');
  await recordAudit(tx, actor, {
    action: 'board_persona_created',
    resourceType: 'board_persona',
    resourceId: row.code,
    organizationId: row.organizationId,
    details: { code: row.code, name: row.name, family: row.family },
  });
  return toPersona(row);
}

/**
 * DELETE /board/personas/{code}?organizationId=: editors and up remove one of their organization's personas.
 * Built-in personas belong to every organization and cannot be removed. Sessions that seated the persona keep
 * its contributions and votes (they record the code and name, not a reference).
 */
export async function deletePersona(tx: Tx, actor: UserActor, code: string, organizationId: string | undefined): Promise<void> {
  if (await builtInExists(tx, code)) {
    throw new AppError('FORBIDDEN', `Persona "${code}" is built in and cannot be deleted; only an organization's own personas can`);
  }
  if (!organizationId) {
    const message = 'Organization id is required: name the organization whose persona to delete';
    throw new AppError('VALIDATION_FAILED', `Invalid query: organizationId: ${message}`, { details: [{ field: 'organizationId', message, in: 'querystring' }] });
  }
  await requireOrganizationRole(tx, actor.userId, organizationId, 'editor');
  const [row] = await tx
    .delete(personas)
    .where(and(eq(personas.organizationId, organizationId), eq(personas.code, code)))
    .returning({ code: personas.code, name: personas.name, family: personas.family });
  if (!row) throw notFound('Persona');
  await recordAudit(tx, actor, {
    action: 'board_persona_deleted',
    resourceType: 'board_persona',
    resourceId: row.code,
    organizationId,
    details: { code: row.code, name: row.name, family: row.family },
  });
}

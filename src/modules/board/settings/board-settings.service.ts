import { eq } from 'drizzle-orm';
import { recordAudit, type UserActor } from '../../../core/audit.js';
import type { Tx } from '../../../core/db/database.js';
import { requireOrganizationRole } from '../../organizations/index.js';
import { DEFAULT_MAX_ROUNDS, type BoardSettings, type UpdateBoardSettingsBody } from '../board.contract.js';
import { boardSettings } from '../board.schema.js';

/** What an organization that never changed its board settings gets (the table's defaults). */
export function defaultBoardSettings(organizationId: string): BoardSettings {
  return { organizationId, defaultBudgetUsd: 1, defaultTokenCap: null, defaultMaxRounds: DEFAULT_MAX_ROUNDS, voteRule: 'borda', personaModels: {} };
}

/** The organization's board settings, or the defaults when it has no row; no access check (callers check membership). */
export async function readBoardSettings(tx: Tx, organizationId: string): Promise<BoardSettings> {
  const [row] = await tx.select().from(boardSettings).where(eq(boardSettings.organizationId, organizationId));
  if (!row) return defaultBoardSettings(organizationId);
  return {
    organizationId: row.organizationId,
    defaultBudgetUsd: row.defaultBudgetUsd,
    defaultTokenCap: row.defaultTokenCap,
    defaultMaxRounds: row.defaultMaxRounds,
    voteRule: row.voteRule,
    personaModels: row.personaModels,
  };
}

/** GET /board/settings/{organizationId}: members. */
export async function getBoardSettings(tx: Tx, userId: string, organizationId: string): Promise<BoardSettings> {
  await requireOrganizationRole(tx, userId, organizationId, 'viewer');
  return readBoardSettings(tx, organizationId);
}

/** PUT /board/settings/{organizationId}: admins; fields left out keep their value. */
export async function updateBoardSettings(tx: Tx, actor: UserActor, organizationId: string, input: UpdateBoardSettingsBody): Promise<BoardSettings> {
  await requireOrganizationRole(tx, actor.userId, organizationId, 'admin');
  const current = await readBoardSettings(tx, organizationId);
  const next: BoardSettings = {
    organizationId,
    defaultBudgetUsd: input.defaultBudgetUsd ?? current.defaultBudgetUsd,
    defaultTokenCap: input.defaultTokenCap === undefined ? current.defaultTokenCap : input.defaultTokenCap,
    defaultMaxRounds: input.defaultMaxRounds ?? current.defaultMaxRounds,
    voteRule: input.voteRule ?? current.voteRule,
    personaModels: input.personaModels ?? current.personaModels,
  };
  const { organizationId: _key, ...values } = next;
  await tx.insert(boardSettings).values(next).onConflictDoUpdate({ target: boardSettings.organizationId, set: values });
  const changed = Object.keys(input).filter((key) => input[key as keyof UpdateBoardSettingsBody] !== undefined);
  await recordAudit(tx, actor, {
    action: 'board_settings_updated',
    resourceType: 'board_settings',
    resourceId: organizationId,
    organizationId,
    details: { changed },
  });
  return next;
}

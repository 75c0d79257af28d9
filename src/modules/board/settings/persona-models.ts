import { resolveAiSettings } from '../../../core/ai/index.js';
import { BUILTIN_MODEL } from '../../../core/ai/providers.js';
import type { AppContext } from '../../../core/context.js';
import type { Tx } from '../../../core/db/database.js';
import type { BoardSettings } from '../board.contract.js';

/** The model a persona runs on: its own entry in the settings, else the "*" entry, else the organization's model. */
export function personaModel(settings: Pick<BoardSettings, 'personaModels'>, code: string, organizationModel: string): string {
  return settings.personaModels[code] ?? settings.personaModels['*'] ?? organizationModel;
}

/** The organization's model (its own provider's, else the server's), as the ledger names it. */
export async function organizationModel(tx: Tx, context: AppContext, organizationId: string): Promise<string> {
  const resolved = await resolveAiSettings(tx, organizationId, context.config.ai, context.ai.secrets);
  return resolved.provider === 'builtin' ? BUILTIN_MODEL : resolved.model;
}

import type { Tx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { personalOrganizationIdOf, requireOrganizationRole } from '../organizations/index.js';
import { requireProjectRole } from '../projects/index.js';

export type AiScope = { organizationId: string; projectId: string | null };

/**
 * Whose budget and ledger an AI call belongs to: the project's organization, the named organization, or the
 * caller's personal one. Running AI spends money, so editors and up only.
 */
export async function resolveAiScope(
  tx: Tx,
  userId: string,
  input: { organizationId?: string | undefined; projectId?: string | undefined },
): Promise<AiScope> {
  if (input.projectId) {
    const { project } = await requireProjectRole(tx, userId, input.projectId, 'editor');
    if (input.organizationId && input.organizationId !== project.organizationId) {
      throw new AppError('VALIDATION_FAILED', 'The project belongs to another organization', {
        details: [{ field: 'projectId', message: 'is not a project of organizationId', in: 'body' }],
      });
    }
    return { organizationId: project.organizationId, projectId: project.id };
  }
  const organizationId = input.organizationId ?? (await personalOrganizationIdOf(tx, userId));
  if (!organizationId) {
    throw new AppError('VALIDATION_FAILED', 'You have no personal organization: name the organization', {
      details: [{ field: 'organizationId', message: 'is required', in: 'body' }],
    });
  }
  await requireOrganizationRole(tx, userId, organizationId, 'editor');
  return { organizationId, projectId: null };
}

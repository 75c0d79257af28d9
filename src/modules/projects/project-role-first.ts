import type { FastifyRequest } from 'fastify';
import type { Database } from '../../core/db/database.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth } from '../../core/http/request-context.js';
import type { OrganizationRole } from '../../shared/organization-roles.js';
import { requireProjectRole } from './projects.service.js';

/**
 * A preValidation hook for routes under /projects/:projectId/… that need a role in the project: who may not call the
 * route hears so first (401, 404 for a project they cannot see, 403 below `minimum`), before the body is judged, so
 * a viewer's edit answers 403 whatever its body holds. The route's service checks access again, in full (a deleted
 * project, the document's own rules), inside its transaction.
 */
export function projectRoleFirst(db: Database, minimum: OrganizationRole): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const { userId } = requireAuth(request);
    const projectId = (request.params as { projectId?: unknown }).projectId;
    if (typeof projectId !== 'string') return;
    await withUser(db, userId, (tx) => requireProjectRole(tx, userId, projectId, minimum));
  };
}

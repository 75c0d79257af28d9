import type { AppModule } from '../../core/module.js';
import { organizationsRoutes } from './organizations.routes.js';

export { createOrganization, personalOrganizationIdOf, slugify, toOrganization, type OrganizationRow, type UserActor } from './organizations.service.js';
export { forbidden, memberRoleOf, requireOrganizationRole, roleAtLeast } from './organization-access.js';
export { organizationRoleSchema, settingsSchema, type Member, type Organization } from './organizations.contract.js';

/** Organizations, their members and roles. */
export const organizationsModule: AppModule = { name: 'organizations', routes: organizationsRoutes };

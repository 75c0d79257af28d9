export { createOrganization, slugify, type OrganizationRow } from './organizations.service.js';

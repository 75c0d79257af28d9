/** The roles a member holds in an organization, most powerful first. Shared by the database schema, the contracts and the web page. */
export const organizationRoles = ['owner', 'admin', 'editor', 'viewer'] as const;
export type OrganizationRole = (typeof organizationRoles)[number];

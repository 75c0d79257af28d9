import { apiRequest, enc } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  addMemberBody,
  createOrganizationBody,
  memberPageSchema,
  memberSchema,
  organizationPageSchema,
  organizationSchema,
  pageQuery,
  updateOrganizationBody,
} from '../../../modules/organizations/organizations.contract';
import type { OrganizationRole } from '../../../shared/organization-roles';

/** The organizations API: the organizations you belong to and their members. */

export type Organization = ResponseOf<typeof organizationSchema>;
export type Member = ResponseOf<typeof memberSchema>;
export type { OrganizationRole };

export const organizationsApi = {
  list: (query: ListQueryOf<typeof pageQuery> = {}) =>
    apiRequest<ResponseOf<typeof organizationPageSchema>>('GET', '/organizations', { query }),
  create: (input: RequestOf<typeof createOrganizationBody>) => apiRequest<Organization>('POST', '/organizations', { body: input }),
  update: (id: string, patch: RequestOf<typeof updateOrganizationBody>) =>
    apiRequest<Organization>('PATCH', `/organizations/${enc(id)}`, { body: patch }),
  remove: (id: string) => apiRequest<void>('DELETE', `/organizations/${enc(id)}`),
  members: {
    list: (organizationId: string, query: ListQueryOf<typeof pageQuery> = {}, signal?: AbortSignal) =>
      apiRequest<ResponseOf<typeof memberPageSchema>>('GET', `/organizations/${enc(organizationId)}/members`, { query, signal }),
    add: (organizationId: string, input: RequestOf<typeof addMemberBody>) =>
      apiRequest<Member>('POST', `/organizations/${enc(organizationId)}/members`, { body: input }),
    update: (organizationId: string, userId: string, role: OrganizationRole) =>
      apiRequest<Member>('PATCH', `/organizations/${enc(organizationId)}/members/${enc(userId)}`, { body: { role } }),
    remove: (organizationId: string, userId: string) =>
      apiRequest<void>('DELETE', `/organizations/${enc(organizationId)}/members/${enc(userId)}`),
  },
};

import { apiRequest, enc } from '../../api/http';
import type { ListQueryOf, RequestOf, ResponseOf } from '../../api/contract-types';
import type {
  createIntegrationSchema,
  deliveryListQuerySchema,
  deliveryPageSchema,
  deliverySchema,
  integrationListQuerySchema,
  integrationPageSchema,
  integrationSchema,
  integrationTestResultSchema,
  IntegrationType,
  testEventAcceptedSchema,
  updateIntegrationSchema,
  WebhookEventType,
} from '../../../modules/integrations/integrations.contract';

/** The integrations API: an organization's integrations, their test, test events and the delivery log. */

export type Integration = ResponseOf<typeof integrationSchema>;
export type IntegrationInput = RequestOf<typeof createIntegrationSchema>;
export type IntegrationPatch = RequestOf<typeof updateIntegrationSchema>;
export type IntegrationTestResult = ResponseOf<typeof integrationTestResultSchema>;
export type Delivery = ResponseOf<typeof deliverySchema>;
export type { IntegrationType, WebhookEventType };

const collection = (organizationId: string) => `/organizations/${enc(organizationId)}/integrations`;
const one = (organizationId: string, id: string) => `${collection(organizationId)}/${enc(id)}`;

export const integrationsApi = {
  list: (organizationId: string, query: ListQueryOf<typeof integrationListQuerySchema> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof integrationPageSchema>>('GET', collection(organizationId), { query, signal }),
  create: (organizationId: string, input: IntegrationInput) => apiRequest<Integration>('POST', collection(organizationId), { body: input }),
  update: (organizationId: string, id: string, patch: IntegrationPatch) => apiRequest<Integration>('PATCH', one(organizationId, id), { body: patch }),
  remove: (organizationId: string, id: string) => apiRequest<void>('DELETE', one(organizationId, id)),
  test: (organizationId: string, id: string) => apiRequest<IntegrationTestResult>('POST', `${one(organizationId, id)}/test`, { body: {} }),
  sendTestEvent: (id: string) => apiRequest<ResponseOf<typeof testEventAcceptedSchema>>('POST', `/integrations/${enc(id)}/test-event`, { body: {} }),
  deliveries: (id: string, query: ListQueryOf<typeof deliveryListQuerySchema> = {}, signal?: AbortSignal) =>
    apiRequest<ResponseOf<typeof deliveryPageSchema>>('GET', `/integrations/${enc(id)}/deliveries`, { query, signal }),
};

import type { AppModule } from '../../core/module.js';
import { registerIntegrationRoutes } from './integrations.routes.js';

export { integrationTypeHandler, registerIntegrationType, type DeliveryOutcome, type IntegrationTypeHandler, type OpenedIntegration } from './integration-types.js';
export { deliveries, deliveryAttempts, githubLinks, integrations, outbox } from './integrations.schema.js';

/**
 * Integrations (seed 003 `integrations`, issue 17): an organization's links to outside services with sealed secrets,
 * the outbox of events its changes write, and their signed delivery to webhooks.
 */
export const integrationsModule: AppModule = {
  name: 'integrations',
  async routes(api, context) {
    await registerIntegrationRoutes(api, context);
  },
};

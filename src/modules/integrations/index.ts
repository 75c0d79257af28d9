import type { AppModule } from '../../core/module.js';
import { githubIntegrationType, githubPollJob } from './github/github-integration.js';
import { registerGitHubRoutes } from './github/github.routes.js';
import { registerIntegrationType } from './integration-types.js';
import { registerIntegrationRoutes } from './integrations.routes.js';

export { integrationTypeHandler, registerIntegrationType, type DeliveryOutcome, type IntegrationTypeHandler, type OpenedIntegration } from './integration-types.js';
export { deliveries, deliveryAttempts, githubLinks, integrations, outbox } from './integrations.schema.js';

// GitHub's behaviour for the shared records, outbox and delivery job (github/).
registerIntegrationType(githubIntegrationType);

/**
 * Integrations (seed 003 `integrations`, issue 17): an organization's links to outside services with sealed secrets,
 * the outbox of events its changes write, and their signed delivery to webhooks.
 */
export const integrationsModule: AppModule = {
  name: 'integrations',
  jobs: (context) => [githubPollJob(context)],
  async routes(api, context) {
    await registerIntegrationRoutes(api, context);
    await registerGitHubRoutes(api, context);
  },
};

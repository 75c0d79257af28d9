import type { AppModule } from '../../core/module.js';
import { googleAnalyticsHandler, registerAnalyticsRoutes } from './analytics/index.js';
import { githubCheck, googleAnalyticsCheck } from './checks/service-checks.js';
import { deliverJob } from './deliveries/delivery.job.js';
import { githubIntegrationType, githubPollJob } from './github/github-integration.js';
import { registerGitHubRoutes } from './github/github.routes.js';
import { registerIntegrationType } from './integration-types.js';
import { registerIntegrationRoutes } from './integrations.routes.js';
import { webhookType } from './webhooks/webhook-type.js';

export { DELIVER_JOB } from './deliveries/delivery.job.js';
export { integrationTypeHandler, registerIntegrationType, type DeliveryOutcome, type IntegrationTypeHandler, type OpenedIntegration } from './integration-types.js';
export { deliveries, deliveryAttempts, githubLinks, integrations, outbox } from './integrations.schema.js';
export { signatureHeader, verifySignature } from './webhooks/signature.js';

// What each type does. A type's own code may register a fuller handler after these (the last registration wins).
registerIntegrationType(webhookType);
registerIntegrationType(githubCheck);
registerIntegrationType(googleAnalyticsCheck);
registerIntegrationType(googleAnalyticsHandler);

// GitHub's behaviour for the shared records, outbox and delivery job (github/).
registerIntegrationType(githubIntegrationType);

/**
 * Integrations (seed 003 `integrations`, issue 17): an organization's links to outside services with sealed secrets,
 * the outbox of events its changes write, and their signed delivery to webhooks with retries and a delivery log.
 */
export const integrationsModule: AppModule = {
  name: 'integrations',
  async routes(api, context) {
    await registerIntegrationRoutes(api, context);
    await registerAnalyticsRoutes(api, context);
    await registerGitHubRoutes(api, context);
  },
  jobs: (context) => [deliverJob(context), githubPollJob(context)],
};

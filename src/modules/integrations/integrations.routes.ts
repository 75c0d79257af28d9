import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import { listDeliveries, recordIntegrationTest, runIntegrationTest, sendTestEvent } from './deliveries/deliveries.service.js';
import {
  createIntegrationSchema,
  deliveryListQuerySchema,
  deliveryPageSchema,
  integrationTestResultSchema,
  testEventAcceptedSchema,
  integrationListQuerySchema,
  integrationPageSchema,
  integrationSchema,
  updateIntegrationSchema,
} from './integrations.contract.js';
import { createIntegration, deleteIntegration, getIntegration, integrationToManage, listIntegrations, updateIntegration } from './integrations.service.js';

const tags = ['integrations'];
const organizationParams = z.object({ orgId: z.string() });
const integrationParams = z.object({ orgId: z.string(), id: z.string() });
const idParams = z.object({ id: z.string() });

/** /organizations/{orgId}/integrations: the records (members read; admins and owners write; secrets write-only). */
export async function registerIntegrationRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/organizations/:orgId/integrations',
    {
      schema: {
        tags,
        summary: "The organization's integrations, newest first (members; never a secret)",
        params: organizationParams,
        querystring: integrationListQuerySchema,
        response: { 200: integrationPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listIntegrations(context, tx, userId, request.params.orgId, request.query));
    },
  );

  api.post(
    '/organizations/:orgId/integrations',
    {
      schema: {
        tags,
        summary: 'Add an integration (admins and owners): github, webhook, zapier or google_analytics; secrets are sealed and never returned',
        params: organizationParams,
        body: createIntegrationSchema,
        response: { 201: integrationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const integration = await withUser(db, actor.userId, (tx) => createIntegration(context, tx, actor, request.params.orgId, request.body));
      return reply.status(201).send(integration);
    },
  );

  api.get(
    '/organizations/:orgId/integrations/:id',
    { schema: { tags, summary: 'One integration (members; never a secret)', params: integrationParams, response: { 200: integrationSchema } } },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => getIntegration(context, tx, userId, request.params.orgId, request.params.id));
    },
  );

  api.patch(
    '/organizations/:orgId/integrations/:id',
    {
      schema: {
        tags,
        summary: 'Rename, enable or disable an integration, replace its configuration or some of its secrets (admins and owners)',
        params: integrationParams,
        body: updateIntegrationSchema,
        response: { 200: integrationSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return withUser(db, actor.userId, (tx) => updateIntegration(context, tx, actor, request.params.orgId, request.params.id, request.body));
    },
  );

  api.delete(
    '/organizations/:orgId/integrations/:id',
    {
      schema: {
        tags,
        summary: 'Remove an integration with its delivery log (admins and owners)',
        params: integrationParams,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => deleteIntegration(tx, actor, request.params.orgId, request.params.id));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/organizations/:orgId/integrations/:id/test',
    {
      schema: {
        tags,
        summary: 'Call the service once (webhooks: a signed test event; GitHub: the repository; Google Analytics: a token) and keep the outcome as last success or error (admins and owners)',
        params: integrationParams,
        response: { 200: integrationTestResultSchema },
      },
    },
    async (request) => {
      const actor = requireUserActor(request);
      const row = await withUser(db, actor.userId, (tx) => integrationToManage(tx, actor.userId, request.params.id, request.params.orgId));
      // No transaction is held while the outside service answers.
      const result = await runIntegrationTest(context, row);
      await withUser(db, actor.userId, (tx) => recordIntegrationTest(tx, actor, row, result));
      return result;
    },
  );

  api.post(
    '/integrations/:id/test-event',
    {
      schema: {
        tags,
        summary: 'Queue a signed `test` event to a webhook integration, delivered, retried and logged like any event (admins and owners)',
        params: idParams,
        response: { 202: testEventAcceptedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const accepted = await withUser(db, actor.userId, (tx) => sendTestEvent(tx, actor, request.params.id));
      return reply.status(202).send(accepted);
    },
  );

  api.get(
    '/integrations/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of an integration, newest first: each event with its status and every attempt (members)',
        params: idParams,
        querystring: deliveryListQuerySchema,
        response: { 200: deliveryPageSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return withUser(db, userId, (tx) => listDeliveries(tx, userId, request.params.id, request.query));
    },
  );
}

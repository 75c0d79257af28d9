import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { withUser } from '../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../core/http/request-context.js';
import {
  createIntegrationSchema,
  integrationListQuerySchema,
  integrationPageSchema,
  integrationSchema,
  updateIntegrationSchema,
} from './integrations.contract.js';
import { createIntegration, deleteIntegration, getIntegration, listIntegrations, updateIntegration } from './integrations.service.js';

const tags = ['integrations'];
const organizationParams = z.object({ orgId: z.string() });
const integrationParams = z.object({ orgId: z.string(), id: z.string() });

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
}

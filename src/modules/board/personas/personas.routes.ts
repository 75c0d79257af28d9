import { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { withUser } from '../../../core/db/tenancy.js';
import { requireAuth, requireUserActor, type ZodApp } from '../../../core/http/request-context.js';
import { createPersonaBody, listPersonasQuery, personaCodeSchema, personaListSchema, personaSchema } from '../board.contract.js';
import { createPersona, deletePersona, listPersonas } from './personas.service.js';

const tags = ['board'];

const personaParams = z.object({ code: personaCodeSchema }).strict();
const deletePersonaQuery = z.object({ organizationId: z.uuid('Organization id must be a UUID').optional() }).strict();

/** /board/personas: the built-in panel and an organization's own personas. */
export async function registerPersonaRoutes(api: ZodApp, context: AppContext): Promise<void> {
  const { db } = context;

  api.get(
    '/board/personas',
    {
      schema: {
        tags,
        summary: "The personas the board can seat: the built-in ones and your organizations' own (or one organization's), optionally of one family",
        querystring: listPersonasQuery,
        response: { 200: personaListSchema },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      return { items: await withUser(db, userId, (tx) => listPersonas(tx, userId, request.query)) };
    },
  );

  api.post(
    '/board/personas',
    {
      schema: {
        tags,
        summary: "Add a persona to an organization (editors and up); its code must differ from every built-in persona's and the organization's own",
        body: createPersonaBody,
        response: { 201: personaSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      const persona = await withUser(db, actor.userId, (tx) => createPersona(tx, actor, request.body));
      return reply.status(201).send(persona);
    },
  );

  api.delete(
    '/board/personas/:code',
    {
      schema: {
        tags,
        summary: "Remove one of an organization's personas (editors and up); built-in personas cannot be removed",
        params: personaParams,
        querystring: deletePersonaQuery,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await withUser(db, actor.userId, (tx) => deletePersona(tx, actor, request.params.code, request.query.organizationId));
      return reply.status(204).send(null);
    },
  );
}
